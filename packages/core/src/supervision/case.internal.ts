/**
 * What the case services (lifecycle, departments, the case file) share, and nothing outside the context imports:
 * who may see a case and who may act on it (its holding department, a joint department, its party), the locked
 * step with its check, the compare-and-set write and the case log's line — all in the caller's transaction — and the
 * party's and subject's names. Not exported from index.ts.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { FileStore } from '../registry/registry.repository.ts';
import type { NameReader, Names } from '../shared/name-directory.ts';
import { type CaseStep, checkStep } from './case.rules.ts';
import type { CaseEntryRecord, CaseRecord } from './case.types.ts';
import type { DepartmentDirectory } from './clue.service.ts';

/** The tables the case services write (a case's clue moves with it: filed, transferred, shared). */
export type CaseScope = 'cases' | 'clues' | 'audit' | 'outbox';
export type CaseUow = ScopedUnitOfWork<CaseScope>;
export type CaseTx = Pick<Repositories, CaseScope>;

/** What every case service is built on; each adds the collaborators of its own jobs. */
export interface CaseBaseDeps {
  uow: CaseUow;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  departments: DepartmentDirectory;
  files: FileStore;
}

/** Who may see a case and who may act on it; another department's case is not known to exist (404). */
export class CaseAccess {
  constructor(private readonly d: { uow: CaseUow; departments: DepartmentDirectory }) {}

  /**
   * The case if the caller's department holds it or handles it jointly (the joint office: any), and which; 404
   * otherwise (another department's case is not known to exist).
   */
  async access(actor: Actor, id: string): Promise<{ c: CaseRecord; held: boolean }> {
    const c = await this.d.uow.read.cases.findCase(id);
    if (!c) throw new AppError('supervision.case_not_found');
    const department = await this.d.departments.departmentOf(actor);
    if (department === null || c.departmentCode === department) return { c, held: true };
    if (c.jointDepartments.includes(department)) return { c, held: false };
    throw new AppError('supervision.case_not_found');
  }

  /** The case if the caller's department holds it (the joint office: any); a joint department may not take steps. */
  async held(actor: Actor, id: string): Promise<CaseRecord> {
    const { c, held } = await this.access(actor, id);
    if (!held) throw new AppError('supervision.case_joint_only');
    return c;
  }

  /** Locked and still held by the caller's department (a transfer may have raced), not closed. */
  async holderLocked(tx: CaseTx, department: string | null, id: string): Promise<CaseRecord> {
    const c = await tx.cases.findCase(id, { lock: true });
    if (!c) throw new AppError('supervision.case_not_found');
    if (department !== null && c.departmentCode !== department) throw new AppError('supervision.case_joint_only');
    if (c.status === 'closed') throw new AppError('supervision.case_wrong_step', { details: { status: c.status } });
    return c;
  }

  async knownDepartment(actor: Actor, code: string, field: string): Promise<void> {
    const known = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    if (!known.has(code)) throw new AppError('supervision.unknown_department', { field });
  }

  /** A department's name by code (null: the joint office). */
  async departmentNamer(actor: Actor): Promise<(code: string | null) => string> {
    const all = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    return (code) => (code ? (all.get(code) ?? code) : '联席会议办公室');
  }

  /** The case if the caller is its party and it has been told to them; 404 otherwise. */
  async partyCase(actor: Actor, id: string): Promise<CaseRecord> {
    const c = await this.d.uow.read.cases.findCase(id);
    const mine = c !== null && partiesOf(actor).some((p) => p.kind === c.partyKind && p.id === c.partyId);
    if (!c || !mine || c.notifiedAt === null) throw new AppError('supervision.case_not_found');
    return c;
  }
}

/** What every step writes, in the caller's transaction: the locked check, the compare-and-set, the log's line. */
export class CaseSteps {
  constructor(private readonly d: { clock: Clock; ids: IdGenerator }) {}

  /** Locks the case and checks the step may happen now (409 with the code otherwise). */
  async step(tx: CaseTx, id: string, step: CaseStep): Promise<CaseRecord> {
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

  async bump(tx: CaseTx, c: CaseRecord, patch: Partial<CaseRecord>): Promise<CaseRecord> {
    const next: CaseRecord = { ...c, ...patch, version: c.version + 1 };
    if (!(await tx.cases.updateCase(next, c.version))) throw new AppError('supervision.case_conflict');
    return next;
  }

  entry(
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
}

/** The parties the caller answers for: their organization (not as a streamer or consumer) and themselves. */
export function partiesOf(actor: Actor): Array<{ kind: 'organization' | 'user'; id: string }> {
  const out: Array<{ kind: 'organization' | 'user'; id: string }> = [];
  if (actor.orgId && actor.role !== 'streamer' && actor.role !== 'consumer') out.push({ kind: 'organization', id: actor.orgId });
  if (actor.userId) out.push({ kind: 'user', id: actor.userId });
  return out;
}

export function partyNames(c: CaseRecord) {
  return c.partyKind === 'organization' ? { orgs: [c.partyId] } : { users: [c.partyId] };
}

export function partyName(names: Names, c: CaseRecord): string {
  return (
    (c.partyKind === 'organization' ? names.orgs.get(c.partyId) : names.users.get(c.partyId)) ??
    (c.partyKind === 'organization' ? '当事机构' : '当事人')
  );
}

export function subjectName(names: Names, c: CaseRecord): string | null {
  if (!c.subjectId) return null;
  return (c.subjectKind === 'product' ? names.products.get(c.subjectId) : names.sessions.get(c.subjectId)) ?? null;
}
