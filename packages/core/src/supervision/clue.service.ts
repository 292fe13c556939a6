/**
 * 监管线索 (supervision clues): the detectors on the event stream (`ingest`, fed by the outbox through `CLUE_FEED`),
 * a regulator's own clue, the department queues, transfer between departments with a reason, and dismissal.
 *
 * Who sees what (联席会议): a regulator acting for a department sees the clues routed to that department only; a
 * regulator acting for the joint office as a whole (no department) sees every clue. Someone else's clue answers
 * 404 `supervision.clue_not_found`, so a department never learns another's unshared clue exists.
 */
import type {
  ClueCreate,
  ClueDetailView,
  ClueEvidence,
  ClueListQuery,
  ClueRule,
  ClueShare,
  ClueSharingLog,
  ClueTransfer,
  ClueView,
} from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OutboxRecord } from '../outbox/outbox.types.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { NameReader, Names } from '../shared/name-directory.ts';
import { CLUE_FEED, type ClueTrigger, clueSummary, departmentFor, EVIDENCE_KEPT, windowRisk } from './clue-feed.rules.ts';
import type { ClueEntryRecord, ClueRecord, ClueSignalRecord } from './clue.types.ts';
import { probeSession, SCARCITY_SIGNAL, type SessionMarketFacts } from './market-probes.rules.ts';
import { fakeOrderTriggers, refundWithinWindow, type SessionOrderFacts } from './fake-orders-live.rules.ts';
import { ClueBatchState, type ClueTx, clueKey, type DetectorPlan, raisedAudit } from './clue-batch-state.ts';

/** The session-end detectors run when a session ends. */
const SESSION_ENDED = 'live.ended';
/** A refund of a session's order within `FAKE_ORDER_REFUND_DAYS` of its end runs the session's fake-order detector again. */
const REFUND_TOPICS: ReadonlySet<string> = new Set(['order.refunded', 'return.refunded']);

/** The regulator's departments (identity's), read through a port. */
export interface DepartmentDirectory {
  /** the department code the actor acts for (null: the office as a whole, or not a regulator) */
  departmentOf(actor: Actor): Promise<string | null>;
  /** every department of the regulator organization, code → name */
  departmentsOf(orgId: string): Promise<Map<string, string>>;
}

/**
 * What the session-end detectors read about a session from the live, catalog, orders and registry contexts (a reader
 * port; the database adapter implements it). null: no such session, or it never went live.
 */
export interface SessionMarketReader {
  sessionFacts(sessionId: string): Promise<Omit<SessionMarketFacts, 'scarcityClaims'> | null>;
}

/**
 * What the fake-order detector reads about a session from the live and orders contexts (a reader port; the database
 * adapter implements it): its paid orders with their signals, its buyers' history and its networks' other orders.
 */
export interface SessionOrdersReader {
  /** null: no such session, or it has not ended */
  sessionOrders(sessionId: string): Promise<SessionOrderFacts | null>;
  /** the live session an order was placed in (null: none, or no such order) */
  sessionOfOrder(orderId: string): Promise<string | null>;
}

export interface ClueDeps {
  uow: ScopedUnitOfWork<'clues' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  departments: DepartmentDirectory;
  /** the session-end detectors (price fraud, false scarcity, unqualified categories); without it they do not run */
  market?: SessionMarketReader;
  /** the fake-order (刷单) detector at a session's end and on later refunds; without it, it does not run */
  orders?: SessionOrdersReader;
}

/** An outbox event as the detectors take it. */
export interface ClueEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  at: string | Date;
}

export const CLUE_TOPIC_RAISED = 'supervision.clue_raised';

export class ClueService {
  constructor(private readonly d: ClueDeps) {}

  /** The outbox topics the detectors listen to. */
  static topics(): string[] {
    return [...Object.keys(CLUE_FEED), SESSION_ENDED, ...REFUND_TOPICS];
  }

  /** One outbox event through the detectors; returns the clues raised or reinforced. Idempotent per event. */
  async ingest(e: ClueEvent): Promise<number> {
    return this.ingestBatch([e]);
  }

