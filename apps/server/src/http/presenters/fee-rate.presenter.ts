/** Fee rates (平台服务费率) as the API shows them. */
import type { FeeRateList, FeeRateView } from '@livehub/contracts';
import type { FeeRateRecord } from '@livehub/core';

export function presentFeeRate(r: FeeRateRecord): FeeRateView {
  return { categoryId: r.categoryId, feeBp: r.feeBp, updatedAt: r.updatedAt.toISOString() };
}

export function presentFeeRates(l: { defaultFeeBp: number; rates: FeeRateRecord[] }): FeeRateList {
  return { defaultFeeBp: l.defaultFeeBp, rates: l.rates.map(presentFeeRate) };
}
