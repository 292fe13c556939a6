/**
 * 案件 (cases with off-site enforcement, docs/supervision.md "Cases"): 立案 from a clue the department holds →
 * 调查 (evidence attached from the evidence chain, each with its content hash, the case's evidence hash-chained) →
 * 告知 online with a 陈述申辩 deadline in working days → the party's 陈述申辩 online (or 逾期未陈述) → 处罚决定 as a
 * Chinese PDF in the file store → 执行 through the platform's gates (a takedown and a live suspension take effect at
 * once; a fine is recorded, not collected) → 结案. Every step is audited; a step out of order or past its deadline
 * is a 409; another department's case answers 404. A decision is a credit event (`supervision.case_decided` →
 * `case.penalty`).
 */
import type {
  CaseDecide,
  CaseDetailView,
  CaseEvidenceAdd,
  CaseJoin,
  CaseListQuery,
  CaseMeasure,
  CaseNoticeView,
  CaseNotify,
  CaseOpen,
  CaseStatement,
  CaseTransfer,
  CaseView,
} from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { FileStore } from '../registry/registry.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { sha256Bytes, sha256Hex } from '../shared/hash.ts';
import type { NameReader, Names } from '../shared/name-directory.ts';
import {
  type CaseStep,
  caseNumber,
  chainHash,
  checkStep,
  contentHash,
  decisionSeverity,
  defenceDeadline,
  GENESIS_HASH,
  measureProblem,
  verifyChain,
} from './case.rules.ts';
import type { CaseEntryRecord, CaseEvidenceRecord, CaseRecord } from './case.types.ts';
import type { DepartmentDirectory } from './clue.service.ts';

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

export interface CaseDeps {
  uow: ScopedUnitOfWork<'cases' | 'clues' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  departments: DepartmentDirectory;
  files: FileStore;
  render: DecisionRenderer;
  enforcement: CaseEnforcement;
}

type CaseTx = Pick<Repositories, 'cases' | 'clues' | 'audit' | 'outbox'>;

export const CASE_TOPIC_NOTIFIED = 'supervision.case_notified';
export const CASE_TOPIC_DECIDED = 'supervision.case_decided';
export const CASE_TOPIC_TRANSFERRED = 'supervision.case_transferred';
export const CASE_TOPIC_JOINED = 'supervision.case_joined';

