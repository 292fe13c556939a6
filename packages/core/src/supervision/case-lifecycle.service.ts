/**
 * A case's steps (docs/supervision.md "Cases"): 立案 from a clue the department holds → 告知 online with a 陈述申辩
 * deadline in working days → the party's 陈述申辩 online (or 逾期未陈述) → 处罚决定 as a Chinese PDF in the file store
 * → 执行 through the platform's gates (a takedown and a live suspension take effect at once; a fine is recorded, not
 * collected) → 结案. Each step is locked and checked against the state machine (case.rules.ts) and audited; the
 * holding department alone takes them. A decision is a credit event (`supervision.case_decided` → `case.penalty`).
 */
import type { CaseDecide, CaseMeasure, CaseNoticeView, CaseNotify, CaseOpen, CaseStatement, CaseView } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { sha256Bytes, sha256Hex } from '../shared/hash.ts';
import { caseNumber, checkStep, decisionSeverity, defenceDeadline, GENESIS_HASH, measureProblem } from './case.rules.ts';
import type { CaseRecord } from './case.types.ts';
import type { CaseFileService } from './case-file.service.ts';
import { type CaseAccess, type CaseBaseDeps, type CaseSteps, partyName, partyNames, subjectName } from './case.internal.ts';

/** The platform's gates a decision is executed through (catalog's 下架, registry's certification). */
export interface CaseEnforcement {
  /** 下架: the product leaves sale now (already off sale: nothing to do) */
  takeDown(actor: Actor, productId: string, reason: string): Promise<void>;
  /** 撤销认证: the streamer's certification is revoked now */
  revokeCertification(actor: Actor, userId: string, reason: string): Promise<void>;
  /** 暂停直播 at once: the streamer's sessions live now end (the live gate refuses the next start) */
  endLive(actor: Actor, userId: string, reason: string): Promise<void>;
}

/** The decision document (处罚决定书) as PDF bytes. */
export type DecisionRenderer = (doc: DecisionDocument) => Promise<Uint8Array>;

export interface DecisionDocument {
  caseNo: string;
  departmentName: string;
  partyName: string;
  subjectName: string | null;
  summary: string;
  facts: string;
  statement: string | null;
  statementLapsed: boolean;
  measures: CaseMeasure[];
  productNames: Record<string, string>;
  reasoning: string;
  legalBasis: string;
  evidence: Array<{ seq: number; summary: string; hash: string }>;
  evidenceHead: string;
  decidedAt: Date;
}

export interface CaseLifecycleDeps extends CaseBaseDeps {
  render: DecisionRenderer;
  enforcement: CaseEnforcement;
  access: CaseAccess;
  steps: CaseSteps;
  file: CaseFileService;
}

export const CASE_TOPIC_NOTIFIED = 'supervision.case_notified';
export const CASE_TOPIC_DECIDED = 'supervision.case_decided';

export class CaseLifecycleService {
  constructor(private readonly d: CaseLifecycleDeps) {}

