/**
 * The measure `payout_hold` (暂缓结算打款) of tier D, enforced where it bites: a party that drops to D has its
 * payouts held through the settlement context's hold, with the credit reason; leaving D releases that hold (and
 * only a hold the credit context placed: a hold for an open case stays).
 */
import { measuresFor } from '@livehub/credit';
import type { PayoutHoldService } from '../settlement/payout-hold.service.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import type { CreditTierListener, CreditTx } from './credit.service.ts';
import type { CreditTierMoveRecord } from './credit.types.ts';

/** The reason every credit hold starts with, so the release finds its own. */
export const CREDIT_HOLD_PREFIX = '信用等级';

export class PayoutHoldMeasure implements CreditTierListener {
  constructor(
    private readonly holds: Pick<PayoutHoldService, 'placeHoldsIn' | 'releaseHoldsIn'>,
    private readonly model: CreditModelSource,
  ) {}

  tierChanged(tx: CreditTx, move: CreditTierMoveRecord): Promise<void> {
    return this.tierChangedMany(tx, [move]);
  }

  /** A party entering a holding tier is held (unless it already is), one leaving it released: two statements each way. */
  async tierChangedMany(tx: CreditTx, moves: CreditTierMoveRecord[]): Promise<void> {
    const model = this.model.current();
    const holds = (tier: CreditTierMoveRecord['toTier'] | null) =>
      tier !== null && measuresFor(tier, model).some((m) => m.code === 'payout_hold');
    const actor = { ...SYSTEM_ACTOR, label: 'credit' };
    const place: Array<{ partyId: string; reason: string }> = [];
    const release: string[] = [];
    for (const move of moves) {
      if (move.partyKind === 'base') continue; // a live base has no payouts
      if (holds(move.toTier) && !holds(move.fromTier))
        place.push({
          partyId: move.partyId,
          reason: `${CREDIT_HOLD_PREFIX} ${move.toTier}：暂缓结算打款（信用分 ${(move.totalCenti / 100).toFixed(2)}）`,
        });
      else if (!holds(move.toTier) && holds(move.fromTier)) release.push(move.partyId);
    }
    await this.holds.placeHoldsIn(tx, actor, place);
    await this.holds.releaseHoldsIn(tx, actor, release, CREDIT_HOLD_PREFIX);
  }
}
