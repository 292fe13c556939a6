/** Pure presenters of the finance reads: views with Dates → the contract shapes (ISO strings) the API answers with. */
import type { FinanceCommission, FinanceFund, FinanceLinePage, FinancePlatform } from '@livehub/contracts';
import type { CommissionRowView, FundView, LinePageView, PlatformView } from '@livehub/core';

export function presentLinePage(p: LinePageView): FinanceLinePage {
  return {
    kind: p.kind,
    items: p.items.map((l) => ({ ...l, postedAt: l.postedAt.toISOString() })),
    next: p.next ? { before: p.next.postedAt.toISOString(), beforeEntryId: p.next.entryId } : null,
  };
}

const row = (r: CommissionRowView) => ({ ...r, lastPaidAt: r.lastPaidAt?.toISOString() ?? null });

export function presentCommission(c: { bySession: CommissionRowView[]; byProduct: CommissionRowView[] }): FinanceCommission {
  return { bySession: c.bySession.map(row), byProduct: c.byProduct.map(row) };
}

export function presentPlatform(p: PlatformView): FinancePlatform {
  return p;
}

export function presentFund(f: FundView): FinanceFund {
  return {
    balanceFen: f.balanceFen,
    floorFen: f.floorFen,
    belowFloor: f.belowFloor,
    totals: f.totals,
    byKind: f.byKind,
    lines: presentLinePage(f.lines),
  };
}

/** The contract's line cursor (before + beforeEntryId, which the schema requires together) → the ledger's. */
export function cursorOf(q: { before?: string | undefined; beforeEntryId?: string | undefined }) {
  return q.before && q.beforeEntryId ? { before: { postedAt: new Date(q.before), entryId: q.beforeEntryId } } : {};
}
