/**
 * The case state machine (案件), pure: which step may follow which, the 陈述申辩 deadline in working days, the
 * evidence hash chain, and the credit weight of a decision. Legal basis (docs/supervision.md "Cases"):
 * 《市场监督管理行政处罚程序规定》 — 立案, 调查取证, 告知 and 陈述申辩, 决定, 执行, 结案; 《行政处罚法》 Art. 44–45
 * (the party is told the facts, reasons and basis and may state its case; silence past the period is a waiver) and
 * Art. 41 (electronic evidence from technical monitoring, 非现场执法).
 */
import type { CaseMeasure, CaseStatus } from '@livehub/contracts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingCalendar } from '../workflows/working-days.ts';

/** 陈述申辩期: five working days from the notice (the day of the notice does not count). */
export const DEFENCE_WORKING_DAYS = 5;

/** The hash before the first entry of every case's chain. */
export const GENESIS_HASH = '0'.repeat(64);

export type CaseStep = 'add_evidence' | 'notify' | 'state' | 'decide' | 'execute' | 'close';

export type StepCheck =
  | { ok: true; lapsed?: boolean }
  | { ok: false; code: 'supervision.case_wrong_step' | 'supervision.case_deadline_passed' | 'supervision.case_defence_open' };

/**
 * May `step` happen now? Out of order → `case_wrong_step`; the party's statement after the deadline →
 * `case_deadline_passed`; a decision while the party may still state its case → `case_defence_open`. A decision
 * after the deadline with no statement is allowed and marked `lapsed` (逾期未陈述).
 */
export function checkStep(
  c: { status: CaseStatus; defenceDueAt: Date | null; evidenceCount: number },
  step: CaseStep,
  now: Date,
): StepCheck {
  const wrong = { ok: false, code: 'supervision.case_wrong_step' } as const;
  switch (step) {
    case 'add_evidence':
      return c.status === 'investigating' ? { ok: true } : wrong;
    case 'notify':
      // the party is told the facts found: there must be evidence of them
      return c.status === 'investigating' && c.evidenceCount > 0 ? { ok: true } : wrong;
    case 'state':
      if (c.status !== 'notified') return wrong;
      return c.defenceDueAt && now.getTime() <= c.defenceDueAt.getTime()
        ? { ok: true }
        : { ok: false, code: 'supervision.case_deadline_passed' };
    case 'decide':
      if (c.status === 'stated') return { ok: true };
      if (c.status !== 'notified') return wrong;
      return c.defenceDueAt && now.getTime() > c.defenceDueAt.getTime()
        ? { ok: true, lapsed: true }
        : { ok: false, code: 'supervision.case_defence_open' };
    case 'execute':
      return c.status === 'decided' ? { ok: true } : wrong;
    case 'close':
      return c.status === 'executed' ? { ok: true } : wrong;
  }
}

/** The end of the 陈述申辩 period for a notice given at `notifiedAt` (23:59:59.999 China time of the 5th working day). */
export function defenceDeadline(notifiedAt: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
  return addWorkingDays(notifiedAt, DEFENCE_WORKING_DAYS, cal);
}

/** The hash of one evidence content (canonical JSON, so key order does not matter). */
export function contentHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/** An entry's hash: covers the previous hash, its place, what it is and its content hash. */
export function chainHash(prevHash: string, e: { seq: number; kind: string; refId: string; contentHash: string; addedAt: Date }): string {
  return sha256Hex(`${prevHash}|${e.seq}|${e.kind}|${e.refId}|${e.contentHash}|${e.addedAt.toISOString()}`);
}

/** Whether the stored chain is intact: each entry's prevHash is the previous hash and its hash recomputes. */
export function verifyChain(
  entries: ReadonlyArray<{ seq: number; kind: string; refId: string; contentHash: string; prevHash: string; hash: string; addedAt: Date }>,
): boolean {
  let prev = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev || chainHash(prev, e) !== e.hash) return false;
    prev = e.hash;
  }
  return true;
}

/** The credit weight of a decision (`case.penalty` severity 1–3): the heaviest of its measures. */
export function decisionSeverity(measures: readonly CaseMeasure[]): 1 | 2 | 3 {
  const of: Record<CaseMeasure['kind'], 1 | 2 | 3> = {
    warning: 1,
    rectify: 1,
    fine: 2,
    takedown: 2,
    suspend_live: 3,
    revoke_certification: 3,
  };
  return Math.max(1, ...measures.map((x) => of[x.kind])) as 1 | 2 | 3;
}

/** Which measures need what of the party: a live suspension or a certification's revocation needs a streamer. */
export function measureProblem(partyKind: 'organization' | 'user', m: CaseMeasure): 'supervision.case_measure_party' | null {
  if ((m.kind === 'suspend_live' || m.kind === 'revoke_certification') && partyKind !== 'user') return 'supervision.case_measure_party';
  return null;
}

/** 案号: the year and a serial from the case's id (unique, readable). */
export function caseNumber(id: string, at: Date): string {
  const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
  return `网监案〔${year}〕${id.replace(/-/g, '').slice(-8).toUpperCase()}号`;
}

export const MEASURE_LABELS: Record<CaseMeasure['kind'], { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  rectify: { zh: '责令整改', en: 'order to rectify' },
  takedown: { zh: '下架商品', en: 'product takedown' },
  suspend_live: { zh: '暂停直播', en: 'live streaming suspended' },
  revoke_certification: { zh: '撤销认证', en: 'certification revoked' },
};
