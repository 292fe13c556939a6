/**
 * The disputes context's wiring: complaints (投诉 / ODR) with their steps, statistics and compensation, and reports
 * (举报). Both grant their parties reads of the evidence documents.
 */
import {
  type CompensationMoneyService,
  CompensationPaymentService,
  ComplaintFilingService,
  ComplaintStatsService,
  ComplaintStepService,
  ComplaintSweeperService,
  ComplaintViewService,
  type ComplianceService,
  type DocumentReadGrant,
  ReportFilingService,
  ReportHandlingService,
  ReportViewService,
  type ReturnService,
} from '@livehub/core';
import { reportTargets } from '../adapters/report-targets.ts';
import { randomTokens } from '../adapters/runtime.ts';
import type { Platform } from './platform.ts';

export function wireDisputes(
  p: Platform,
  d: {
    returns: ReturnService;
    compensationMoney: CompensationMoneyService;
    compliance: ComplianceService;
    readGrants: DocumentReadGrant[];
  },
) {
  const { clock, ids, uow, kv, vault, audit, names } = p;
  const { returns, compensationMoney, compliance, readGrants } = d;
  // 投诉 / ODR (docs/disputes.md): the order's facts through the orders context's repository, evidence through the
  // document store's records; the sweep moves lapsed steps on (tick)
  const complaintOrders = {
    orderFacts: async (orderId: string) => {
      const o = await uow.read.orders.findOrder(orderId);
      return o
        ? {
            id: o.id,
            buyerUserId: o.buyerUserId,
            merchantOrgId: o.merchantOrgId,
            streamerUserId: o.streamerUserId,
            sessionId: o.sessionId,
            totalFen: o.totalFen,
            refundedFen: o.refundedFen,
            paidAt: o.paidAt,
            createdAt: o.createdAt,
          }
        : null;
    },
    productsOf: async (orderIds: readonly string[]) => {
      const out = new Map<string, string[]>();
      if (orderIds.length === 0) return out;
      for (const l of await uow.read.orders.listLines([...orderIds])) {
        const ps = out.get(l.orderId) ?? [];
        if (!ps.includes(l.productId)) ps.push(l.productId);
        out.set(l.orderId, ps);
      }
      return out;
    },
  };
  const evidence = { uploaderOf: async (id: string) => (await uow.read.workflows.findDocument(id))?.uploadedBy ?? null };
  const complaintCore = { clock, ids, audit, vault };
  const complaints = {
    filing: new ComplaintFilingService({ ...complaintCore, uow, orders: complaintOrders, evidence }),
    // a refund or return outcome goes through the order's after-sales path (the orders context's returns)
    steps: new ComplaintStepService({
      ...complaintCore,
      uow,
      remedies: {
        applyIn: (tx, actor, input) => returns.complaintRemedyIn(tx, actor, input),
        send: (refundId) => returns.sendRecordedRefund(refundId),
      },
    }),
    views: new ComplaintViewService({ uow, clock, vault, names }),
    // 投诉统计: per merchant, streamer, product; the products of the orders through the orders context
    stats: new ComplaintStatsService({ uow, clock, orders: complaintOrders, names }),
    sweeper: new ComplaintSweeperService({ ...complaintCore, uow }),
    // 赔付 and 先行赔付: the money moves through settlement's ledger (its CompensationMoney port implementation)
    payments: new CompensationPaymentService({ uow, clock, ids, audit, money: compensationMoney }),
  };
  // a complaint's parties may open the consumer's evidence (docs/disputes.md)
  readGrants.push({ name: 'complaint_evidence', mayRead: (actor, documentId) => complaints.views.mayReadEvidence(actor, documentId) });
  // 举报 (docs/reports.md): targets through the live, catalog and identity repositories; a live room's or product's
  // report opens a review item through the compliance context's in-transaction form; rate-limited per reporter
  const reports = {
    filing: new ReportFilingService({
      ...complaintCore,
      uow,
      tokens: randomTokens,
      rateLimits: kv.rateLimits,
      targets: reportTargets(uow),
      evidence,
      review: compliance,
      names,
    }),
    handling: new ReportHandlingService({ ...complaintCore, uow, names }),
    views: new ReportViewService({ uow, vault, names }),
  };
  return { complaints, reports };
}
