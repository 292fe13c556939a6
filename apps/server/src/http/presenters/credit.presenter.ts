/** Credit records → contract shapes (pure). Totals travel as points with two decimals. */
import type { CreditDetail, CreditEventView, CreditSummary } from '@livehub/contracts';
import type { CreditDetailView, CreditEventRecord, CreditSummaryView } from '@livehub/core';

export function presentCreditEvent(e: CreditEventRecord): CreditEventView {
  return {
    id: e.id,
    partyId: e.partyId,
    partyKind: e.partyKind,
    kind: e.kind,
    at: e.at.toISOString(),
    data: e.data,
    source: e.source,
    voidedAt: e.voidedAt?.toISOString() ?? null,
    voidReason: e.voidReason,
  };
}

export function presentCreditSummary({ record: r, partyName }: CreditSummaryView): CreditSummary {
  return {
    partyId: r.partyId,
    partyKind: r.partyKind,
    partyName,
    total: r.totalCenti / 100,
    tier: r.tier,
    modelVersion: r.modelVersion,
    computedAt: r.computedAt.toISOString(),
    tierSince: r.tierSince.toISOString(),
  };
}

export function presentCreditDetail(v: CreditDetailView): CreditDetail {
  return {
    partyId: v.partyId,
    partyKind: v.partyKind,
    partyName: v.partyName,
    total: v.score.total,
    tier: v.score.tier,
    modelVersion: v.score.modelVersion,
    computedAt: v.computedAt.toISOString(),
    tierSince: v.tierSince.toISOString(),
    dimensions: v.score.dimensions.map((d) => ({ key: d.key, zh: d.zh, en: d.en, weightBp: d.weightBp, score: d.score })),
    contributions: v.score.contributions.map((c) => ({
      eventId: c.eventId,
      kind: c.kind,
      dimension: c.dimension,
      points: c.points,
      at: c.at.toISOString(),
      decay: c.decay,
      ...(c.waived ? { waived: c.waived } : {}),
      ...(c.hint ? { hint: c.hint } : {}),
      ...(c.relaxed ? { relaxed: c.relaxed } : {}),
    })),
    measures: v.measures.map((m) => ({ code: m.code, zh: m.zh, en: m.en, ...(m.because ? { because: m.because } : {}) })),
    events: v.events.map((e) => ({ ...presentCreditEvent(e), appeal: v.appeals.get(e.id) ?? null })),
    tierMoves: v.tierMoves.map((m) => ({
      at: m.at.toISOString(),
      from: m.fromTier,
      to: m.toTier,
      total: m.totalCenti / 100,
      reason: m.reason,
    })),
    ...(v.modes ? { modes: v.modes.map((m) => ({ mode: m.mode, zh: m.zh, en: m.en, until: m.until?.toISOString() ?? null })) } : {}),
  };
}
