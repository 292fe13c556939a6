/**
 * The credit screens' reads: a party's whole explanation (score, dimensions, the events behind every point, how to
 * improve, the measures in force, the tier history), the lists by tier, and the distribution with the tier moves
 * over time. A party reads its own; the platform and regulators read all.
 */
import { measuresFor, scoreParty } from '@livehub/credit';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CreditPartyDirectory, CreditService } from './credit.service.ts';
import { isDowngrade, toEngineEvent } from './credit.service.ts';
import { shanghaiDay, shanghaiPeriod } from '../settlement/index.ts';
import type { CreditEventRecord, CreditPartyKind, CreditScoreRecord, CreditTier, CreditTierMoveRecord } from './credit.types.ts';
import type { CreditScore, PartyPolicy } from '@livehub/credit';
import type { CreditStanding } from './credit-gate.service.ts';
import type { CreditAppealStatus } from './credit-appeals.types.ts';

export interface CreditViewDeps {
  uow: ScopedUnitOfWork<'credit' | 'creditAppeals'>;
  clock: Clock;
  parties: CreditPartyDirectory;
  credit: CreditService;
  /** the enforcement modes: the party's scoring policy and its standing (measures with reasons, modes in force) */
  modes?: { policyFor(partyId: string): Promise<PartyPolicy>; standing(partyId: string): Promise<CreditStanding> };
}

export interface CreditDetailView {
  partyId: string;
  partyKind: CreditPartyKind;
  partyName: string;
  score: CreditScore;
  computedAt: Date;
  tierSince: Date;
  measures: Array<{ code: string; zh: string; en: string; because?: { zh: string; en: string } }>;
  events: CreditEventRecord[];
  tierMoves: CreditTierMoveRecord[];
  /** the enforcement modes in force and what they changed */
  modes?: CreditStanding['modes'];
  /** the latest appeal's status per appealed event (申诉中 / 成立 / 不成立) */
  appeals: Map<string, CreditAppealStatus>;
}

export interface CreditSummaryView {
  record: CreditScoreRecord;
  partyName: string;
}

const READ_ALL = new Set<Actor['role']>(['platform_admin', 'reviewer', 'regulator', 'system']);

export class CreditViewService {
  constructor(private readonly d: CreditViewDeps) {}

  /** The caller's own credit (我的信用). */
  mine(actor: Actor): Promise<CreditDetailView> {
    return this.detail(actor, this.d.credit.partyOf(actor));
  }

  /** A party's explanation, computed fresh from its events (the stored score is what the gates read). */
  async detail(actor: Actor, partyId: string): Promise<CreditDetailView> {
    this.d.credit.assertMayRead(actor, partyId);
    const party = (await this.d.parties.resolve([partyId])).get(partyId);
    if (!party) throw new AppError('credit.unknown_party', { field: 'partyId' });
    const [events, stored, tierMoves] = await Promise.all([
      this.d.uow.read.credit.eventsOf(partyId),
      this.d.uow.read.credit.score(partyId),
      this.d.uow.read.credit.tierMovesOf(partyId, 50),
    ]);
    const now = this.d.clock.now();
    const model = this.d.credit.model;
    const policy = await this.d.modes?.policyFor(partyId);
    const score = scoreParty(partyId, party.kind, events.map(toEngineEvent), model, now, policy);
    const standing = await this.d.modes?.standing(partyId);
    const appeals = await this.d.uow.read.creditAppeals.latestAppealsOf(events.map((e) => e.id));
    return {
      partyId,
      partyKind: party.kind,
      partyName: party.name,
      score,
      computedAt: now,
      tierSince: stored?.tierSince ?? events[0]?.createdAt ?? now,
      measures: standing?.measures ?? measuresFor(score.tier, model),
      events: [...events].reverse(),
      tierMoves,
      ...(standing ? { modes: standing.modes } : {}),
      appeals: new Map(appeals.map((a) => [a.eventId, a.status])),
    };
  }

  async list(
    actor: Actor,
    q: { tier?: CreditTier | undefined; partyKind?: CreditPartyKind | undefined; after?: string | undefined; limit: number },
  ): Promise<{ items: CreditSummaryView[]; next: string | null }> {
    if (!READ_ALL.has(actor.role)) throw new AppError('auth.forbidden');
    let after: { totalCenti: number; partyId: string } | undefined;
    if (q.after) {
      const [t, id] = q.after.split(':');
      const totalCenti = Number(t);
      if (!Number.isInteger(totalCenti) || !id) throw new AppError('request.invalid', { field: 'after', details: { issue: 'after' } });
      after = { totalCenti, partyId: id };
    }
    const rows = await this.d.uow.read.credit.listScores({ tier: q.tier, partyKind: q.partyKind, after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = await this.d.parties.resolve(page.map((r) => r.partyId));
    const last = page[page.length - 1];
    return {
      items: page.map((record) => ({ record, partyName: names.get(record.partyId)?.name ?? '' })),
      next: rows.length > q.limit && last ? `${last.totalCenti}:${last.partyId}` : null,
    };
  }

  /** The distribution by kind and tier, the histogram of totals and the tier moves of the last `days` days. */
  async stats(actor: Actor, days = 30) {
    if (!READ_ALL.has(actor.role)) throw new AppError('auth.forbidden');
    const period = shanghaiPeriod(this.d.clock.now(), days);
    const [byTier, bands, moves] = await Promise.all([
      this.d.uow.read.credit.tierCounts(),
      this.d.uow.read.credit.histogram(),
      this.d.uow.read.credit.tierMovesSince(period.from),
    ]);
    const perDay = new Map(period.days.map((day) => [day, { up: 0, down: 0 }]));
    for (const m of moves) {
      const day = perDay.get(shanghaiDay(m.at));
      if (!day || m.fromTier === null) continue;
      if (isDowngrade(m.fromTier, m.toTier)) day.down++;
      else day.up++;
    }
    return {
      modelVersion: this.d.credit.model.version,
      byTier,
      histogram: Array.from({ length: 10 }, (_, band) => ({ from: band * 10, parties: bands.find((b) => b.band === band)?.parties ?? 0 })),
      movesByDay: [...perDay].map(([day, v]) => ({ day, ...v })),
    };
  }
}