export class CaseService {
  constructor(private readonly d: CaseDeps) {}

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
      await this.entry(tx, c.id, 'opened', actor.userId, c.caseNo);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_opened',
        targetType: 'case',
        targetId: c.id,
        detail: { clueId: clue.id, caseNo: c.caseNo, partyKind: c.partyKind, partyId: c.partyId, departmentCode: c.departmentCode },
      });
    });
    return this.view(actor, c);
  }

  /** 调查取证: one item of the evidence chain, its content hashed, chained to the case's previous evidence. */
  async addEvidence(actor: Actor, id: string, input: CaseEvidenceAdd): Promise<CaseDetailView> {
    const { c: held } = await this.access(actor, id);
    // the step first (read without the lock, checked again under it): evidence after the notice is out of order
    const early = checkStep({ ...held, evidenceCount: 0 }, 'add_evidence', this.d.clock.now());
    if (!early.ok) throw new AppError(early.code, { details: { status: held.status } });
    const source = await this.d.uow.read.cases.evidenceSource(input.kind, input.refId);
    if (!source) throw new AppError('supervision.evidence_not_found', { field: 'refId' });
    await this.d.uow.transaction(async (tx) => {
      const c = await this.step(tx, id, 'add_evidence');
      const chain = await tx.cases.listEvidence(id);
      if (chain.some((e) => e.kind === input.kind && e.refId === input.refId))
        throw new AppError('supervision.evidence_attached', { field: 'refId' });
      const prev = chain.at(-1)?.hash ?? GENESIS_HASH;
      const now = this.d.clock.now();
      const e = { seq: chain.length + 1, kind: input.kind, refId: input.refId, contentHash: contentHash(source.content), addedAt: now };
      const record: CaseEvidenceRecord = {
        id: this.d.ids.next(),
        caseId: id,
        ...e,
        summary: source.summary.slice(0, 500),
        note: input.note ?? null,
        prevHash: prev,
        hash: chainHash(prev, e),
        addedByUserId: actor.userId,
      };
      await tx.cases.appendEvidence(record);
      await this.bump(tx, c, {});
      await this.entry(tx, id, 'evidence_added', actor.userId, `#${record.seq} ${record.summary.slice(0, 80)}`);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_evidence_added',
        targetType: 'case',
        targetId: id,
        detail: { seq: record.seq, kind: record.kind, refId: record.refId, contentHash: record.contentHash, hash: record.hash },
      });
    });
    return this.detail(actor, id);
  }

  /** 告知: the facts, the intended measures and their basis go to the party online; the 陈述申辩 period starts. */
  async notify(actor: Actor, id: string, input: CaseNotify): Promise<CaseView> {
    await this.held(actor, id);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.step(tx, id, 'notify');
      const now = this.d.clock.now();
      const due = defenceDeadline(now);
      const next = await this.bump(tx, c, { status: 'notified', notice: input, notifiedAt: now, defenceDueAt: due });
      await this.entry(tx, id, 'notified', actor.userId, null);
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
    return this.view(actor, c);
  }

  /** 陈述申辩: the party's statement and defence, with documents it uploaded, within the deadline. */
  async state(actor: Actor, id: string, input: CaseStatement): Promise<CaseNoticeView> {
    await this.partyCase(actor, id);
    for (const docId of input.documentIds) {
      const owner = await this.d.uow.read.cases.documentOwner(docId);
      if (!owner || (owner.userId !== actor.userId && (owner.orgId === null || owner.orgId !== actor.orgId)))
        throw new AppError('supervision.document_not_found', { field: 'documentIds' });
    }
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.step(tx, id, 'state');
      const now = this.d.clock.now();
      const next = await this.bump(tx, c, {
        status: 'stated',
        statement: { text: input.text, documentIds: input.documentIds },
        statedAt: now,
      });
      await this.entry(tx, id, 'stated', actor.userId, null);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_stated',
        targetType: 'case',
        targetId: id,
        orgId: actor.orgId,
        detail: { documents: input.documentIds.length, textHash: sha256Hex(input.text) },
      });
      return next;
    });
    return this.noticeView(c);
  }

  /** 处罚决定: after the statement, or past the deadline without one (逾期未陈述); the PDF is generated and stored. */
  async decide(actor: Actor, id: string, input: CaseDecide): Promise<CaseView> {
    const held = await this.held(actor, id);
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
    const departmentName = (await this.departmentNamer(actor))(held.departmentCode);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.step(tx, id, 'decide');
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
      if (lapsed) await this.entry(tx, id, 'lapsed', null, null);
      const next = await this.bump(tx, c, {
        status: 'decided',
        statementLapsed: lapsed,
        decision: { measures: input.measures, reasoning: input.reasoning, legalBasis: input.legalBasis },
        decidedAt: now,
        documentKey: key,
        documentSha256: sha,
      });
      await this.entry(tx, id, 'decided', actor.userId, input.measures.map((m) => m.kind).join(','));
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
    return this.view(actor, c);
  }

  /** 执行: a takedown and a live suspension take effect now through the gates; a fine is recorded, not collected. */
  async execute(actor: Actor, id: string): Promise<CaseView> {
    const held = await this.held(actor, id);
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
      const c = await this.step(tx, id, 'execute');
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
      const next = await this.bump(tx, c, { status: 'executed', executedAt: now });
      await this.entry(tx, id, 'executed', actor.userId, measures.map((m) => m.kind).join(','));
      await this.d.audit.record(tx, actor, { action: 'supervision.case_executed', targetType: 'case', targetId: id, detail: { measures } });
      return next;
    });
    // with the suspension (or the revocation) in force, the streamer's sessions live now end: it takes effect at once
    if (measures.some((m) => m.kind === 'suspend_live' || m.kind === 'revoke_certification'))
      await this.d.enforcement.endLive(actor, c.partyId, `${c.caseNo} 行政处罚决定`);
    return this.view(actor, c);
  }

  /** 结案 */
  async close(actor: Actor, id: string, note?: string): Promise<CaseView> {
    await this.held(actor, id);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.step(tx, id, 'close');
      const next = await this.bump(tx, c, { status: 'closed', closedAt: this.d.clock.now() });
      await this.entry(tx, id, 'closed', actor.userId, note ?? null);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_closed',
        targetType: 'case',
        targetId: id,
        detail: { note: note ?? null },
      });
      return next;
    });
    return this.view(actor, c);
  }

  /**
   * 移送: the holder hands the case to another department with the reason, before it is closed; the case's clue goes
   * with it (its log shows the transfer, so the sharing log does). The new holder takes every step from here on.
   */
  async transfer(actor: Actor, id: string, input: CaseTransfer): Promise<CaseView> {
    await this.held(actor, id);
    await this.knownDepartment(actor, input.departmentCode, 'departmentCode');
    const department = await this.d.departments.departmentOf(actor);
    const dept = await this.departmentNamer(actor);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.holderLocked(tx, department, id);
      if (c.departmentCode === input.departmentCode) throw new AppError('supervision.case_same_department', { field: 'departmentCode' });
      const to = input.departmentCode;
      const next = await this.bump(tx, c, { departmentCode: to, jointDepartments: c.jointDepartments.filter((d) => d !== to) });
      await this.entry(tx, id, 'transferred', actor.userId, input.reason, { from: c.departmentCode, to });
      const clue = await tx.clues.findClue(c.clueId, { lock: true });
      if (clue && clue.departmentCode !== to) {
        if (!(await tx.clues.updateClue({ ...clue, departmentCode: to, version: clue.version + 1 }, clue.version)))
          throw new AppError('supervision.case_conflict');
        await tx.clues.appendEntry({
          id: this.d.ids.next(),
          clueId: clue.id,
          at: this.d.clock.now(),
          action: 'transferred',
          actorUserId: actor.userId,
          fromDepartment: clue.departmentCode,
          toDepartment: to,
          note: `随案件 ${c.caseNo} 移送：${input.reason}`,
        });
      }
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_TRANSFERRED,
        // the inbox tells the receiving department (fromCaseTransferred): the case's number and title, the names of
        // the departments; the reason stays in the case log
        payload: {
          caseId: id,
          caseNo: c.caseNo,
          title: c.summary,
          from: c.departmentCode,
          fromName: dept(c.departmentCode),
          to,
          toName: dept(to),
          reason: input.reason,
        },
        createdAt: this.d.clock.now(),
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_transferred',
        targetType: 'case',
        targetId: id,
        detail: { from: c.departmentCode, to, reason: input.reason },
      });
      return next;
    });
    return this.view(actor, c);
  }

  /**
   * 联合执法: the holder invites other departments to handle the case jointly (协办). They see it in their list, read
   * its evidence and log and add evidence; the steps (告知, 决定, 执行, 结案, 移送) stay with the holder. The case's
   * clue is shared with them (the sharing log shows it).
   */
  async join(actor: Actor, id: string, input: CaseJoin): Promise<CaseView> {
    await this.held(actor, id);
    for (const [i, code] of input.departmentCodes.entries()) await this.knownDepartment(actor, code, `departmentCodes.${i}`);
    const department = await this.d.departments.departmentOf(actor);
    const dept = await this.departmentNamer(actor);
    const c = await this.d.uow.transaction(async (tx) => {
      const c = await this.holderLocked(tx, department, id);
      const added = [...new Set(input.departmentCodes)].filter((d) => d !== c.departmentCode && !c.jointDepartments.includes(d));
      if (added.length === 0) throw new AppError('supervision.case_joint_already', { field: 'departmentCodes' });
      const next = await this.bump(tx, c, { jointDepartments: [...c.jointDepartments, ...added] });
      const now = this.d.clock.now();
      for (const to of added) {
        await this.entry(tx, id, 'joined', actor.userId, input.note ?? null, { from: c.departmentCode, to });
        if (await tx.clues.insertShare({ clueId: c.clueId, departmentCode: to, sharedByUserId: actor.userId, at: now }))
          await tx.clues.appendEntry({
            id: this.d.ids.next(),
            clueId: c.clueId,
            at: now,
            action: 'shared',
            actorUserId: actor.userId,
            fromDepartment: c.departmentCode,
            toDepartment: to,
            note: `案件 ${c.caseNo} 联合执法`,
          });
      }
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: CASE_TOPIC_JOINED,
        payload: {
          caseId: id,
          caseNo: c.caseNo,
          title: c.summary,
          holder: c.departmentCode,
          holderName: dept(c.departmentCode),
          departments: added,
        },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_joined',
        targetType: 'case',
        targetId: id,
        detail: { departments: added, note: input.note ?? null },
      });
      return next;
    });
    return this.view(actor, c);
  }

  /** The caller's department's cases and those it handles jointly (the joint office: every case), newest first. */
  async list(actor: Actor, q: CaseListQuery): Promise<CaseView[]> {
    const department = await this.d.departments.departmentOf(actor);
    const rows = await this.d.uow.read.cases.listCases({
      departments: department === null ? undefined : [department],
      jointWith: department ?? undefined,
      status: q.status,
      limit: q.limit,
    });
    return this.views(actor, rows);
  }

  async detail(actor: Actor, id: string): Promise<CaseDetailView> {
    const { c } = await this.access(actor, id);
    const r = this.d.uow.read.cases;
    const [evidence, entries] = await Promise.all([r.listEvidence(id), r.listEntries(id)]);
    const names = await this.d.names.namesFor({ users: [...evidence.map((e) => e.addedByUserId), ...entries.map((e) => e.actorUserId)] });
    const dept = await this.departmentNamer(actor);
    return {
      case: await this.view(actor, c, evidence),
      evidence: evidence.map((e) => ({
        seq: e.seq,
        kind: e.kind,
        refId: e.refId,
        summary: e.summary,
        note: e.note,
        contentHash: e.contentHash,
        prevHash: e.prevHash,
        hash: e.hash,
        addedAt: e.addedAt.toISOString(),
        addedByName: e.addedByUserId ? (names.users.get(e.addedByUserId) ?? null) : null,
      })),
      entries: entries.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorName: e.actorUserId ? (names.users.get(e.actorUserId) ?? null) : null,
        note: e.note,
        fromDepartmentName: e.action === 'transferred' || e.action === 'joined' ? dept(e.fromDepartment) : null,
        toDepartmentName: e.toDepartment ? dept(e.toDepartment) : null,
      })),
      chainValid: verifyChain(evidence),
    };
  }

  /** The decision document (PDF) for the department holding the case or for the party. */
  async decisionDocument(actor: Actor, id: string): Promise<{ caseNo: string; bytes: Uint8Array }> {
    const c = actor.role === 'regulator' ? (await this.access(actor, id)).c : await this.partyCase(actor, id);
    if (!c.documentKey) throw new AppError('supervision.case_no_decision');
    return { caseNo: c.caseNo, bytes: await this.d.files.get(c.documentKey) };
  }

  /** 监管通知: the cases told to the caller's organization (or to the caller as a streamer), newest first. */
  async notices(actor: Actor): Promise<CaseNoticeView[]> {
    const parties = partiesOf(actor);
    const rows = (await Promise.all(parties.map((party) => this.d.uow.read.cases.listCases({ party, limit: 100 })))).flat();
    rows.sort((a, b) => (b.notifiedAt?.getTime() ?? 0) - (a.notifiedAt?.getTime() ?? 0));
    return Promise.all(rows.map((c) => this.noticeView(c)));
  }

  async notice(actor: Actor, id: string): Promise<CaseNoticeView> {
    return this.noticeView(await this.partyCase(actor, id));
  }

  /** The live gate's question: is this streamer suspended by a decision now? */
  async liveSuspension(userId: string): Promise<{ until: Date; caseId: string } | null> {
    const s = await this.d.uow.read.cases.activeSuspension(userId, this.d.clock.now());
    return s ? { until: s.until, caseId: s.caseId } : null;
  }

  // --- internals -------------------------------------------------------------------------------------------

  /**
   * The case if the caller's department holds it or handles it jointly (the joint office: any), and which; 404
   * otherwise (another department's case is not known to exist).
   */
  private async access(actor: Actor, id: string): Promise<{ c: CaseRecord; held: boolean }> {
    const c = await this.d.uow.read.cases.findCase(id);
    if (!c) throw new AppError('supervision.case_not_found');
    const department = await this.d.departments.departmentOf(actor);
    if (department === null || c.departmentCode === department) return { c, held: true };
    if (c.jointDepartments.includes(department)) return { c, held: false };
    throw new AppError('supervision.case_not_found');
  }

  /** The case if the caller's department holds it (the joint office: any); a joint department may not take steps. */
  private async held(actor: Actor, id: string): Promise<CaseRecord> {
    const { c, held } = await this.access(actor, id);
    if (!held) throw new AppError('supervision.case_joint_only');
    return c;
  }

  /** Locked and still held by the caller's department (a transfer may have raced), not closed. */
  private async holderLocked(tx: CaseTx, department: string | null, id: string): Promise<CaseRecord> {
    const c = await tx.cases.findCase(id, { lock: true });
    if (!c) throw new AppError('supervision.case_not_found');
    if (department !== null && c.departmentCode !== department) throw new AppError('supervision.case_joint_only');
    if (c.status === 'closed') throw new AppError('supervision.case_wrong_step', { details: { status: c.status } });
    return c;
  }

  private async knownDepartment(actor: Actor, code: string, field: string): Promise<void> {
    const known = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    if (!known.has(code)) throw new AppError('supervision.unknown_department', { field });
  }

  /** A department's name by code (null: the joint office). */
  private async departmentNamer(actor: Actor): Promise<(code: string | null) => string> {
    const all = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    return (code) => (code ? (all.get(code) ?? code) : '联席会议办公室');
  }

  /** The case if the caller is its party and it has been told to them; 404 otherwise. */
  private async partyCase(actor: Actor, id: string): Promise<CaseRecord> {
    const c = await this.d.uow.read.cases.findCase(id);
    const mine = c !== null && partiesOf(actor).some((p) => p.kind === c.partyKind && p.id === c.partyId);
    if (!c || !mine || c.notifiedAt === null) throw new AppError('supervision.case_not_found');
    return c;
  }

  /** Locks the case and checks the step may happen now (409 with the code otherwise). */
  private async step(tx: CaseTx, id: string, step: CaseStep): Promise<CaseRecord> {
    const c = await tx.cases.findCase(id, { lock: true });
    if (!c) throw new AppError('supervision.case_not_found');
    const evidenceCount = step === 'notify' ? (await tx.cases.listEvidence(id)).length : 0;
    const check = checkStep({ ...c, evidenceCount }, step, this.d.clock.now());
    if (!check.ok)
      throw new AppError(check.code, {
        details: { status: c.status, ...(c.defenceDueAt ? { due: c.defenceDueAt.toISOString() } : {}) },
      });
    return c;
  }

  private async bump(tx: CaseTx, c: CaseRecord, patch: Partial<CaseRecord>): Promise<CaseRecord> {
    const next: CaseRecord = { ...c, ...patch, version: c.version + 1 };
    if (!(await tx.cases.updateCase(next, c.version))) throw new AppError('supervision.case_conflict');
    return next;
  }

  private entry(
    tx: CaseTx,
    caseId: string,
    action: CaseEntryRecord['action'],
    actorUserId: string | null,
    note: string | null,
    departments: { from: string | null; to: string } | null = null,
  ): Promise<void> {
    return tx.cases.appendEntry({
      id: this.d.ids.next(),
      caseId,
      at: this.d.clock.now(),
      action,
      actorUserId,
      note,
      fromDepartment: departments?.from ?? null,
      toDepartment: departments?.to ?? null,
    });
  }

  private async view(actor: Actor, c: CaseRecord, evidence?: CaseEvidenceRecord[]): Promise<CaseView> {
    const [v] = await this.views(actor, [c], evidence);
    return v as CaseView;
  }

  private async views(actor: Actor, rows: CaseRecord[], evidence?: CaseEvidenceRecord[]): Promise<CaseView[]> {
    const departments = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    const own = await this.d.departments.departmentOf(actor);
    const names = await this.d.names.namesFor(namesQuery(rows));
    return Promise.all(
      rows.map(async (c) => {
        const chain = evidence ?? (await this.d.uow.read.cases.listEvidence(c.id));
        return {
          ...base(c, names),
          clueId: c.clueId,
          departmentCode: c.departmentCode,
          departmentName: c.departmentCode ? (departments.get(c.departmentCode) ?? null) : null,
          jointDepartments: c.jointDepartments.map((code) => ({ code, name: departments.get(code) ?? code })),
          held: own === null || c.departmentCode === own,
          evidenceCount: chain.length,
          evidenceHead: chain.at(-1)?.hash ?? GENESIS_HASH,
        };
      }),
    );
  }

  private async noticeView(c: CaseRecord): Promise<CaseNoticeView> {
    const names = await this.d.names.namesFor(namesQuery([c]));
    const evidenceCount = (await this.d.uow.read.cases.listEvidence(c.id)).length;
    return { ...base(c, names), departmentName: null, evidenceCount };
  }
}