  /**
   * Outbox events through the detectors in one transaction, as one at a time would (the same clues, reinforcements,
   * log entries, events and audit entries, in the same order): what the detectors need to know is read for the whole
   * batch at once — which signals are stored already, the windows' signals of every subject in it, the open clues of
   * every key it may touch — the pure rules then run per event in order against that state, updated as they go, and
   * the signals, clues, reinforcements, log entries, events and audit entries are written at the end, a statement
   * each. Returns the clues raised or reinforced. Idempotent per event.
   */
  async ingestBatch(events: readonly ClueEvent[]): Promise<number> {
    // the readers of other contexts answer outside the transaction, as before; what depends on clue state waits
    const plans: DetectorPlan[] = [];
    for (const e of events) {
      const feed = CLUE_FEED[e.topic];
      const at = new Date(e.at);
      if (feed) plans.push({ triggers: feed(e.payload, at, e.id) });
      else if (e.topic === SESSION_ENDED)
        plans.push({ probe: await this.probeFacts(e.payload), triggers: await this.fakeOrders(e.payload, at, false) });
      else if (REFUND_TOPICS.has(e.topic)) plans.push({ triggers: await this.fakeOrders(e.payload, at, true) });
    }
    const live = plans.filter((p) => p.triggers.length > 0 || p.probe);
    if (live.length === 0) return 0;
    return this.d.uow.transaction(async (tx) => {
      const state = await ClueBatchState.load(tx, live);
      let touched = 0;
      for (const plan of live) {
        // the session-end probe's count of scarcity claims includes those heard earlier in the batch
        const probed = plan.probe
          ? probeSession({
              ...plan.probe.facts,
              scarcityClaims: await state.countSignals(SCARCITY_SIGNAL, plan.probe.sessionId, plan.probe.since),
            })
          : [];
        for (const t of [...probed, ...plan.triggers]) if (await this.apply(state, t)) touched++;
      }
      await state.write(this.d.audit);
      return touched;
    });
  }

  /** The session-end detectors' facts about the session; its scarcity claims are counted with the batch's state. */
  private async probeFacts(p: Record<string, unknown>): Promise<DetectorPlan['probe']> {
    const sessionId = typeof p.sessionId === 'string' ? p.sessionId : null;
    if (!this.d.market || !sessionId) return undefined;
    const facts = await this.d.market.sessionFacts(sessionId);
    if (!facts) return undefined;
    return { sessionId, facts, since: new Date(facts.startedAt.getTime() - 60_000) };
  }

  /**
   * 刷单: the session's orders through the fake-order detector, at its end (`live.ended`) and again on a refund of
   * one of its orders within `FAKE_ORDER_REFUND_DAYS` after it (the refund rule needs refunds that come later).
   */
  private async fakeOrders(p: Record<string, unknown>, at: Date, refund: boolean): Promise<ClueTrigger[]> {
    const reader = this.d.orders;
    if (!reader) return [];
    let sessionId = typeof p.sessionId === 'string' && p.sessionId !== '' ? p.sessionId : null;
    if (!sessionId && refund && typeof p.orderId === 'string') sessionId = await reader.sessionOfOrder(p.orderId);
    if (!sessionId) return [];
    const facts = await reader.sessionOrders(sessionId);
    if (!facts || (refund && !refundWithinWindow(facts.endedAt, at))) return [];
    return fakeOrderTriggers(facts, refund ? at : facts.endedAt);
  }

  private async apply(state: ClueBatchState, t: ClueTrigger): Promise<boolean> {
    if (!(await state.storeSignal({ id: this.d.ids.next(), ...t.signal }))) return false;
    if (t.raise) return this.raiseOrReinforce(state, t, t.raise.rule, t.raise.risk, t.raise.facts, t.evidenceAll);
    if (t.window) {
      const since = new Date(t.signal.at.getTime() - t.window.days * 86_400_000);
      const window = await state.signals(t.signal.kind, t.signal.subjectId, since);
      const count = window.length;
      if (count < t.window.threshold) return false;
      // a new window clue starts with every signal of its window as evidence (the signals that reached the threshold)
      return this.raiseOrReinforce(
        state,
        t,
        t.window.rule,
        windowRisk(count, t.window),
        { count, windowDays: t.window.days },
        window.slice(0, EVIDENCE_KEPT).map(signalEvidence),
        count,
      );
    }
    return false;
  }

