/** Drizzle implementation of the selection-center repository port (plans, listings, samples, agreements). */
import type {
  AgreementAcceptanceRecord,
  AgreementRecord,
  AgreementVersionRecord,
  ListingQuery,
  ListingRecord,
  PlanRecord,
  SampleRecord,
  SelectionRepository,
} from '@livehub/core';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { firstWhere } from './first-where.ts';
import { listWhere } from './list-where.ts';
import { updateAtVersion } from './update-at-version.ts';
import { products } from '../schema/catalog.ts';
import {
  agreementAcceptances,
  agreementVersions,
  agreements,
  sampleRequests,
  selectionListings,
  selectionPlans,
} from '../schema/selection.ts';

/** Sample requests and agreements are filtered alike: by each party given and by status. */
function partiesFilter(
  t: typeof sampleRequests | typeof agreements,
  opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: (SampleRecord['status'] | AgreementRecord['status'])[];
  },
): SQL | undefined {
  return and(
    opts.merchantOrgId ? eq(t.merchantOrgId, opts.merchantOrgId) : undefined,
    opts.streamerUserId ? eq(t.streamerUserId, opts.streamerUserId) : undefined,
    opts.mcnOrgId ? eq(t.mcnOrgId, opts.mcnOrgId) : undefined,
    opts.status ? inArray(t.status, opts.status) : undefined,
  );
}

/** A text[] literal built from bound parameters (portable across pg and PGlite). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

// Each order (then product_id) is an index of selection_listings. NULLS LAST is explicit because the indexes are
// built DESC NULLS LAST and a plain DESC (= NULLS FIRST) would not match them; the columns are NOT NULL, so the order
// is the same either way.
const LISTING_ORDER: Record<ListingQuery['sort'], SQL> = {
  relevance: sql`${selectionListings.salesCount} DESC NULLS LAST, ${selectionListings.commissionBp} DESC NULLS LAST`,
  sales: sql`${selectionListings.salesCount} DESC NULLS LAST`,
  commission: sql`${selectionListings.commissionBp} DESC NULLS LAST, ${selectionListings.salesCount} DESC NULLS LAST`,
  price_asc: sql`${selectionListings.minPriceFen} ASC`,
  price_desc: sql`${selectionListings.minPriceFen} DESC NULLS LAST`,
  newest: sql`${selectionListings.liveFrom} DESC NULLS LAST`,
};

/**
 * A pool search's filters other than its words, audience and time window, as conditions on the listings (undefined
 * where a filter is not given: `and` skips it).
 */
export function listingFilterConditions(
  q: Pick<ListingQuery, 'categoryId' | 'priceMinFen' | 'priceMaxFen' | 'commissionMinBp' | 'inStock' | 'sampleAvailable' | 'minCredit'>,
): Array<SQL | undefined> {
  const L = selectionListings;
  return [
    q.categoryId ? sql`${L.categoryPath} @> ${textArray([q.categoryId])}` : undefined,
    q.priceMinFen !== undefined ? sql`${L.minPriceFen} >= ${q.priceMinFen}` : undefined,
    q.priceMaxFen !== undefined ? sql`${L.minPriceFen} <= ${q.priceMaxFen}` : undefined,
    q.commissionMinBp !== undefined ? sql`${L.commissionBp} >= ${q.commissionMinBp}` : undefined,
    q.inStock === true ? gt(L.stock, 0) : q.inStock === false ? eq(L.stock, 0) : undefined,
    q.sampleAvailable !== undefined ? eq(L.sampleAvailable, q.sampleAvailable) : undefined,
    q.minCredit !== undefined ? sql`${L.merchantCredit} >= ${q.minCredit}` : undefined,
  ];
}

export class DrizzleSelectionRepository implements SelectionRepository {
  constructor(private readonly db: Db) {}

