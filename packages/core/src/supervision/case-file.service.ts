/**
 * The case file (案卷, docs/supervision.md "Cases"): its evidence, each item hashed as it is when attached and
 * chained to the one before (调查取证; a joint department may add evidence too), and every read of a case — the
 * department's list and detail with the chain's check, the decision document, the party's notices (监管通知) and the
 * live gate's question. The case views the other case services answer with are made here.
 */
import type { CaseDetailView, CaseEvidenceAdd, CaseListQuery, CaseNoticeView, CaseView } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import type { Names } from '../shared/name-directory.ts';
import { chainHash, checkStep, contentHash, GENESIS_HASH, verifyChain } from './case.rules.ts';
import type { CaseEvidenceRecord, CaseRecord } from './case.types.ts';
import { type CaseAccess, type CaseBaseDeps, type CaseSteps, partiesOf, partyName, subjectName } from './case.internal.ts';

export interface CaseFileDeps extends CaseBaseDeps {
  access: CaseAccess;
  steps: CaseSteps;
}

export class CaseFileService {
  constructor(private readonly d: CaseFileDeps) {}

  /** 调查取证: one item of the evidence chain, its content hashed, chained to the case's previous evidence. */
  async addEvidence(actor: Actor, id: string, input: CaseEvidenceAdd): Promise<CaseDetailView> {
    const { c: held } = await this.d.access.access(actor, id);
    // the step first (read without the lock, checked again under it): evidence after the notice is out of order
    const early = checkStep({ ...held, evidenceCount: 0 }, 'add_evidence', this.d.clock.now());
    if (!early.ok) throw new AppError(early.code, { details: { status: held.status } });
    const source = await this.d.uow.read.cases.evidenceSource(input.kind, input.refId);
    if (!source) throw new AppError('supervision.evidence_not_found', { field: 'refId' });
    await this.d.uow.transaction(async (tx) => {
      const c = await this.d.steps.step(tx, id, 'add_evidence');
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
      await this.d.steps.bump(tx, c, {});
      await this.d.steps.entry(tx, id, 'evidence_added', actor.userId, `#${record.seq} ${record.summary.slice(0, 80)}`);
      await this.d.audit.record(tx, actor, {
        action: 'supervision.case_evidence_added',
        targetType: 'case',
        targetId: id,
        detail: { seq: record.seq, kind: record.kind, refId: record.refId, contentHash: record.contentHash, hash: record.hash },
      });
    });
    return this.detail(actor, id);
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
    const { c } = await this.d.access.access(actor, id);
    const r = this.d.uow.read.cases;
    const [evidence, entries] = await Promise.all([r.listEvidence(id), r.listEntries(id)]);
    const names = await this.d.names.namesFor({ users: [...evidence.map((e) => e.addedByUserId), ...entries.map((e) => e.actorUserId)] });
    const dept = await this.d.access.departmentNamer(actor);
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
    const c = actor.role === 'regulator' ? (await this.d.access.access(actor, id)).c : await this.d.access.partyCase(actor, id);
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
    return this.noticeView(await this.d.access.partyCase(actor, id));
  }

  /** The live gate's question: is this streamer suspended by a decision now? */
  async liveSuspension(userId: string): Promise<{ until: Date; caseId: string } | null> {
    const s = await this.d.uow.read.cases.activeSuspension(userId, this.d.clock.now());
    return s ? { until: s.until, caseId: s.caseId } : null;
  }

  // --- the views (the other case services answer with them) -------------------------------------------------

  /** A case as the caller's department sees it (its chain read unless given). */
  async view(actor: Actor, c: CaseRecord, evidence?: CaseEvidenceRecord[]): Promise<CaseView> {
    const [v] = await this.views(actor, [c], evidence);
    return v as CaseView;
  }

  async views(actor: Actor, rows: CaseRecord[], evidence?: CaseEvidenceRecord[]): Promise<CaseView[]> {
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

  /** A case as its party sees it (监管通知). */
  async noticeView(c: CaseRecord): Promise<CaseNoticeView> {
    const names = await this.d.names.namesFor(namesQuery([c]));
    const evidenceCount = (await this.d.uow.read.cases.listEvidence(c.id)).length;
    return { ...base(c, names), departmentName: null, evidenceCount };
  }
}

function namesQuery(rows: CaseRecord[]) {
  return {
    orgs: rows.filter((c) => c.partyKind === 'organization').map((c) => c.partyId),
    users: rows.filter((c) => c.partyKind === 'user').map((c) => c.partyId),
    products: rows.filter((c) => c.subjectKind === 'product').map((c) => c.subjectId as string),
    sessions: rows.filter((c) => c.subjectKind === 'live_session').map((c) => c.subjectId as string),
  };
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