  private async raiseOrReinforce(
    state: ClueBatchState,
    t: ClueTrigger,
    rule: ClueRule,
    risk: number,
    facts: Record<string, unknown>,
    evidenceAtRaise: ClueEvidence[] | undefined = [t.evidence],
    signalsAtRaise = 1,
  ): Promise<boolean> {
    const key = t.key ?? clueKey(rule, t.signal.subjectId);
    const at = t.signal.at;
    const open = await state.openClue(key);
    if (open) {
      const evidence = [t.evidence, ...open.evidence.filter((x) => !(x.kind === t.evidence.kind && x.id === t.evidence.id))].slice(
        0,
        EVIDENCE_KEPT,
      );
      const next: ClueRecord = {
        ...open,
        riskLevel: Math.max(open.riskLevel, risk),
        facts: { ...open.facts, ...facts },
        evidence,
        signals: open.signals + 1,
        lastAt: new Date(Math.max(at.getTime(), open.lastAt.getTime())),
        version: open.version + 1,
      };
      state.reinforce(next);
      state.entries.push(this.entryRecord(next.id, 'reinforced', null, { at }));
      return true;
    }
    const clue: ClueRecord = {
      id: this.d.ids.next(),
      rule,
      subjectKind: t.subjectKind,
      subjectId: t.signal.subjectId,
      riskLevel: risk,
      status: 'open',
      departmentCode: departmentFor(rule, facts),
      facts,
      evidence: evidenceAtRaise,
      signals: signalsAtRaise,
      dedupeKey: key,
      createdByUserId: null,
      closingReason: null,
      firstAt: at,
      lastAt: at,
      version: 1,
    };
    state.raise(clue);
    state.entries.push(this.entryRecord(clue.id, 'raised', null, { at: clue.firstAt, to: clue.departmentCode }));
    state.events.push(this.raisedEvent(clue));
    state.audits.push({ actor: SYSTEM_ACTOR, input: raisedAudit(clue) });
    return true;
  }

  /**
   * 跨区域移送: a clue another region shared about a party of this region, raised in the caller's transaction (the
   * import of the signed bundle it came in). One open clue per remote clue; null when it is open here already.
   */
  async raiseCrossRegion(
    tx: ClueTx,
    actor: Actor,
    input: {
      sourceRegionCode: string;
      sourceRegionName: string;
      sourceId: string;
      orgId: string;
      riskLevel: number;
      facts: Record<string, unknown>;
      at: Date;
    },
  ): Promise<string | null> {
    const key = `cross_region:${input.sourceRegionCode}:${input.sourceId}`;
    if (await tx.clues.findOpenClue(key, { lock: true })) return null;
    const clue: ClueRecord = {
      id: this.d.ids.next(),
      rule: 'cross_region',
      subjectKind: 'organization',
      subjectId: input.orgId,
      riskLevel: input.riskLevel,
      status: 'open',
      departmentCode: departmentFor('cross_region', input.facts),
      facts: {
        ...input.facts,
        sourceRegionCode: input.sourceRegionCode,
        sourceRegionName: input.sourceRegionName,
        sourceId: input.sourceId,
      },
      evidence: [{ kind: 'note', id: `${input.sourceRegionCode}:${input.sourceId}`, at: input.at.toISOString() }],
      signals: 1,
      dedupeKey: key,
      createdByUserId: actor.userId,
      closingReason: null,
      firstAt: input.at,
      lastAt: input.at,
      version: 1,
    };
    await this.insert(tx, clue, actor);
    return clue.id;
  }

  private async insert(tx: ClueTx, clue: ClueRecord, actor: Actor): Promise<void> {
    await tx.clues.insertClue(clue);
    await this.entry(tx, clue.id, 'raised', actor.userId, { at: clue.firstAt, to: clue.departmentCode });
    await tx.outbox.add(this.raisedEvent(clue));
    await this.d.audit.record(tx, actor, raisedAudit(clue));
  }

  /** `supervision.clue_raised`, for the wall and notifications. */
  private raisedEvent(clue: ClueRecord): OutboxRecord {
    return {
      id: this.d.ids.next(),
      topic: CLUE_TOPIC_RAISED,
      payload: {
        clueId: clue.id,
        rule: clue.rule,
        subjectKind: clue.subjectKind,
        subjectId: clue.subjectId,
        riskLevel: clue.riskLevel,
        departmentCode: clue.departmentCode,
      },
      createdAt: clue.firstAt,
      publishedAt: null,
    };
  }

  private entry(
    tx: ClueTx,
    clueId: string,
    action: ClueEntryRecord['action'],
    actorUserId: string | null,
    o: { at?: Date; from?: string | null; to?: string | null; note?: string | null } = {},
  ): Promise<void> {
    return tx.clues.appendEntry(this.entryRecord(clueId, action, actorUserId, o));
  }

