/**
 * A full recompute (`livehub credit recompute`, and after a change of model): every event is read once in pages,
 * every party scored by the engine in one pass (`scoreAll`), and the scores written back in batches. A party whose
 * tier changed gets a tier move (reason `recompute`, or `model` when the model version changed) and its listeners
 * run; a party with a stored score but no counted event left goes back to full marks.
 */
import { type CreditEvent, type CreditScore, type PartyKind, type PartyPolicy, scoreAll, scoreParty } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CreditService } from './credit.service.ts';
import { toEngineEvent } from './credit.service.ts';
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

const PAGE = 50_000;
const WRITE_BATCH = 2_000;

export class CreditRecomputeService {
  constructor(private readonly d: CreditRecomputeDeps) {}

  async recompute(actor: Actor): Promise<{ parties: number; events: number; tierChanges: number; modelVersion: string; ms: number }> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const started = performance.now();
    const now = this.d.clock.now();
    const model = this.d.credit.model;
    const events: CreditEvent[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.d.uow.read.credit.eventPage(after, PAGE);
      for (const r of page) events.push(toEngineEvent(r));
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    const policyOf = await this.d.policies?.policies();
    const scores = scoreAll(events, model, now, policyOf);
    const stored = new Map((await this.d.uow.read.credit.allScores()).map((s) => [s.partyId, s]));
    const records: CreditScoreRecord[] = [];
    const moves: CreditTierMoveRecord[] = [];
    const seen = new Set<string>();
    const add = (score: CreditScore) => {
      seen.add(score.partyId);
      const before = stored.get(score.partyId);
      const changed = before !== undefined ? before.tier !== score.tier : score.tier !== 'A';
      records.push(this.d.credit.toRecord(score, now, changed || !before ? now : before.tierSince));
      if (changed)
        moves.push({
          id: this.d.ids.next(),
          partyId: score.partyId,
          partyKind: score.partyKind,
          fromTier: before?.tier ?? null,
          toTier: score.tier,
          totalCenti: Math.round(score.total * 100),
          modelVersion: model.version,
          reason: 'recompute',
          at: now,
        });
    };
    for (const s of scores) add(s);
    // parties whose every event was voided: back to full marks
    const emptyParties = [...stored.keys()].filter((id) => !seen.has(id));
    if (emptyParties.length > 0) {
      const kinds = new Map((await this.d.uow.read.credit.scoresOf(emptyParties)).map((r) => [r.partyId, r.partyKind]));
      for (const id of emptyParties) {
        const kind = kinds.get(id);
        if (kind) add(scoreParty(id, kind, [], model, now, policyOf?.(id, kind)));
      }
    }
    for (let i = 0; i < records.length; i += WRITE_BATCH) {
      const batch = records.slice(i, i + WRITE_BATCH);
      await this.d.uow.transaction((tx) => tx.credit.upsertScores(batch));
    }
    await this.d.uow.transaction(async (tx) => {
      for (let i = 0; i < moves.length; i += WRITE_BATCH) await tx.credit.insertTierMoves(moves.slice(i, i + WRITE_BATCH));
      for (const m of moves) await this.d.credit.notifyTierChange(tx, m);
      await this.d.audit.record(tx, actor, {
        action: 'credit.recompute',
        targetType: 'credit_model',
        targetId: model.version,
        detail: { parties: records.length, events: events.length, tierChanges: moves.length },
      });
    });
    return {
      parties: records.length,
      events: events.length,
      tierChanges: moves.length,
      modelVersion: model.version,
      ms: Math.round(performance.now() - started),
    };
  }
}
