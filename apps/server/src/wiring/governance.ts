/**
 * Compliance (screening, the review queue), the approval engine (workflows) and the registry of merchants, streamers
 * and their documents. The engine calls the registry's step effects and the registry submits through the engine, so
 * the hooks table is filled later (container.ts) by every context that owns a workflow.
 */
import { join } from 'node:path';
import { loadDefaultPack } from '@livehub/compliance';
import {
  ComplianceService,
  type CreditGateService,
  type CreditInquiryPort,
  type DocumentReadGrant,
  type LiveWarning,
  type OrganizationService,
  RegistryService,
  type RoomHub,
  type WorkflowHooks,
  WorkflowService,
} from '@livehub/core';
import { LocalFileStore } from '../adapters/file-store.ts';
import type { Late } from './late.ts';
import type { Platform } from './platform.ts';

export async function wireGovernance(
  p: Platform,
  d: {
    creditGate: CreditGateService;
    orgs: OrganizationService;
    /** the room gateway, wired later with the live context: a hit during a live session warns the room */
    rooms: Late<RoomHub>;
    /** 信用征询: the credit context's signed report, wired later */
    creditInquiry: Late<CreditInquiryPort>;
  },
) {
  const { config, clock, ids, uow, kv, vault, audit, names } = p;
  const { creditGate, orgs, rooms, creditInquiry } = d;
  const compliance = new ComplianceService({
    uow,
    clock,
    ids,
    audit,
    pack: loadDefaultPack(),
    // a hit during a live session warns the room's managers (streamer console) through the room gateway
    warnings: {
      warn: (sessionRef: string, w: LiveWarning): Promise<void> =>
        rooms.get().publishStaff(sessionRef, { k: 'warning', ...w, at: Date.now() }),
    },
    // a rule editor's exemption on any process reaches every process (subscribed at the end of container.ts)
    packChanged: () => kv.pubsub.publish('compliance:pack', 'reload'),
    names,
    // 信用 tier C in the queue: the observation tag on items, extra sampling of passed events
    credit: creditGate,
  });
  await compliance.reload();
  // The engine calls the registry's step effects; the registry submits through the engine: wire both ways.
  const hooks: Record<string, WorkflowHooks> = {};
  // 信用征询 reads the credit context's signed report (set when the credit context is wired)
  const workflows = new WorkflowService({
    uow,
    clock,
    ids,
    audit,
    credit: { inquire: (tx, subject) => creditInquiry.get().inquire(tx, subject) },
    hooks,
    departments: orgs,
    names,
  });
  const files = new LocalFileStore(join(config.dataDir, 'files'));
  // other contexts' grants to read a document (a complaint's parties, its evidence: added by wiring/disputes.ts and wiring/supervision.ts)
  const readGrants: DocumentReadGrant[] = [];
  // 暂停直播 by a case's decision reaches the live gate through the cases' suspensions (docs/supervision.md "Cases")
  const registry = new RegistryService({
    uow,
    clock,
    ids,
    vault,
    audit,
    files,
    workflows,
    readGrants,
    liveHolds: (userId, at) => uow.read.cases.activeSuspension(userId, at),
  });
  return { compliance, hooks, workflows, files, readGrants, registry };
}