  private entryRecord(
    clueId: string,
    action: ClueEntryRecord['action'],
    actorUserId: string | null,
    o: { at?: Date; from?: string | null; to?: string | null; note?: string | null } = {},
  ): ClueEntryRecord {
    return {
      id: this.d.ids.next(),
      clueId,
      at: o.at ?? this.d.clock.now(),
      action,
      actorUserId,
      fromDepartment: o.from ?? null,
      toDepartment: o.to ?? null,
      note: o.note ?? null,
    };
  }

  /** 人工录入: a regulator's own clue, routed to their department (or the one they name, checked). */
  async create(actor: Actor, input: ClueCreate): Promise<ClueView> {
    const own = await this.d.departments.departmentOf(actor);
    const department = input.departmentCode ?? own;
    if (department !== null) await this.checkDepartment(actor, department, 'departmentCode');
    if (own !== null && department !== own) throw new AppError('supervision.not_your_department', { field: 'departmentCode' });
    const names = await this.d.names.namesFor(subjectQuery([{ subjectKind: input.subjectKind, subjectId: input.subjectId }]));
    if (!nameOf(names, input.subjectKind, input.subjectId)) throw new AppError('supervision.subject_not_found', { field: 'subjectId' });
    const now = this.d.clock.now();
    const clue: ClueRecord = {
      id: this.d.ids.next(),
      rule: 'manual',
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      riskLevel: input.riskLevel,
      status: 'open',
      departmentCode: department,
      facts: { description: input.description },
      evidence: [{ kind: 'note', id: 'description', at: now.toISOString() }],
      signals: 1,
      dedupeKey: null,
      createdByUserId: actor.userId,
      closingReason: null,
      firstAt: now,
      lastAt: now,
      version: 1,
    };
    await this.d.uow.transaction((tx) => this.insert(tx, clue, actor));
    return (await this.present(actor, [clue]))[0] as ClueView;
  }

  /** The departments of the caller's regulator organization (联席会议 members), for transfers; the caller's own marked. */
  async departments(actor: Actor): Promise<Array<{ code: string; name: string; mine: boolean }>> {
    const own = await this.d.departments.departmentOf(actor);
    const all = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    return [...all].map(([code, name]) => ({ code, name, mine: code === own }));
  }

  /** The caller's queue: their department's clues, or every clue for the office as a whole; newest signal first. */
  async list(actor: Actor, q: ClueListQuery): Promise<ClueView[]> {
    const department = await this.d.departments.departmentOf(actor);
    const rows = await this.d.uow.read.clues.listClues({
      departments: department === null ? undefined : [department],
      sharedWith: department ?? undefined,
      status: q.status,
      rule: q.rule,
      minRisk: q.minRisk,
      limit: q.limit,
    });
    return this.present(actor, rows);
  }

