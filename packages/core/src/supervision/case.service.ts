/**
 * 案件 (cases with off-site enforcement, docs/supervision.md "Cases"), the cases' one public entry. It composes the
 * job services and delegates: the steps — 立案, 告知, 陈述申辩, 处罚决定 (a Chinese PDF in the file store), 执行
 * through the platform's gates, 结案 (case-lifecycle.service.ts); 移送 and 联合执法 (case-departments.service.ts); the
 * case file — its hash-chained evidence and every read (case-file.service.ts). What they share (who may see and act
 * on a case, the locked step, the log) is in case.internal.ts. Every step is audited; a step out of order or past its
 * deadline is a 409; another department's case answers 404. A decision is a credit event (`supervision.case_decided`
 * → `case.penalty`).
 */
import type {
  CaseDecide,
  CaseDetailView,
  CaseEvidenceAdd,
  CaseJoin,
  CaseListQuery,
  CaseNoticeView,
  CaseNotify,
  CaseOpen,
  CaseStatement,
  CaseTransfer,
  CaseView,
} from '@livehub/contracts';
import type { Actor } from '../shared/actor.ts';
import { CaseDepartmentsService } from './case-departments.service.ts';
import { CaseFileService } from './case-file.service.ts';
import { type CaseEnforcement, CaseLifecycleService, type DecisionRenderer } from './case-lifecycle.service.ts';
import { CaseAccess, type CaseBaseDeps, CaseSteps } from './case.internal.ts';

export { CASE_TOPIC_JOINED, CASE_TOPIC_TRANSFERRED } from './case-departments.service.ts';
export { CASE_TOPIC_DECIDED, CASE_TOPIC_NOTIFIED } from './case-lifecycle.service.ts';
export type { CaseEnforcement, DecisionDocument, DecisionRenderer } from './case-lifecycle.service.ts';

export interface CaseDeps extends CaseBaseDeps {
  render: DecisionRenderer;
  enforcement: CaseEnforcement;
}

export class CaseService {
  private readonly lifecycle: CaseLifecycleService;
  private readonly departments: CaseDepartmentsService;
  private readonly file: CaseFileService;

  constructor(d: CaseDeps) {
    const access = new CaseAccess({ uow: d.uow, departments: d.departments });
    const steps = new CaseSteps({ clock: d.clock, ids: d.ids });
    const file = new CaseFileService({ ...d, access, steps });
    this.file = file;
    this.lifecycle = new CaseLifecycleService({ ...d, access, steps, file });
    this.departments = new CaseDepartmentsService({ ...d, access, steps, file });
  }

  // ---- the steps (case-lifecycle.service.ts) ----------------------------------------------------------------------

  /** 立案: a case from an open clue the caller's department holds; the clue is marked 已立案 (filed). */
  open(actor: Actor, input: CaseOpen): Promise<CaseView> {
    return this.lifecycle.open(actor, input);
  }

  /** 告知: the facts, the intended measures and their basis go to the party online; the 陈述申辩 period starts. */
  notify(actor: Actor, id: string, input: CaseNotify): Promise<CaseView> {
    return this.lifecycle.notify(actor, id, input);
  }

  /** 陈述申辩: the party's statement and defence, with documents it uploaded, within the deadline. */
  state(actor: Actor, id: string, input: CaseStatement): Promise<CaseNoticeView> {
    return this.lifecycle.state(actor, id, input);
  }

  /** 处罚决定: after the statement, or past the deadline without one (逾期未陈述); the PDF is generated and stored. */
  decide(actor: Actor, id: string, input: CaseDecide): Promise<CaseView> {
    return this.lifecycle.decide(actor, id, input);
  }

  /** 执行: a takedown and a live suspension take effect now through the gates; a fine is recorded, not collected. */
  execute(actor: Actor, id: string): Promise<CaseView> {
    return this.lifecycle.execute(actor, id);
  }

  /** 结案 */
  close(actor: Actor, id: string, note?: string): Promise<CaseView> {
    return this.lifecycle.close(actor, id, note);
  }

  // ---- 移送 and 联合执法 (case-departments.service.ts) ---------------------------------------------------------------

  /** 移送: the holder hands the case (and its clue) to another department with the reason, before it is closed. */
  transfer(actor: Actor, id: string, input: CaseTransfer): Promise<CaseView> {
    return this.departments.transfer(actor, id, input);
  }

  /** 联合执法: the holder invites other departments to handle the case jointly (协办); the clue is shared with them. */
  join(actor: Actor, id: string, input: CaseJoin): Promise<CaseView> {
    return this.departments.join(actor, id, input);
  }

  // ---- the case file: evidence and reads (case-file.service.ts) -------------------------------------------------

  /** 调查取证: one item of the evidence chain, its content hashed, chained to the case's previous evidence. */
  addEvidence(actor: Actor, id: string, input: CaseEvidenceAdd): Promise<CaseDetailView> {
    return this.file.addEvidence(actor, id, input);
  }

  /** The caller's department's cases and those it handles jointly (the joint office: every case), newest first. */
  list(actor: Actor, q: CaseListQuery): Promise<CaseView[]> {
    return this.file.list(actor, q);
  }

  detail(actor: Actor, id: string): Promise<CaseDetailView> {
    return this.file.detail(actor, id);
  }

  /** The decision document (PDF) for the department holding the case or for the party. */
  decisionDocument(actor: Actor, id: string): Promise<{ caseNo: string; bytes: Uint8Array }> {
    return this.file.decisionDocument(actor, id);
  }

  /** 监管通知: the cases told to the caller's organization (or to the caller as a streamer), newest first. */
  notices(actor: Actor): Promise<CaseNoticeView[]> {
    return this.file.notices(actor);
  }

  notice(actor: Actor, id: string): Promise<CaseNoticeView> {
    return this.file.notice(actor, id);
  }

  /** The live gate's question: is this streamer suspended by a decision now? */
  liveSuspension(userId: string): Promise<{ until: Date; caseId: string } | null> {
    return this.file.liveSuspension(userId);
  }
}