function partiesOf(actor: Actor): Array<{ kind: 'organization' | 'user'; id: string }> {
  const out: Array<{ kind: 'organization' | 'user'; id: string }> = [];
  if (actor.orgId && actor.role !== 'streamer' && actor.role !== 'consumer') out.push({ kind: 'organization', id: actor.orgId });
  if (actor.userId) out.push({ kind: 'user', id: actor.userId });
  return out;
}

function partyNames(c: CaseRecord) {
  return c.partyKind === 'organization' ? { orgs: [c.partyId] } : { users: [c.partyId] };
}

function namesQuery(rows: CaseRecord[]) {
  return {
    orgs: rows.filter((c) => c.partyKind === 'organization').map((c) => c.partyId),
    users: rows.filter((c) => c.partyKind === 'user').map((c) => c.partyId),
    products: rows.filter((c) => c.subjectKind === 'product').map((c) => c.subjectId as string),
    sessions: rows.filter((c) => c.subjectKind === 'live_session').map((c) => c.subjectId as string),
  };
}

function partyName(names: Names, c: CaseRecord): string {
  return (
    (c.partyKind === 'organization' ? names.orgs.get(c.partyId) : names.users.get(c.partyId)) ??
    (c.partyKind === 'organization' ? '当事机构' : '当事人')
  );
}

