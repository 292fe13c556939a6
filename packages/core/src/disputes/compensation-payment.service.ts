/**
 * Paying a complaint's outcome (docs/disputes.md, "Paying outcomes and 先行赔付"). A resolution with an amount
 * creates a 赔付义务 in its own transaction (complaint.internal.ts); this service then
 *
 * - lets the merchant's staff pay it before its deadline from the merchant's available balance (`pay`);
 * - past the deadline, has the advance-compensation fund pay the consumer (先行赔付) and recovers (追偿) what it paid
 *   from the merchant's deposit, then its available balance; what neither covers stays owed and is tried again on
 *   every sweep (`sweep`, run by the server's periodic work).
 *
 * Money moves only through the `CompensationMoney` port (the settlement context's ledger). Each obligation moves in
 * its own transaction, re-read under lock, with its audit entry and outbox event; the ledger's business keys make a
 * replay post nothing twice.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { roleOf, upheldSeverity } from './complaint.internal.ts';
import type { CompensationMoney, CompensationMoneyScope } from './compensation-money.port.ts';
import { obligationView, outstandingFen, payable, recoverySplit, statusAfterRecovery } from './compensation-payment.rules.ts';
import type { CompensationObligationRecord, CompensationObligationView } from './compensation-payment.types.ts';
import { yuan } from './compensation.rules.ts';

export interface CompensationPaymentDeps {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox' | CompensationMoneyScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  money: CompensationMoney;
}

type PayTx = Pick<Repositories, 'complaints' | 'complaintPayments' | 'audit' | 'outbox' | CompensationMoneyScope>;

const BATCH = 200;
const SYSTEM: Actor = { userId: null, label: 'system:disputes', orgId: null, membershipId: null, role: 'system', via: 'system' };

export interface CompensationSweepResult {
  compensationsAdvanced: number;
  compensationsRecovered: number;
  /** overdue obligations the fund could not pay (its balance too low): they wait for the fund */
  compensationsFundShort: number;
}

export class CompensationPaymentService {
  constructor(private readonly d: CompensationPaymentDeps) {}

