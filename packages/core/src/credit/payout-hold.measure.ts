/**
 * The measure `payout_hold` (暂缓结算打款) of tier D, enforced where it bites: a party that drops to D has its
 * payouts held through the settlement context's hold, with the credit reason; leaving D releases that hold (and
 * only a hold the credit context placed: a hold for an open case stays). A party inside its 观察期 is not held — its
 * standing turns D's blocks into C's marks — until the period ends, when the sweep (the platform's tick) holds it
 * if it is still at D.
 */
import { type CreditModel, measuresFor, TIERS } from '@livehub/credit';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { PayoutHoldService } from '../settlement/payout-hold.service.ts';
import type { PayoutHoldRecord } from '../settlement/payout.types.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import type { ObservationPeriods, ObservationRepos } from './credit-modes.hook.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import type { CreditTierListener, CreditTx } from './credit.service.ts';
import type { CreditPartyKind, CreditScoreRecord, CreditTier, CreditTierMoveRecord } from './credit.types.ts';

/** The reason every credit hold starts with, so the release finds its own. */
export const CREDIT_HOLD_PREFIX = '信用等级';
/** D parties read per statement by the sweep */
const SWEEP_PAGE = 1_000;

export interface PayoutHoldMeasureDeps {
  holds: Pick<PayoutHoldService, 'placeHoldsIn' | 'releaseHoldsIn' | 'holdsSinceIn'>;
  model: CreditModelSource;
  clock: Clock;
  /** 观察期: a party inside it is not held; without it every party entering D is */
  observation?: ObservationPeriods;
  /** for the sweep (`sweep`): the scores, the holds and what 观察期 reads */
  uow?: ScopedUnitOfWork<'credit' | 'payouts' | 'audit' | 'creditModes' | 'orgs' | 'users' | 'registry'>;
}

const holdingTiers = (model: CreditModel) => TIERS.filter((t) => measuresFor(t, model).some((m) => m.code === 'payout_hold'));
const holdReason = (tier: CreditTier, totalCenti: number) =>
  `${CREDIT_HOLD_PREFIX} ${tier}：暂缓结算打款（信用分 ${(totalCenti / 100).toFixed(2)}）`;

function observationTx(tx: CreditTx): ObservationRepos {
  const r = tx as CreditTx & Partial<ObservationRepos>;
  if (!r.creditModes || !r.orgs || !r.users || !r.registry)
    throw new Error('the payout hold measure needs creditModes, orgs, users and registry in the rescoring transaction');
  return r as ObservationRepos;
}

export class PayoutHoldMeasure implements CreditTierListener {
  constructor(private readonly d: PayoutHoldMeasureDeps) {}

  tierChanged(tx: CreditTx, move: CreditTierMoveRecord): Promise<void> {
    return this.tierChangedMany(tx, [move]);
  }

  /**
   * A party entering a holding tier is held (unless it already is, or is inside its 观察期), one leaving it
   * released: two statements each way, and the observation's look-ups only when someone would be held.
   */
  async tierChangedMany(tx: CreditTx, moves: CreditTierMoveRecord[]): Promise<void> {
    const tiers = new Set(holdingTiers(this.d.model.current()));
    const holds = (tier: CreditTier | null) => tier !== null && tiers.has(tier);
    const place: Array<{ partyId: string; partyKind: CreditPartyKind; reason: string }> = [];
    const release: string[] = [];
    for (const move of moves) {
      if (move.partyKind === 'base') continue; // a live base has no payouts
      if (holds(move.toTier) && !holds(move.fromTier))
        place.push({ partyId: move.partyId, partyKind: move.partyKind, reason: holdReason(move.toTier, move.totalCenti) });
      else if (!holds(move.toTier) && holds(move.fromTier)) release.push(move.partyId);
    }
    const observed = await this.observed(tx, place, this.d.clock.now());
    const actor = { ...SYSTEM_ACTOR, label: 'credit' };
    await this.d.holds.placeHoldsIn(
      tx,
      actor,
      place.filter((p) => !observed.has(p.partyId)).map(({ partyId, reason }) => ({ partyId, reason })),
    );
    await this.d.holds.releaseHoldsIn(tx, actor, release, CREDIT_HOLD_PREFIX);
  }