  async detail(actor: Actor, id: string): Promise<ClueDetailView> {
    const { clue, department } = await this.visible(actor, id);
    await this.logRead(actor, clue, department);
    const entries = await this.d.uow.read.clues.listEntries(id);
    const [view] = await this.present(actor, [clue]);
    const names = await this.d.names.namesFor({ users: entries.map((e) => e.actorUserId) });
    const departments = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    return {
      clue: view as ClueView,
      entries: entries.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorName: e.actorUserId ? (names.users.get(e.actorUserId) ?? null) : null,
        fromDepartment: e.fromDepartment ? (departments.get(e.fromDepartment) ?? e.fromDepartment) : null,
        toDepartment: e.toDepartment ? (departments.get(e.toDepartment) ?? e.toDepartment) : null,
        note: e.note,
      })),
    };
  }

  /** 移送: to another department, with a reason; the clue leaves the sender's queue. */
  async transfer(actor: Actor, id: string, input: ClueTransfer): Promise<ClueView> {
    await this.held(actor, id);
    await this.checkDepartment(actor, input.departmentCode, 'departmentCode');
    const moved = await this.d.uow.transaction(async (tx) => {
      const c = await tx.clues.findClue(id, { lock: true });
      if (!c) throw new AppError('supervision.clue_not_found');
      if (c.status !== 'open') throw new AppError('supervision.clue_closed');
      if (c.departmentCode === input.departmentCode) throw new AppError('supervision.same_department', { field: 'departmentCode' });
      const next: ClueRecord = { ...c, departmentCode: input.departmentCode, version: c.version + 1 };
      if (!(await tx.clues.updateClue(next, c.version))) throw new AppError('supervision.clue_conflict');
      await this.entry(tx, id, 'transferred', actor.userId, { from: c.departmentCode, to: input.departmentCode, note: input.reason });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.clue_transferred',
        targetType: 'clue',
        targetId: id,
        detail: { from: c.departmentCode, to: input.departmentCode, reason: input.reason },
      });
      return next;
    });
    return (await this.present(actor, [moved]))[0] as ClueView;
  }

  /** 不予立案: looked at, nothing to pursue; the reason is kept. A later signal raises a new clue. */
  async dismiss(actor: Actor, id: string, reason: string): Promise<ClueView> {
    await this.held(actor, id);
    const closed = await this.d.uow.transaction(async (tx) => {
      const c = await tx.clues.findClue(id, { lock: true });
      if (!c) throw new AppError('supervision.clue_not_found');
      if (c.status !== 'open') throw new AppError('supervision.clue_closed');
      const next: ClueRecord = { ...c, status: 'dismissed', closingReason: reason, version: c.version + 1 };
      if (!(await tx.clues.updateClue(next, c.version))) throw new AppError('supervision.clue_conflict');
      await this.entry(tx, id, 'dismissed', actor.userId, { note: reason });
      await this.d.audit.record(tx, actor, { action: 'supervision.clue_dismissed', targetType: 'clue', targetId: id, detail: { reason } });
      return next;
    });
    return (await this.present(actor, [closed]))[0] as ClueView;
  }

  /**
   * The clue if the caller may see it — their department holds it, it was shared with their department, or they act
   * for the office as a whole; 404 otherwise (another department's unshared clue is not known to exist).
   */
  private async visible(actor: Actor, id: string): Promise<{ clue: ClueRecord; department: string | null; held: boolean }> {
    const c = await this.d.uow.read.clues.findClue(id);
    if (!c) throw new AppError('supervision.clue_not_found');
    const department = await this.d.departments.departmentOf(actor);
    if (department === null || c.departmentCode === department) return { clue: c, department, held: true };
    const shared = (await this.d.uow.read.clues.sharesOf([id])).get(id) ?? [];
    if (!shared.includes(department)) throw new AppError('supervision.clue_not_found');
    return { clue: c, department, held: false };
  }

  /** The clue if the caller's department holds it: a department it was only shared with reads it, nothing more (403). */
  private async held(actor: Actor, id: string): Promise<ClueRecord> {
    const v = await this.visible(actor, id);
    if (!v.held) throw new AppError('supervision.not_holder');
    return v.clue;
  }

  /** 查阅记录: a read by someone outside the holding department, once a day per person and clue. */
  private async logRead(actor: Actor, clue: ClueRecord, department: string | null): Promise<void> {
    if (department !== null && department === clue.departmentCode) return;
    const now = this.d.clock.now();
    const day = now.toISOString().slice(0, 10);
    const read = (await this.d.uow.read.clues.listEntries(clue.id)).some(
      (e) => e.action === 'viewed' && e.actorUserId === actor.userId && e.at.toISOString().slice(0, 10) === day,
    );
    if (read) return;
    await this.d.uow.transaction((tx) =>
      this.entry(tx, clue.id, 'viewed', actor.userId, { at: now, from: department, to: clue.departmentCode }),
    );
  }

  /** 共享: shown to other departments of the office, read-only for them, with the reason; the holder keeps it. */
  async share(actor: Actor, id: string, input: ClueShare): Promise<ClueView> {
    const clue = await this.held(actor, id);
    const codes = [...new Set(input.departmentCodes)];
    for (const code of codes) {
      await this.checkDepartment(actor, code, 'departmentCodes');
      if (code === clue.departmentCode) throw new AppError('supervision.same_department', { field: 'departmentCodes' });
    }
    await this.d.uow.transaction(async (tx) => {
      const c = await tx.clues.findClue(id, { lock: true });
      if (!c) throw new AppError('supervision.clue_not_found');
      if (c.status !== 'open') throw new AppError('supervision.clue_closed');
      const at = this.d.clock.now();
      const added: string[] = [];
      for (const code of codes) {
        if (!(await tx.clues.insertShare({ clueId: id, departmentCode: code, sharedByUserId: actor.userId, at }))) continue;
        added.push(code);
        await this.entry(tx, id, 'shared', actor.userId, { at, from: c.departmentCode, to: code, note: input.reason });
      }
      await this.d.audit.record(tx, actor, {
        action: 'supervision.clue_shared',
        targetType: 'clue',
        targetId: id,
        detail: { to: added, reason: input.reason },
      });
    });
    return (await this.present(actor, [clue]))[0] as ClueView;
  }

  /** 信息共享记录: what was sent, shared or read across departments, as far as it concerns the caller's department. */
  async sharingLog(actor: Actor, limit = 100): Promise<ClueSharingLog['items']> {
    const department = await this.d.departments.departmentOf(actor);
    const entries = await this.d.uow.read.clues.departmentEntries(department, ['transferred', 'shared', 'viewed'], limit);
    const ids = [...new Set(entries.map((e) => e.clueId))];
    const clues = new Map((await this.d.uow.read.clues.listClues({ ids, limit: ids.length })).map((c) => [c.id, c]));
    const names = await this.d.names.namesFor({ ...subjectQuery([...clues.values()]), users: entries.map((e) => e.actorUserId) });
    const departments = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    const dept = (code: string | null) => (code ? (departments.get(code) ?? code) : null);
    return entries.flatMap((e) => {
      const c = clues.get(e.clueId);
      if (!c) return [];
      return [
        {
          at: e.at.toISOString(),
          action: e.action,
          clueId: e.clueId,
          clueSubjectName: nameOf(names, c.subjectKind, c.subjectId) ?? SUBJECT_WORD[c.subjectKind],
          clueRule: c.rule,
          actorName: e.actorUserId ? (names.users.get(e.actorUserId) ?? null) : null,
          fromDepartment: dept(e.fromDepartment),
          toDepartment: dept(e.toDepartment),
          note: e.note,
        },
      ];
    });
  }

  private async checkDepartment(actor: Actor, code: string, field: string): Promise<void> {
    const known = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    if (!known.has(code)) throw new AppError('supervision.unknown_department', { field });
  }

  private async present(actor: Actor, rows: ClueRecord[]): Promise<ClueView[]> {
    const names = await this.d.names.namesFor(subjectQuery(rows));
    const departments = actor.orgId ? await this.d.departments.departmentsOf(actor.orgId) : new Map<string, string>();
    const own = await this.d.departments.departmentOf(actor);
    const shares = await this.d.uow.read.clues.sharesOf(rows.map((c) => c.id));
    return rows.map((c) => ({
      id: c.id,
      rule: c.rule,
      subjectKind: c.subjectKind,
      subjectId: c.subjectId,
      subjectName: nameOf(names, c.subjectKind, c.subjectId) ?? SUBJECT_WORD[c.subjectKind],
      riskLevel: c.riskLevel,
      status: c.status,
      departmentCode: c.departmentCode,
      departmentName: c.departmentCode ? (departments.get(c.departmentCode) ?? null) : null,
      summary: clueSummary(c.rule, c.facts),
      facts: c.facts,
      evidence: c.evidence,
      signals: c.signals,
      firstAt: c.firstAt.toISOString(),
      lastAt: c.lastAt.toISOString(),
      closingReason: c.closingReason,
      sharedWith: (shares.get(c.id) ?? []).map((code) => departments.get(code) ?? code),
      held: own === null || own === c.departmentCode,
    }));
  }
}

