/**
 * What a batch of clue events' detectors know inside their transaction (`ClueService.ingestBatch`): the state loaded
 * with three reads for the whole batch, updated as the detector rules run event by event, and written at the end a
 * statement each (docs/supervision.md § Batching).
 */
import type { ClueRule } from '@livehub/contracts';
import type { AuditInput, AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { OutboxRecord } from '../outbox/outbox.types.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import type { ClueTrigger } from './clue-feed.rules.ts';
import type { ClueEntryRecord, ClueRecord, ClueSignalRecord } from './clue.types.ts';
import { SCARCITY_SIGNAL, type SessionMarketFacts } from './market-probes.rules.ts';

/** The tables the detectors write in their transaction. */
export type ClueTx = Pick<Repositories, 'clues' | 'audit' | 'outbox'>;

/** One event's detectors: the triggers known before the transaction, and the session-end probe that needs clue state. */
export interface DetectorPlan {
  triggers: ClueTrigger[];
  probe?: { sessionId: string; facts: Omit<SessionMarketFacts, 'scarcityClaims'>; since: Date } | undefined;
}

/** The open clue a detector's trigger raises or reinforces, by default: one per rule and subject. */
export const clueKey = (rule: ClueRule, subjectId: string): string => `${rule}:${subjectId}`;
const pairKey = (kind: string, subjectId: string): string => `${kind}\u0000${subjectId}`;
/** `recentSignals`' order: newest first, then by id (as the database orders uuids) */
const newestFirst = (a: ClueSignalRecord, b: ClueSignalRecord): number =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function raisedAudit(clue: ClueRecord): AuditInput {
  return {
    action: 'supervision.clue_raised',
    targetType: 'clue',
    targetId: clue.id,
    detail: {
      rule: clue.rule,
      subjectKind: clue.subjectKind,
      subjectId: clue.subjectId,
      riskLevel: clue.riskLevel,
      departmentCode: clue.departmentCode,
    },
  };
}

/**
 * What a batch of events' detectors know and do inside their transaction. Loaded with three reads for the whole
 * batch (the sources stored already, the windows' signals of every subject in it, the open clues of every key it may
 * touch); anything a trigger needs beyond that (a session-end probe's keys) is read when asked, once. As the rules
 * run, new signals, raised clues and reinforcements are kept here, so each event sees the ones before it; `write`
 * then stores them a statement each.
 */
export class ClueBatchState {
  readonly entries: ClueEntryRecord[] = [];
  readonly events: OutboxRecord[] = [];
  readonly audits: Array<{ actor: Actor; input: AuditInput }> = [];
  /** source → stored (before or earlier in the batch) */
  private readonly sources = new Map<string, boolean>();
  /** the stored signals of a kind about a subject, read at or after `since` */
  private readonly stored = new Map<string, { since: Date; rows: ClueSignalRecord[] }>();
  /** the batch's new signals, in order */
  private readonly added: ClueSignalRecord[] = [];
  /** key → the open clue as it is now in the batch (null: none) */
  private readonly open = new Map<string, ClueRecord | null>();
  private readonly raised = new Map<string, ClueRecord>();
  private readonly reinforced = new Map<string, { clue: ClueRecord; expectVersion: number }>();

  private constructor(private readonly tx: ClueTx) {}

  static async load(tx: ClueTx, plans: readonly DetectorPlan[]): Promise<ClueBatchState> {
    const s = new ClueBatchState(tx);
    const triggers = plans.flatMap((p) => p.triggers);
    const sources = triggers.map((t) => t.signal.source);
    const known = await tx.clues.storedSources(sources);
    for (const source of sources) s.sources.set(source, known.has(source));

    const pairs = new Map<string, { kind: string; subjectId: string; incoming: number }>();
    let since: Date | null = null;
    const want = (kind: string, subjectId: string, from: Date) => {
      const k = pairKey(kind, subjectId);
      const pair = pairs.get(k) ?? { kind, subjectId, incoming: 0 };
      pair.incoming++;
      pairs.set(k, pair);
      if (!since || from < since) since = from;
    };
    for (const t of triggers)
      if (t.window) want(t.signal.kind, t.signal.subjectId, new Date(t.signal.at.getTime() - t.window.days * 86_400_000));
    for (const p of plans) if (p.probe) want(SCARCITY_SIGNAL, p.probe.sessionId, p.probe.since);
    if (since) {
      const from: Date = since;
      const byKind = new Map<string, string[]>();
      for (const { kind, subjectId } of pairs.values()) byKind.set(kind, [...(byKind.get(kind) ?? []), subjectId]);
      for (const k of pairs.keys()) s.stored.set(k, { since: from, rows: [] });
      const rows = await tx.clues.signalsAbout(
        [...byKind].map(([kind, subjectIds]) => ({ kind, subjectIds })),
        from,
      );
      for (const r of rows) s.stored.get(pairKey(r.kind, r.subjectId))?.rows.push(r);
    }

    // the keys the batch may raise or reinforce: every raise, and each window that can reach its threshold in it
    const keys = new Set<string>();
    for (const t of triggers) {
      if (t.raise) keys.add(t.key ?? clueKey(t.raise.rule, t.signal.subjectId));
      else if (t.window) {
        const k = pairKey(t.signal.kind, t.signal.subjectId);
        const most = (s.stored.get(k)?.rows.length ?? 0) + (pairs.get(k)?.incoming ?? 0);
        if (most >= t.window.threshold) keys.add(t.key ?? clueKey(t.window.rule, t.signal.subjectId));
      }
    }
    if (keys.size > 0) {
      for (const k of keys) s.open.set(k, null);
      for (const c of await tx.clues.findOpenClues([...keys], { lock: true })) if (c.dedupeKey) s.open.set(c.dedupeKey, c);
    }
    return s;
  }

  /** false when the signal's source is stored already (a redelivered event, or twice in the batch) */
  async storeSignal(signal: ClueSignalRecord): Promise<boolean> {
    const known = this.sources.get(signal.source) ?? (await this.tx.clues.storedSources([signal.source])).has(signal.source);
    this.sources.set(signal.source, true);
    if (known) return false;
    this.added.push(signal);
    return true;
  }

  /** the signals of `kind` about `subjectId` at or after `since`, stored or new in the batch, newest first */
  async signals(kind: string, subjectId: string, since: Date): Promise<ClueSignalRecord[]> {
    const k = pairKey(kind, subjectId);
    let loaded = this.stored.get(k);
    if (!loaded || loaded.since > since) {
      loaded = { since, rows: await this.tx.clues.signalsAbout([{ kind, subjectIds: [subjectId] }], since) };
      this.stored.set(k, loaded);
    }
    const mine = this.added.filter((a) => a.kind === kind && a.subjectId === subjectId);
    return [...loaded.rows, ...mine].filter((r) => r.at >= since).sort(newestFirst);
  }

  async countSignals(kind: string, subjectId: string, since: Date): Promise<number> {
    return (await this.signals(kind, subjectId, since)).length;
  }

  async openClue(key: string): Promise<ClueRecord | null> {
    if (!this.open.has(key)) {
      const [c] = await this.tx.clues.findOpenClues([key], { lock: true });
      this.open.set(key, c ?? null);
    }
    return this.open.get(key) ?? null;
  }

  raise(clue: ClueRecord): void {
    this.raised.set(clue.id, clue);
    if (clue.dedupeKey) this.open.set(clue.dedupeKey, clue);
  }

  /** a clue raised earlier in the batch is inserted as it ends up; a stored one is written once, checked on its version */
  reinforce(next: ClueRecord): void {
    if (this.raised.has(next.id)) this.raised.set(next.id, next);
    else this.reinforced.set(next.id, { clue: next, expectVersion: this.reinforced.get(next.id)?.expectVersion ?? next.version - 1 });
    if (next.dedupeKey) this.open.set(next.dedupeKey, next);
  }

  async write(audit: AuditService): Promise<void> {
    const clues = this.tx.clues;
    // a signal stored by someone else since the read (not by this dispatcher, which holds its lock): start again
    if (this.added.length > 0 && (await clues.insertSignals(this.added)) !== this.added.length)
      throw new AppError('supervision.clue_conflict');
    if (this.raised.size > 0) await clues.insertClues([...this.raised.values()]);
    const reinforced = [...this.reinforced.values()];
    if (reinforced.length > 0 && (await clues.reinforceClues(reinforced)) !== reinforced.length)
      throw new AppError('supervision.clue_conflict');
    if (this.entries.length > 0) await clues.appendEntries(this.entries);
    if (this.events.length > 0) await this.tx.outbox.addMany(this.events);
    await audit.recordMany(this.tx, this.audits);
  }
}