  /**
   * Puts the holds right for every party in a holding tier, idempotently (the platform's tick runs it). A party is
   * held when it is not, is outside its 观察期, and the credit context has not held it since it entered the tier —
   * one the listener left unheld for its 观察期, or whose other hold (an open case) was lifted. A release by a person
   * since then stands until the party's tier changes. A party the credit context holds while inside a 观察期 (one the
   * settings gave after it was held) is released; the sweep after the period's end holds it again.
   */
  async sweep(now: Date = this.d.clock.now()): Promise<{ creditHoldsPlaced: number; creditHoldsReleased: number }> {
    const uow = this.d.uow;
    if (!uow) throw new Error('the payout hold measure needs a unit of work to sweep');
    const model = this.d.model.current();
    return uow.transaction(async (tx) => {
      const total = { creditHoldsPlaced: 0, creditHoldsReleased: 0 };
      for (const tier of holdingTiers(model)) {
        let after: { totalCenti: number; partyId: string } | undefined;
        for (;;) {
          const page = await tx.credit.listScores({ tier, after, limit: SWEEP_PAGE });
          if (page.length === 0) break;
          const last = page[page.length - 1]!;
          after = { totalCenti: last.totalCenti, partyId: last.partyId };
          const done = await this.sweepPage(
            tx,
            tier,
            page.filter((s) => s.partyKind !== 'base'),
            now,
          );
          total.creditHoldsPlaced += done.placed;
          total.creditHoldsReleased += done.released;
          if (page.length < SWEEP_PAGE) break;
        }
      }
      return total;
    });
  }

  /** One page of the sweep: the parties' holds read in one statement, then the holds placed and released. */
  private async sweepPage(
    tx: CreditTx & ObservationRepos,
    tier: CreditTier,
    parties: CreditScoreRecord[],
    now: Date,
  ): Promise<{ placed: number; released: number }> {
    if (parties.length === 0) return { placed: 0, released: 0 };
    const observed = await this.observed(tx, parties, now);
    const since = new Date(Math.min(...parties.map((s) => s.tierSince.getTime())));
    const byParty = new Map<string, PayoutHoldRecord[]>();
    for (const h of await this.d.holds.holdsSinceIn(
      tx,
      parties.map((s) => s.partyId),
      since,
    ))
      byParty.set(h.partyId, [...(byParty.get(h.partyId) ?? []), h]);
    const place: Array<{ partyId: string; reason: string }> = [];
    const release: string[] = [];
    for (const s of parties) {
      const own = byParty.get(s.partyId) ?? [];
      const active = own.find((h) => h.releasedAt === null);
      if (observed.has(s.partyId)) {
        if (active?.reason.startsWith(CREDIT_HOLD_PREFIX)) release.push(s.partyId);
        continue;
      }
      const releasedByPerson = own.some(
        (h) => h.placedAt >= s.tierSince && h.reason.startsWith(CREDIT_HOLD_PREFIX) && h.releasedBy !== null,
      );
      if (!active && !releasedByPerson) place.push({ partyId: s.partyId, reason: holdReason(tier, s.totalCenti) });
    }
    const actor = { ...SYSTEM_ACTOR, label: 'credit' };
    return {
      placed: (await this.d.holds.placeHoldsIn(tx, actor, place)).length,
      released: await this.d.holds.releaseHoldsIn(tx, actor, release, CREDIT_HOLD_PREFIX),
    };
  }

  /** The parties (of those given) inside their 观察期; none without the observation dependency. */
  private observed(tx: CreditTx, parties: Array<{ partyId: string; partyKind: CreditPartyKind }>, now: Date): Promise<Map<string, Date>> {
    if (!this.d.observation || parties.length === 0) return Promise.resolve(new Map());
    return this.d.observation.within(observationTx(tx), parties, now);
  }
}