/** A counted signal as evidence: its source names the fact (`complaint:<id>`). */
function signalEvidence(s: ClueSignalRecord): ClueEvidence {
  const [kind, id] = s.source.split(':');
  const known = ['violation', 'complaint', 'report', 'credit_party', 'order', 'live_session', 'product'] as const;
  const k = (known as readonly string[]).includes(kind ?? '') ? (kind as (typeof known)[number]) : 'note';
  return { kind: k, id: id ?? s.source, at: s.at.toISOString() };
}

const SUBJECT_WORD: Record<ClueRecord['subjectKind'], string> = {
  organization: '一家机构',
  user: '一位用户',
  product: '一件商品',
  live_session: '一场直播',
};

function subjectQuery(rows: Array<Pick<ClueRecord, 'subjectKind' | 'subjectId'>>) {
  const pick = (k: ClueRecord['subjectKind']) => rows.filter((r) => r.subjectKind === k).map((r) => r.subjectId);
  return { orgs: pick('organization'), users: pick('user'), products: pick('product'), sessions: pick('live_session') };
}

function nameOf(names: Names, kind: ClueRecord['subjectKind'], id: string): string | undefined {
  const map = { organization: names.orgs, user: names.users, product: names.products, live_session: names.sessions }[kind];
  return map.get(id);
}
