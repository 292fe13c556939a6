/**
 * A full recompute (`livehub credit recompute`, and after a change of model): the parties are taken in ranges of
 * their ids (16, by the first hex digit), and for each range every event is read once (as one text), every party
 * scored by the engine and the scores that changed written back — so a recompute holds at most two ranges of events
 * at a time, never all of them. The scoring (`scoreRange`) goes through a `CreditRangeScorer`: on this thread by
 * default, on a worker thread in the container, so that each range is scored while the next is read and the last one
 * written. A party whose tier changed gets a tier move (reason `model` when the model's version changed since its
 * last score, `recompute` otherwise), written with its range's scores, and the tier listeners run in that same
 * transaction; a party with a stored score but no counted event left goes back to full marks.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CreditService } from './credit.service.ts';
import { type CreditPolicyTable, type CreditRangeScored, type CreditRangeScorer, InlineCreditRangeScorer } from './credit-range.ts';
import type { CreditPartyRange } from './credit.repository.ts';
import type { CreditTierMoveRecord } from './credit.types.ts';

export interface CreditRecomputeDeps {
  uow: ScopedUnitOfWork<'credit' | 'audit' | 'payouts'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  credit: CreditService;
  /** every party's scoring policy (the enforcement modes), so a recompute scores as rescoring does */
  policies?: { policies(): Promise<CreditPolicyTable> };
  /** where ranges are scored (default: on this thread) */
  scorer?: CreditRangeScorer;
}

const WRITE_BATCH = 2_000;

/** Party ids are UUIDs: 16 ranges by their first hex digit cover them all, ~1/16 of the events each. */
const RANGES: CreditPartyRange[] = [...'0123456789abcdef'].map((h) => ({
  from: `${h}0000000-0000-0000-0000-000000000000`,
  to: `${h}fffffff-ffff-ffff-ffff-ffffffffffff`,
}));

export class CreditRecomputeService {
  constructor(private readonly d: CreditRecomputeDeps) {}

  async recompute(
    actor: Actor,
  ): Promise<{ parties: number; events: number; tierChanges: number; written: number; modelVersion: string; ms: number }> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const started = performance.now();
    const now = this.d.clock.now();
    const model = this.d.credit.model;
    let parties = 0;
    let events = 0;
    let written = 0;
    let moves = 0;
    const policies = await this.d.policies?.policies();
    const session = (this.d.scorer ?? new InlineCreditRangeScorer()).open({ model, now, policies });
    // a range's scores, its tier moves and what follows from them are written together: a recompute that stops
    // halfway leaves no score without its move (the next run would see no change and never move the party)
    const write = async (scored: CreditRangeScored) => {
      parties += scored.parties;
      if (scored.records.length === 0) return;
      const rangeMoves: CreditTierMoveRecord[] = scored.moves.map((m) => ({ id: this.d.ids.next(), ...m }));
      await this.d.uow.transaction(async (tx) => {
        await tx.credit.upsertScores(scored.records);
        await this.d.credit.afterRecompute(tx, scored.rescored);
        for (let i = 0; i < rangeMoves.length; i += WRITE_BATCH) await tx.credit.insertTierMoves(rangeMoves.slice(i, i + WRITE_BATCH));
        await this.d.credit.notifyTierChanges(tx, rangeMoves);
      });
      moves += rangeMoves.length;
      written += scored.records.length;
    };
    try {
      // range n is scored while range n + 1 is read; its scores are written once that read is done
      let pending: Promise<CreditRangeScored> | undefined;
      for (const range of RANGES) {
        const [page, stored] = await Promise.all([this.d.uow.read.credit.scoringLines(range), this.d.uow.read.credit.storedScores(range)]);
        events += page.total;
        const next = session.score({ lines: page.lines, stored });
        // a failure of the next range surfaces when it is awaited; until then it is not an unhandled rejection
        next.catch(() => {});
        if (pending) await write(await pending);
        pending = next;
      }
      if (pending) await write(await pending);
    } finally {
      await session.close();
    }
    await this.d.uow.transaction(async (tx) => {
      await this.d.audit.record(tx, actor, {
        action: 'credit.recompute',
        targetType: 'credit_model',
        targetId: model.version,
        detail: { parties, events, tierChanges: moves, written },
      });
    });
    return {
      parties,
      events,
      tierChanges: moves,
      written,
      modelVersion: model.version,
      ms: Math.round(performance.now() - started),
    };
  }
}