  /** 商家赔付: the merchant's staff pays the obligation of their complaint from the merchant's available balance. */
  async pay(actor: Actor, complaintId: string): Promise<CompensationObligationView> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const c = await tx.complaints.findComplaint(complaintId);
      const role = c ? roleOf(actor, c) : null;
      if (!c || !role) throw new AppError('disputes.not_found', { field: 'id' });
      if (role !== 'merchant') throw new AppError('disputes.wrong_role', { field: 'id', details: { action: 'pay' } });
      const o = await tx.complaintPayments.findObligationOf(c.id, { lock: true });
      if (!o) throw new AppError('disputes.nothing_to_pay', { field: 'id' });
      const state = payable(o, now);
      if (state === 'not_due') throw new AppError('disputes.already_paid', { field: 'id', details: { status: o.status } });
      if (state === 'deadline_passed')
        throw new AppError('disputes.deadline_passed', { field: 'id', details: { dueAt: o.dueAt.toISOString() } });
      const funds = await this.d.money.merchantFunds(tx, o.merchantOrgId);
      if (funds.availableFen < o.amountFen)
        throw new AppError('disputes.insufficient_balance', {
          field: 'id',
          details: { amountYuan: yuan(o.amountFen), availableYuan: yuan(funds.availableFen) },
        });
      await this.d.money.merchantPays(tx, this.posting(o));
      const next: CompensationObligationRecord = {
        ...o,
        status: 'paid_by_merchant',
        paidByMerchantFen: o.amountFen,
        paidAt: now,
        updatedAt: now,
        version: o.version + 1,
      };
      await this.save(tx, next, o.version);
      await this.record(tx, actor, next, 'compensation_paid', { amountFen: o.amountFen }, now);
      return obligationView(next);
    });
  }

  /** The sweep: overdue obligations are advanced by the fund and recovered; earlier advances are recovered further. */
  async sweep(at?: Date): Promise<CompensationSweepResult> {
    const now = at ?? this.d.clock.now();
    const out: CompensationSweepResult = { compensationsAdvanced: 0, compensationsRecovered: 0, compensationsFundShort: 0 };
    for (const candidate of await this.d.uow.read.complaintPayments.listOverdue(now, BATCH)) {
      const r = await this.d.uow.transaction(async (tx) => {
        const o = await tx.complaintPayments.findObligationOf(candidate.complaintId, { lock: true });
        if (!o || payable(o, now) !== 'deadline_passed') return null;
        if ((await this.d.money.fundBalance(tx)) < o.amountFen) return 'short' as const;
        const fund = await this.d.money.advance(tx, this.posting(o));
        let next: CompensationObligationRecord = {
          ...o,
          status: 'advanced',
          advancedFen: o.amountFen,
          advancedAt: now,
          updatedAt: now,
          version: o.version + 1,
        };
        await this.record(tx, SYSTEM, next, 'compensation_advanced', { amountFen: o.amountFen, fundBalanceFen: fund.fundBalanceFen }, now);
        next = await this.recover(tx, next, now);
        await this.save(tx, next, o.version);
        return 'advanced' as const;
      });
      if (r === 'advanced') out.compensationsAdvanced++;
      if (r === 'short') out.compensationsFundShort++;
    }
    for (const candidate of await this.d.uow.read.complaintPayments.listOutstanding(BATCH)) {
      const moved = await this.d.uow.transaction(async (tx) => {
        const o = await tx.complaintPayments.findObligationOf(candidate.complaintId, { lock: true });
        if (!o || outstandingFen(o) <= 0) return false;
        const next = await this.recover(tx, { ...o, version: o.version + 1 }, now);
        if (next.recoveries === o.recoveries) return false;
        await this.save(tx, next, o.version);
        return true;
      });
      if (moved) out.compensationsRecovered++;
    }
    return out;
  }

  /** 追偿: what is outstanding, from the deposit first, then the available balance; nothing posted when both are empty. */
  private async recover(tx: PayTx, o: CompensationObligationRecord, now: Date): Promise<CompensationObligationRecord> {
    const owed = outstandingFen(o);
    if (owed <= 0) return o;
    const funds = await this.d.money.merchantFunds(tx, o.merchantOrgId);
    const split = recoverySplit(owed, funds.depositFen, funds.availableFen);
    if (split.fromDepositFen + split.fromBalanceFen === 0) return o;
    const seq = o.recoveries + 1;
    await this.d.money.recover(tx, { ...this.posting(o), seq, fromDepositFen: split.fromDepositFen, fromBalanceFen: split.fromBalanceFen });
    const partial: CompensationObligationRecord = {
      ...o,
      recoveredFromDepositFen: o.recoveredFromDepositFen + split.fromDepositFen,
      recoveredFromBalanceFen: o.recoveredFromBalanceFen + split.fromBalanceFen,
      recoveries: seq,
      recoveredAt: now,
      updatedAt: now,
    };
    const next = { ...partial, status: statusAfterRecovery(partial) };
    await this.record(
      tx,
      SYSTEM,
      next,
      'compensation_recovered',
      { seq, fromDepositFen: split.fromDepositFen, fromBalanceFen: split.fromBalanceFen, outstandingFen: split.outstandingFen },
      now,
    );
    return next;
  }

  private posting(o: CompensationObligationRecord) {
    return { obligationId: o.id, complaintId: o.complaintId, merchantOrgId: o.merchantOrgId, amountFen: o.amountFen };
  }

  private async save(tx: PayTx, next: CompensationObligationRecord, expectVersion: number): Promise<void> {
    if (!(await tx.complaintPayments.updateObligation(next, expectVersion))) throw new AppError('disputes.stale', { field: 'id' });
  }

  /** The timeline line both sides see, the audit entry and the outbox event `disputes.<action>`. */
  private async record(
    tx: PayTx,
    actor: Actor,
    o: CompensationObligationRecord,
    action: 'compensation_paid' | 'compensation_advanced' | 'compensation_recovered',
    data: Record<string, unknown>,
    now: Date,
  ): Promise<void> {
    const c = await tx.complaints.findComplaint(o.complaintId);
    if (!c) throw new AppError('disputes.not_found', { field: 'id' });
    await tx.complaints.appendEntry({
      id: this.d.ids.next(),
      complaintId: o.complaintId,
      at: now,
      role: actor.role === 'system' ? 'system' : 'merchant',
      actorUserId: actor.userId,
      action,
      fromStatus: c.status,
      toStatus: c.status,
      note: null,
      data: { obligationId: o.id, ...data },
    });
    await this.d.audit.record(tx, actor, {
      action: `disputes.${action}`,
      targetType: 'compensation_obligation',
      targetId: o.id,
      orgId: o.merchantOrgId,
      detail: { complaintId: o.complaintId, status: o.status, ...data },
    });
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: `disputes.${action}`,
      payload: {
        obligationId: o.id,
        complaintId: o.complaintId,
        orderId: o.orderId,
        merchantOrgId: o.merchantOrgId,
        consumerUserId: o.consumerUserId,
        remedy: o.remedy,
        amountFen: o.amountFen,
        dueAt: o.dueAt.toISOString(),
        status: o.status,
        outstandingFen: outstandingFen(o),
        severity: upheldSeverity(c.category),
        ...data,
      },
      createdAt: now,
      publishedAt: null,
    });
  }
}
