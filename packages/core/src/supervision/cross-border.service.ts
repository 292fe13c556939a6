/**
 * 跨境商品 report (docs/supervision.md): every cross-border product with its declared customs value against what
 * buyers paid for it over the last 30 days — median, lowest and highest unit price, their ratio, and the
 * under-declaration flag of cross-border.rules.ts. For regulators; reads through a port, writes nothing.
 */
import type { CrossBorderReport } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { declarationFinding, type SoldPrice, UNDER_DECLARATION } from './cross-border.rules.ts';

/** A cross-border product as the report reads it, named. */
export interface CrossBorderProductFact {
  productId: string;
  title: string;
  merchantOrgId: string;
  merchantName: string;
  status: string;
  declaredValueFen: number;
  originCountry: string;
  originName: string;
  importMode: '1210' | '9610';
}

/** What the report reads from the catalog and orders contexts (the server's adapter implements it). */
export interface CrossBorderReader {
  /** the cross-border products, at most `limit` (newest first) */
  products(limit: number): Promise<CrossBorderProductFact[]>;
  /** units sold at each unit price of these products, in orders paid within [from, to] (now included) */
  soldPrices(productIds: string[], from: Date, to: Date): Promise<Array<SoldPrice & { productId: string }>>;
}

/** The report lists at most this many cross-border products. */
export const CROSS_BORDER_REPORT_MAX = 500;
const DAY = 86_400_000;

export class CrossBorderReportService {
  constructor(private readonly d: { clock: Clock; reader: CrossBorderReader }) {}

  async report(actor: Actor): Promise<CrossBorderReport> {
    if (actor.role !== 'regulator') throw new AppError('auth.forbidden');
    const to = this.d.clock.now();
    const from = new Date(to.getTime() - UNDER_DECLARATION.reportDays * DAY);
    const products = await this.d.reader.products(CROSS_BORDER_REPORT_MAX);
    const sold = await this.d.reader.soldPrices(
      products.map((p) => p.productId),
      from,
      to,
    );
    const items = products.map((p) => {
      const f = declarationFinding(
        p.declaredValueFen,
        sold.filter((s) => s.productId === p.productId),
      );
      return {
        productId: p.productId,
        title: p.title,
        merchantOrgId: p.merchantOrgId,
        merchantName: p.merchantName,
        productStatus: p.status,
        declaredValueFen: p.declaredValueFen,
        originCountry: p.originCountry,
        originName: p.originName,
        importMode: p.importMode,
        units: f.units,
        medianFen: f.medianFen,
        minFen: f.minFen,
        maxFen: f.maxFen,
        ratio: f.ratio,
        flagged: f.flagged,
      };
    });
    items.sort((a, b) => Number(b.flagged) - Number(a.flagged) || (b.ratio ?? -1) - (a.ratio ?? -1));
    return {
      windowDays: UNDER_DECLARATION.reportDays,
      ratioThreshold: UNDER_DECLARATION.ratio,
      minUnits: UNDER_DECLARATION.minUnits,
      from: from.toISOString(),
      to: to.toISOString(),
      items,
    };
  }
}