  /** 立案: a case from an open clue the caller's department holds; the clue is marked 已立案 (filed). */
  async open(actor: Actor, input: CaseOpen): Promise<CaseView> {
    const clue = await this.d.uow.read.clues.findClue(input.clueId);
    const department = await this.d.departments.departmentOf(actor);
    if (!clue || (department !== null && clue.departmentCode !== department))
      throw new AppError('supervision.clue_not_found', { field: 'clueId' });
    let party: { kind: 'organization' | 'user'; id: string } | null = null;
    let subject: { kind: 'product' | 'live_session'; id: string } | null = null;
    const r = this.d.uow.read.cases;
    if (clue.subjectKind === 'organization' || clue.subjectKind === 'user') party = { kind: clue.subjectKind, id: clue.subjectId };
    else if (clue.subjectKind === 'product') {
      subject = { kind: 'product', id: clue.subjectId };
      const m = await r.productMerchant(clue.subjectId);
      if (m) party = { kind: 'organization', id: m };
    } else {
      subject = { kind: 'live_session', id: clue.subjectId };
      const s = await r.sessionStreamer(clue.subjectId);
      if (s) party = { kind: 'user', id: s };
    }
    if (!party) throw new AppError('supervision.subject_not_found', { field: 'clueId' });
    const now = this.d.clock.now();
    const id = this.d.ids.next();
    const c: CaseRecord = {
      id,
      caseNo: caseNumber(id, now),
      clueId: clue.id,
      status: 'investigating',
      partyKind: party.kind,
      partyId: party.id,
      subjectKind: subject?.kind ?? null,
      subjectId: subject?.id ?? null,
      departmentCode: clue.departmentCode,
      jointDepartments: [],
      summary: input.summary,
      openedByUserId: actor.userId,
      openedAt: now,
      notice: null,
      notifiedAt: null,
      defenceDueAt: null,
      statement: null,
      statedAt: null,
      statementLapsed: false,
      decision: null,
      decidedAt: null,
      documentKey: null,
      documentSha256: null,
      executedAt: null,
      closedAt: null,
      version: 1,
    };
    await this.d.uow.transaction(async (tx) => {
      const locked = await tx.clues.findClue(clue.id, { lock: true });
      if (locked?.status !== 'open') throw new AppError('supervision.clue_closed');
      const filed = { ...locked, status: 'filed' as const, closingReason: c.caseNo, version: locked.version + 1 };
      if (!(await tx.clues.updateClue(filed, locked.version))) throw new AppError('supervision.clue_conflict');
      await tx.clues.appendEntry({
        id: this.d.ids.next(),
        clueId: clue.id,
        at: now,
        action: 'filed',
        actorUserId: actor.userId,
        fromDepartment: null,
        toDepartment: null,
        note: c.caseNo,
      });
      await tx.cases.insertCase(c);
      await this.d.steps.entry(tx, c.id, 'opened', actor.userId, c.caseNo);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_opened',
        targetType: 'case',
        targetId: c.id,
        detail: { clueId: clue.id, caseNo: c.caseNo, partyKind: c.partyKind, partyId: c.partyId, departmentCode: c.departmentCode },
      });
    });
    return this.d.file.view(actor, c);
  }

  /** 告知: the facts, the intended measures and their basis go to the party online; the 陈述申辩 period starts. */
  async notify(actor: Actor, id: string, input: CaseNotify): Promise<CaseView> {
    await this.d.access.held(actor, id);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'notify');
      const now = this.d.clock.now();
      const due = defenceDeadline(now);
      const next = await this.d.steps.bump(tx, c, { status: 'notified', notice: input, notifiedAt: now, defenceDueAt: due });
      await this.d.steps.entry(tx, id, 'notified', actor.userId, null);
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_NOTIFIED,
        payload: { caseId: id, caseNo: c.caseNo, partyKind: c.partyKind, partyId: c.partyId, defenceDueAt: due.toISOString() },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_notified',
        targetType: 'case',
        targetId: id,
        detail: { defenceDueAt: due.toISOString() },
      });
      return next;
    });
    return this.d.file.view(actor, c);
  }

  /** 陈述申辩: the party's statement and defence, with documents it uploaded, within the deadline. */
  async state(actor: Actor, id: string, input: CaseStatement): Promise<CaseNoticeView> {
    await this.d.access.partyCase(actor, id);
    for (const docId of input.documentIds) {
      const owner = await this.d.uow.read.cases.documentOwner(docId);
      if (!owner || (owner.userId !== actor.userId && (owner.orgId === null || owner.orgId !== actor.orgId)))
        throw new AppError('supervision.document_not_found', { field: 'documentIds' });
    }
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'state');
      const now = this.d.clock.now();
      const next = await this.d.steps.bump(tx, c, {
        status: 'stated',
        statement: { text: input.text, documentIds: input.documentIds },
        statedAt: now,
      });
      await this.d.steps.entry(tx, id, 'stated', actor.userId, null);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_stated',
        targetType: 'case',
        targetId: id,
        orgId: actor.orgId,
        detail: { documents: input.documentIds.length, textHash: sha256Hex(input.text) },
      });
      return next;
    });
    return this.d.file.noticeView(c);
  }

  /** 处罚决定: after the statement, or past the deadline without one (逾期未陈述); the PDF is generated and stored. */
  async decide(actor: Actor, id: string, input: CaseDecide): Promise<CaseView> {
    const held = await this.d.access.held(actor, id);
    for (const m of input.measures) {
      const problem = measureProblem(held.partyKind, m);
      if (problem) throw new AppError(problem, { field: 'measures' });
      if (m.kind === 'takedown') {
        const merchant = await this.d.uow.read.cases.productMerchant(m.productId);
        if (!merchant || held.partyKind !== 'organization' || merchant !== held.partyId)
          throw new AppError('supervision.case_product_not_party', { field: 'measures' });
      }
    }
    // names and the department's name are read before the transaction (its reads go through the transaction only)
    const names = await this.d.names.namesFor({
      ...partyNames(held),
      products: [
        ...(held.subjectKind === 'product' && held.subjectId ? [held.subjectId] : []),
        ...input.measures.flatMap((m) => (m.kind === 'takedown' ? [m.productId] : [])),
      ],
      sessions: held.subjectKind === 'live_session' && held.subjectId ? [held.subjectId] : [],
    });
    const departmentName = (await this.d.access.departmentNamer(actor))(held.departmentCode);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'decide');
      const lapsed = c.status === 'notified';
      const now = this.d.clock.now();
      const chain = await tx.cases.listEvidence(id);
      const bytes = await this.d.render({
        caseNo: c.caseNo,
        departmentName,
        partyName: partyName(names, c),
        subjectName: subjectName(names, c),
        summary: c.summary,
        facts: c.notice?.facts ?? '',
        statement: c.statement?.text ?? null,
        statementLapsed: lapsed,
        measures: input.measures,
        productNames: Object.fromEntries(names.products),
        reasoning: input.reasoning,
        legalBasis: input.legalBasis,
        evidence: chain.map((e) => ({ seq: e.seq, summary: e.summary, hash: e.hash })),
        evidenceHead: chain.at(-1)?.hash ?? GENESIS_HASH,
        decidedAt: now,
      });
      const sha = sha256Bytes(bytes);
      const key = `cases/${sha.slice(0, 2)}/${sha}.pdf`;
      await this.d.files.put(key, bytes);
      if (lapsed) await this.d.steps.entry(tx, id, 'lapsed', null, null);
      const next = await this.d.steps.bump(tx, c, {
        status: 'decided',
        statementLapsed: lapsed,
        decision: { measures: input.measures, reasoning: input.reasoning, legalBasis: input.legalBasis },
        decidedAt: now,
        documentKey: key,
        documentSha256: sha,
      });
      await this.d.steps.entry(tx, id, 'decided', actor.userId, input.measures.map((m) => m.kind).join(','));
      const creditPartyKind =
        c.partyKind === 'user'
          ? 'streamer'
          : ({ merchant: 'merchant', mcn: 'mcn', live_base: 'base' } as Record<string, string>)[(await tx.cases.orgKind(c.partyId)) ?? ''];
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_DECIDED,
        payload: {
          caseId: id,
          caseNo: c.caseNo,
          partyKind: c.partyKind,
          partyId: c.partyId,
          creditPartyKind: creditPartyKind ?? null,
          severity: decisionSeverity(input.measures),
          measures: input.measures.map((m) => m.kind),
          departmentCode: c.departmentCode,
        },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_decided',
        targetType: 'case',
        targetId: id,
        detail: { measures: input.measures, lapsed, documentSha256: sha },
      });
      return next;
    });
    return this.d.file.view(actor, c);
  }

  /** 执行: a takedown and a live suspension take effect now through the gates; a fine is recorded, not collected. */
  async execute(actor: Actor, id: string): Promise<CaseView> {
    const held = await this.d.access.held(actor, id);
    const check = checkStep({ ...held, evidenceCount: 0 }, 'execute', this.d.clock.now());
    if (!check.ok) throw new AppError(check.code, { details: { status: held.status } });
    const measures = held.decision?.measures ?? [];
    // The gates first (each is idempotent: a product already off sale stays off), then the case in one transaction.
    for (const m of measures) {
      if (m.kind === 'takedown') await this.d.enforcement.takeDown(actor, m.productId, `${held.caseNo} 行政处罚决定`);
      if (m.kind === 'revoke_certification')
        await this.d.enforcement.revokeCertification(actor, held.partyId, `${held.caseNo} 行政处罚决定`);
    }
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'execute');
      const now = this.d.clock.now();
      for (const m of measures)
        if (m.kind === 'suspend_live')
          await tx.cases.insertSuspension({
            id: this.d.ids.next(),
            caseId: id,
            userId: c.partyId,
            from: now,
            until: new Date(now.getTime() + m.days * 86_400_000),
          });
      const next = await this.d.steps.bump(tx, c, { status: 'executed', executedAt: now });
      await this.d.steps.entry(tx, id, 'executed', actor.userId, measures.map((m) => m.kind).join(','));
      await this.d.audit.record(tx, actor, { action: 'supervision.case_executed', targetType: 'case', targetId: id, detail: { measures } });
      return next;
    });
    // with the suspension (or the revocation) in force, the streamer's sessions live now end: it takes effect at once
    if (measures.some((m) => m.kind === 'suspend_live' || m.kind === 'revoke_certification'))
      await this.d.enforcement.endLive(actor, c.partyId, `${c.caseNo} 行政处罚决定`);
    return this.d.file.view(actor, c);
  }

  /** 结案 */
  async close(actor: Actor, id: string, note?: string): Promise<CaseView> {
    await this.d.access.held(actor, id);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'close');
      const next = await this.d.steps.bump(tx, c, { status: 'closed', closedAt: this.d.clock.now() });
      await this.d.steps.entry(tx, id, 'closed', actor.userId, note ?? null);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_closed',
        targetType: 'case',
        targetId: id,
        detail: { note: note ?? null },
      });
      return next;
    });
    return this.d.file.view(actor, c);
  }
}