  async insertPlan(p: PlanRecord): Promise<void> {
    await this.db.insert(selectionPlans).values(p);
  }
  async findPlan(id: string): Promise<PlanRecord | null> {
    return (await firstWhere(this.db, selectionPlans, eq(selectionPlans.id, id))) as PlanRecord | null;
  }
  async updatePlan(id: string, patch: Partial<PlanRecord>): Promise<void> {
    await this.db.update(selectionPlans).set(patch).where(eq(selectionPlans.id, id));
  }
  async listPlans(opts: {
    productIds?: string[];
    merchantOrgId?: string;
    status?: PlanRecord['status'];
    endsBefore?: Date;
    limit: number;
  }): Promise<PlanRecord[]> {
    if (opts.productIds && opts.productIds.length === 0) return [];
    return (await listWhere(this.db, selectionPlans, {
      where: and(
        opts.productIds ? inArray(selectionPlans.productId, opts.productIds) : undefined,
        opts.merchantOrgId ? eq(selectionPlans.merchantOrgId, opts.merchantOrgId) : undefined,
        opts.status ? eq(selectionPlans.status, opts.status) : undefined,
        opts.endsBefore ? lte(selectionPlans.endsAt, opts.endsBefore) : undefined,
      ),
      orderBy: [desc(selectionPlans.createdAt)],
      limit: opts.limit,
    })) as PlanRecord[];
  }
  async lockProduct(productId: string): Promise<void> {
    await this.db.execute(sql`SELECT 1 FROM ${products} WHERE ${products.id} = ${productId} FOR UPDATE`);
  }
  async upsertListing(l: ListingRecord): Promise<void> {
    const { productId, ...rest } = l;
    await this.db.insert(selectionListings).values(l).onConflictDoUpdate({ target: selectionListings.productId, set: rest });
  }
  async deleteListing(productId: string): Promise<void> {
    await this.db.delete(selectionListings).where(eq(selectionListings.productId, productId));
  }
  async findListing(productId: string): Promise<ListingRecord | null> {
    return (await firstWhere(this.db, selectionListings, eq(selectionListings.productId, productId))) as ListingRecord | null;
  }
  async searchListings(q: ListingQuery): Promise<{ items: ListingRecord[]; total: number }> {
    const L = selectionListings;
    const where = and(
      lte(L.liveFrom, q.now),
      gt(L.liveUntil, q.now),
      q.tokens.length > 0 ? sql`${L.tokens} @> ${textArray(q.tokens)}` : undefined,
      q.audience ? sql`${L.audience} && ${textArray(q.audience)}` : undefined,
      ...listingFilterConditions(q),
    );
    const items = (await this.db
      .select()
      .from(L)
      .where(where)
      .orderBy(LISTING_ORDER[q.sort], asc(L.productId))
      .limit(q.limit)
      .offset(q.offset)) as ListingRecord[];
    // The total is only counted when the page is full: a short first page is its own count.
    let total = q.offset + items.length;
    if (items.length === q.limit) {
      // Counted up to countCap. The matches are a MATERIALIZED CTE read only as far as the cap: a CTE is planned for
      // all its rows, so a token query counts from the GIN index. With the LIMIT in the same query the planner costs
      // a sequential scan that stops at the cap as cheaper, not knowing how dear `tokens @>` is per row (up to 10x
      // slower on a mid-frequency word).
      const matches = this.db.select({ one: sql`1` }).from(L).where(where);
      const [row] = await this.db
        .select({ n: count() })
        .from(sql`(WITH matches AS MATERIALIZED (${matches}) SELECT 1 FROM matches LIMIT ${q.countCap}) AS capped`);
      total = row?.n ?? total;
    }
    return { items, total };
  }