function subjectName(names: Names, c: CaseRecord): string | null {
  if (!c.subjectId) return null;
  return (c.subjectKind === 'product' ? names.products.get(c.subjectId) : names.sessions.get(c.subjectId)) ?? null;
}

function base(c: CaseRecord, names: Names) {
  return {
    id: c.id,
    caseNo: c.caseNo,
    status: c.status,
    partyKind: c.partyKind,
    partyId: c.partyId,
    partyName: partyName(names, c),
    subjectKind: c.subjectKind,
    subjectId: c.subjectId,
    subjectName: subjectName(names, c),
    departmentName: null as string | null,
    summary: c.summary,
    openedAt: c.openedAt.toISOString(),
    notice:
      c.notice && c.notifiedAt && c.defenceDueAt
        ? { ...c.notice, at: c.notifiedAt.toISOString(), defenceDueAt: c.defenceDueAt.toISOString() }
        : null,
    statement: c.statement && c.statedAt ? { ...c.statement, at: c.statedAt.toISOString() } : null,
    statementLapsed: c.statementLapsed,
    decision:
      c.decision && c.decidedAt && c.documentSha256
        ? { ...c.decision, at: c.decidedAt.toISOString(), documentSha256: c.documentSha256 }
        : null,
    executedAt: c.executedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}
