/**
 * A full recompute (`livehub credit recompute`, and after a change of model): the parties are taken in ranges of
 * their ids (16, by the first hex digit), and for each range every event is read once, every party scored by the
 * engine (`scoreParty` per party, as `scoreAll` would) and the scores that changed written back — so a recompute
 * holds one range of events at a time, never all of them. A party whose tier changed gets a tier move (reason `model` when the model's version changed since its last
 * score, `recompute` otherwise) and its
 * listeners run; a party with a stored score but no counted event left goes back to full marks.
 */
import { type CreditEvent, type CreditScore, type PartyKind, type PartyPolicy, scoreParty } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CreditRecomputed, CreditService } from './credit.service.ts';
import type { CreditPartyRange, CreditStoredScore } from './credit.repository.ts';
import type { CreditScoreRecord, CreditTierMoveRecord } from './credit.types.ts';

export interface CreditRecomputeDeps {
  uow: ScopedUnitOfWork<'credit' | 'audit' | 'payouts'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  credit: CreditService;
  /** every party's scoring policy (the enforcement modes), so a recompute scores as rescoring does */
  policies?: { policies(): Promise<(partyId: string, partyKind: PartyKind) => PartyPolicy | undefined> };
}

const WRITE_BATCH = 2_000;

/** Party ids are UUIDs: 16 ranges by their first hex digit cover them all, ~1/16 of the events each. */
const RANGES: CreditPartyRange[] = [...'0123456789abcdef'].map((h) => ({
  from: `${h}0000000-0000-0000-0000-000000000000`,
  to: `${h}fffffff-ffff-ffff-ffff-ffffffffffff`,
}));

/** Whether a fresh score says the same as the stored one (then it is not written again). */
function sameScore(a: CreditScoreRecord, b: CreditStoredScore): boolean {
  return (
    a.totalCenti === b.totalCenti &&
    a.tier === b.tier &&
    a.modelVersion === b.modelVersion &&
    a.partyKind === b.partyKind &&
    a.tierSince.getTime() === b.tierSince.getTime() &&
    a.dimensions.length === b.dimensions.length &&
    a.dimensions.every((d, i) => d.key === b.dimensions[i]?.key && d.score === b.dimensions[i]?.score)
  );
}

export class CreditRecomputeService {
  constructor(private readonly d: CreditRecomputeDeps) {}

  async recompute(
    actor: Actor,
  ): Promise<{ parties: number; events: number; tierChanges: number; written: number; modelVersion: string; ms: number }> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const started = performance.now();
    const now = this.d.clock.now();
    const model = this.d.credit.model;
    const moves: CreditTierMoveRecord[] = [];
    let parties = 0;
    let events = 0;
    let written = 0;
    const policyOf = await this.d.policies?.policies();
    for (const range of RANGES) {
      const [page, storedList] = await Promise.all([
        this.d.uow.read.credit.scoringEvents(range),
        this.d.uow.read.credit.storedScores(range),
      ]);
      events += page.total;
      const stored = new Map(storedList.map((s) => [s.partyId, s]));
      const records: CreditScoreRecord[] = [];
      const seen = new Set<string>();
      // parties scored before and scored differently now: the hooks' follow-ups (a first offence newly waived)
      const rescored: CreditRecomputed[] = [];
      const add = (score: CreditScore, scoredEvents: CreditEvent[]) => {
        seen.add(score.partyId);
        parties++;
        const before = stored.get(score.partyId);
        const changed = before !== undefined ? before.tier !== score.tier : score.tier !== 'A';
        const record = this.d.credit.toRecord(score, now, changed || !before ? now : before.tierSince);
        if (!before || !sameScore(record, before)) {
          records.push(record);
          if (before) rescored.push({ partyId: score.partyId, partyKind: score.partyKind, score, events: scoredEvents });
        }
        if (changed)
          moves.push({
            id: this.d.ids.next(),
            partyId: score.partyId,
            partyKind: score.partyKind,
            fromTier: before?.tier ?? null,
            toTier: score.tier,
            totalCenti: record.totalCenti,
            modelVersion: model.version,
            // a party last scored by another version of the model moved because the model changed, and says so
            reason: before && before.modelVersion !== model.version ? 'model' : 'recompute',
            at: now,
          });
      };
      // each party scored from its own events (what `scoreAll` does, without its keys and their sort): the scoring
      // events carry what the engine reads, none is voided, and one later than now does not count yet
      const groups = new Map<string, CreditEvent[]>();
      const nowMs = now.getTime();
      for (const e of page.events as CreditEvent[]) {
        if (e.at.getTime() > nowMs) continue;
        const group = groups.get(e.partyId);
        if (group) group.push(e);
        else groups.set(e.partyId, [e]);
      }
      for (const [partyId, group] of groups) {
        const kinds = new Set(group.map((e) => e.partyKind));
        for (const kind of kinds) add(scoreParty(partyId, kind, group, model, now, policyOf?.(partyId, kind)), group);
      }
      // parties whose every event was voided: back to full marks
      for (const before of storedList)
        if (!seen.has(before.partyId))
          add(scoreParty(before.partyId, before.partyKind, [], model, now, policyOf?.(before.partyId, before.partyKind)), []);
      if (records.length > 0)
        await this.d.uow.transaction(async (tx) => {
          await tx.credit.upsertScores(records);
          await this.d.credit.afterRecompute(tx, rescored);
        });
      written += records.length;
    }
    await this.d.uow.transaction(async (tx) => {
      for (let i = 0; i < moves.length; i += WRITE_BATCH) await tx.credit.insertTierMoves(moves.slice(i, i + WRITE_BATCH));
      await this.d.credit.notifyTierChanges(tx, moves);
      await this.d.audit.record(tx, actor, {
        action: 'credit.recompute',
        targetType: 'credit_model',
        targetId: model.version,
        detail: { parties, events, tierChanges: moves.length, written },
      });
    });
    return {
      parties,
      events,
      tierChanges: moves.length,
      written,
      modelVersion: model.version,
      ms: Math.round(performance.now() - started),
    };
  }
}