  async insertSample(s: SampleRecord): Promise<void> {
    await this.db.insert(sampleRequests).values(s);
  }
  async findSample(id: string): Promise<SampleRecord | null> {
    return (await firstWhere(this.db, sampleRequests, eq(sampleRequests.id, id))) as SampleRecord | null;
  }
  async updateSample(s: SampleRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, ...rest } = s;
    return updateAtVersion(this.db, sampleRequests, id, expectVersion, rest);
  }
  async listSamples(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: SampleRecord['status'][];
    overdue?: boolean;
    limit: number;
  }): Promise<SampleRecord[]> {
    const S = sampleRequests;
    return (await listWhere(this.db, S, {
      where: and(partiesFilter(S, opts), opts.overdue === true ? and(isNotNull(S.overdueAt), eq(S.status, 'received')) : undefined),
      orderBy: [desc(S.updatedAt)],
      limit: opts.limit,
    })) as SampleRecord[];
  }
  async countSamples(opts: { merchantOrgId?: string; streamerUserId?: string; status?: SampleRecord['status'][] }): Promise<number> {
    return countWhere(this.db, sampleRequests, partiesFilter(sampleRequests, opts));
  }
  async listSamplesDue(now: Date, limit: number): Promise<SampleRecord[]> {
    const S = sampleRequests;
    return (await listWhere(this.db, S, {
      where: and(eq(S.status, 'received'), isNull(S.overdueAt), lt(S.featureDueAt, now)),
      orderBy: [asc(S.featureDueAt)],
      limit,
    })) as SampleRecord[];
  }

  async insertAgreement(a: AgreementRecord): Promise<void> {
    await this.db.insert(agreements).values(a);
  }
  async findAgreement(id: string): Promise<AgreementRecord | null> {
    return (await firstWhere(this.db, agreements, eq(agreements.id, id))) as AgreementRecord | null;
  }
  async updateAgreement(a: AgreementRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, createdBy, merchantOrgId, streamerUserId, mcnOrgId, ...rest } = a;
    return updateAtVersion(this.db, agreements, id, expectVersion, rest);
  }
  async listAgreements(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: AgreementRecord['status'][];
    limit: number;
  }): Promise<AgreementRecord[]> {
    return (await listWhere(this.db, agreements, {
      where: partiesFilter(agreements, opts),
      orderBy: [desc(agreements.updatedAt)],
      limit: opts.limit,
    })) as AgreementRecord[];
  }
  async countAgreements(opts: { merchantOrgId?: string; streamerUserId?: string; status?: AgreementRecord['status'][] }): Promise<number> {
    return countWhere(this.db, agreements, partiesFilter(agreements, opts));
  }
  async findInForce(q: { merchantOrgId: string; streamerUserId: string; productId: string; at: Date }): Promise<AgreementRecord | null> {
    const [row] = await this.db
      .select()
      .from(agreements)
      .where(
        and(
          eq(agreements.merchantOrgId, q.merchantOrgId),
          eq(agreements.streamerUserId, q.streamerUserId),
          eq(agreements.status, 'in_force'),
          lte(agreements.inForceFrom, q.at),
          gt(agreements.inForceUntil, q.at),
          sql`${agreements.inForceProductIds} @> ${textArray([q.productId])}`,
        ),
      )
      .orderBy(desc(agreements.updatedAt))
      .limit(1);
    return (row as AgreementRecord | undefined) ?? null;
  }
  async insertVersion(v: AgreementVersionRecord): Promise<void> {
    await this.db.insert(agreementVersions).values(v);
  }
  async listVersions(agreementId: string): Promise<AgreementVersionRecord[]> {
    return (await this.db
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreementId))
      .orderBy(asc(agreementVersions.version))) as AgreementVersionRecord[];
  }
  async insertAcceptance(a: AgreementAcceptanceRecord): Promise<void> {
    await this.db.insert(agreementAcceptances).values(a);
  }
  async listAcceptances(agreementId: string): Promise<AgreementAcceptanceRecord[]> {
    return this.db
      .select()
      .from(agreementAcceptances)
      .where(eq(agreementAcceptances.agreementId, agreementId))
      .orderBy(asc(agreementAcceptances.at));
  }
  async listAgreementsLapsed(now: Date, limit: number): Promise<AgreementRecord[]> {
    return (await this.db
      .select()
      .from(agreements)
      .where(and(eq(agreements.status, 'in_force'), lte(agreements.inForceUntil, now)))
      .limit(limit)) as AgreementRecord[];
  }
}
