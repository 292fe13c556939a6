/**
 * One place decides what a party's credit allows; every gate asks it. `standing(partyId)` gives the tier, the
 * measures in force with their reasons, and the enforcement modes that shaped them (观察期, 监管沙盒…);
 * `assertAllowed(partyId, measure)` is what a gate calls (going live, listing, selection, flash sales): it throws
 * `credit.measure_applies` naming the tier and the measure, which the user sees. Modes adjust the standing through
 * `CreditStandingAdjuster`s (each mode is one), so a gate never knows about modes.
 */
import { measuresFor } from '@livehub/credit';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import type { CreditPartyKind, CreditTier } from './credit.types.ts';

/** The measure codes of the default model: D blocks, C marks. */
export type CreditMeasureCode = 'prereview' | 'no_selection' | 'no_flash_sale' | 'payout_hold' | 'observation_tag' | 'extra_sampling';

export interface CreditStandingMeasure {
  code: string;
  zh: string;
  en: string;
  /** why it applies: the tier, or the mode that added it */
  because: { zh: string; en: string };
}

export interface CreditStanding {
  partyId: string;
  partyKind: CreditPartyKind | null;
  tier: CreditTier;
  /** score in points (100 when the party has no score yet) */
  total: number;
  measures: CreditStandingMeasure[];
  /** the enforcement modes in force for this party, each with what it changed */
  modes: Array<{ mode: string; zh: string; en: string; until: Date | null }>;
}

/** An enforcement mode's effect on a standing (observation period, sandbox cohort…). Pure given its inputs. */
export interface CreditStandingAdjuster {
  adjust(standing: CreditStanding, now: Date): Promise<CreditStanding>;
}

export interface CreditGateDeps {
  uow: ScopedUnitOfWork<'credit'>;
  model: CreditModelSource;
  clock: { now(): Date };
  adjusters?: CreditStandingAdjuster[];
}

const TIER_LABEL: Record<CreditTier, { zh: string; en: string }> = {
  A: { zh: '优', en: 'excellent' },
  B: { zh: '良', en: 'good' },
  C: { zh: '中', en: 'fair' },
  D: { zh: '差', en: 'poor' },
};

export class CreditGateService {
  constructor(private readonly d: CreditGateDeps) {}

  async standing(partyId: string): Promise<CreditStanding> {
    const s = await this.d.uow.read.credit.score(partyId);
    const tier: CreditTier = s?.tier ?? 'A';
    const because = { zh: `信用等级 ${tier}（${TIER_LABEL[tier].zh}）`, en: `credit tier ${tier} (${TIER_LABEL[tier].en})` };
    let standing: CreditStanding = {
      partyId,
      partyKind: s?.partyKind ?? null,
      tier,
      total: s ? s.totalCenti / 100 : 100,
      measures: measuresFor(tier, this.d.model.current()).map((m) => ({ code: m.code, zh: m.zh, en: m.en, because })),
      modes: [],
    };
    const now = this.d.clock.now();
    for (const a of this.d.adjusters ?? []) standing = await a.adjust(standing, now);
    return standing;
  }

  /** Whether a measure applies to any of these parties (a session's streamer and its merchant, say). */
  async applies(
    partyIds: Array<string | null | undefined>,
    code: CreditMeasureCode,
  ): Promise<{ partyId: string; standing: CreditStanding; measure: CreditStandingMeasure } | null> {
    for (const id of partyIds) {
      if (!id) continue;
      const standing = await this.standing(id);
      const measure = standing.measures.find((m) => m.code === code);
      if (measure) return { partyId: id, standing, measure };
    }
    return null;
  }

  /** The gate: throws `credit.measure_applies` (403) when the measure applies to one of these parties. */
  async assertAllowed(partyIds: Array<string | null | undefined>, code: CreditMeasureCode, field?: string): Promise<void> {
    const hit = await this.applies(partyIds, code);
    if (!hit) return;
    throw new AppError('credit.measure_applies', {
      ...(field ? { field } : {}),
      details: {
        tier: hit.standing.tier,
        measure: { zh: `${hit.measure.zh}（${hit.measure.because.zh}）`, en: `${hit.measure.en} (${hit.measure.because.en})` },
        code,
        partyId: hit.partyId,
      },
    });
  }
}
