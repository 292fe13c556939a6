/**
 * The selection pool (选品池) and its search: the listing read model of every approved product with a running
 * plan — rebuilt in the same transaction as each change to the product, its SKUs or its plans — who sees which
 * listing, the Chinese search over it, and a product as the pool shows it to a streamer or an MCN.
 */
import type { ProductDetail, ProductRecord } from '../catalog/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { planViews } from './plan.service.ts';
import { documentTokens, queryTokens } from './search-tokens.ts';
import type { ListingRecord, PoolProduct, SearchInput } from './selection.types.ts';

/** What the pool needs of the catalog: category paths and product details (CatalogService is one). */
export interface CatalogReader {
  categoryPathOf(id: string, repos?: Pick<Repositories, 'catalog'>): Promise<Array<{ id: string; nameZh: string }>>;
  detail(p: ProductRecord): Promise<ProductDetail>;
}

/**
 * The pool reads the product, its SKUs and brand (catalog), the merchant's and partners' names (orgs, users) and
 * a streamer's MCN (registry) in the transaction that rebuilds a listing; reader ports for them are still to come.
 */
export type PoolScope = 'selection' | 'catalog' | 'orgs' | 'users' | 'registry';
export type ListingRepos = Pick<Repositories, 'selection' | 'catalog' | 'orgs'>;

export interface PoolDeps {
  uow: ScopedUnitOfWork<PoolScope>;
  clock: Clock;
  catalog: CatalogReader;
}

export class PoolService {
  constructor(private readonly d: PoolDeps) {}

  /** Rebuilds (or removes) a product's listing from the product, its SKUs and its running plans. */
  async refreshListing(tx: ListingRepos, productId: string, now: Date): Promise<void> {
    const p = await tx.catalog.findProduct(productId);
    const plans = p
      ? (await tx.selection.listPlans({ productIds: [productId], limit: 100 })).filter((x) => x.status === 'active' && x.endsAt > now)
      : [];
    if (p?.status !== 'approved' || plans.length === 0) {
      await tx.selection.deleteListing(productId);
      return;
    }
    const skus = await tx.catalog.listSkus([p.id]);
    const [path, brand, org] = await Promise.all([
      this.d.catalog.categoryPathOf(p.categoryId, tx),
      p.brandId ? tx.catalog.findBrand(p.brandId) : Promise.resolve(null),
      tx.orgs.findById(p.merchantOrgId),
    ]);
    const audience = new Set<string>();
    for (const plan of plans) {
      if (plan.type === 'open') audience.add('*');
      for (const partner of plan.partners) audience.add(`${partner.kind === 'streamer' ? 'u' : 'o'}:${partner.id}`);
    }
    const prices = skus.map((s) => s.priceFen);
    const listing: ListingRecord = {
      productId: p.id,
      merchantOrgId: p.merchantOrgId,
      merchantName: org?.name ?? '',
      title: p.title,
      categoryId: p.categoryId,
      categoryPath: path.map((c) => c.id),
      brandName: brand?.name ?? null,
      coverImageId: p.imageIds[0] ?? null,
      minPriceFen: prices.length ? Math.min(...prices) : 0,
      maxPriceFen: prices.length ? Math.max(...prices) : 0,
      commissionBp: Math.max(...plans.map((x) => x.commissionBp)),
      planTypes: [...new Set(plans.map((x) => x.type))],
      audience: [...audience],
      stock: skus.reduce((n, s) => n + s.stock, 0),
      salesCount: p.salesCount,
      sampleAvailable: p.sampleAvailable && p.sampleStock > 0,
      merchantCredit: null,
      tokens: documentTokens(p.title, brand?.name, brand?.nameEn, ...path.map((c) => c.nameZh), ...p.claims, ...skus.map((s) => s.name)),
      liveFrom: new Date(Math.min(...plans.map((x) => x.startsAt.getTime()))),
      liveUntil: new Date(Math.max(...plans.map((x) => x.endsAt.getTime()))),
      updatedAt: now,
    };
    await tx.selection.upsertListing(listing);
  }

  /** The audience keys an actor matches: '*' and their own user / MCN keys; null for the platform (sees all). */
  async audienceOf(actor: Actor): Promise<string[] | null> {
    if (isCrossTenant(actor)) return null;
    if (actor.role === 'streamer') {
      const profile = actor.userId ? await this.d.uow.read.registry.findStreamer(actor.userId) : null;
      const mcn = profile?.mcnOrgId ?? actor.orgId;
      return ['*', `u:${actor.userId}`, ...(mcn ? [`o:${mcn}`] : [])];
    }
    if (actor.role === 'mcn_manager' && actor.orgId) return ['*', `o:${actor.orgId}`];
    throw new AppError('auth.forbidden');
  }

  async visible(actor: Actor, l: ListingRecord | null, now: Date): Promise<boolean> {
    if (!l || l.liveFrom > now || l.liveUntil <= now) return false;
    const audience = await this.audienceOf(actor);
    return audience === null || l.audience.some((a) => audience.includes(a));
  }

  async search(actor: Actor, input: SearchInput): Promise<{ items: ListingRecord[]; total: number; tookMs: number }> {
    const started = performance.now();
    const audience = await this.audienceOf(actor);
    const tokens = input.q ? queryTokens(input.q) : [];
    const r = await this.d.uow.read.selection.searchListings({
      tokens,
      audience,
      now: this.d.clock.now(),
      categoryId: input.category,
      priceMinFen: input.priceMinFen,
      priceMaxFen: input.priceMaxFen,
      commissionMinBp: input.commissionMinBp,
      inStock: input.inStock,
      sampleAvailable: input.sampleAvailable,
      minCredit: input.minCredit,
      sort: input.sort,
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
      countCap: 1000,
    });
    return { ...r, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** A product as the selection square shows it to `actor`, with the plans that apply to them. */
  async poolProduct(actor: Actor, productId: string): Promise<PoolProduct> {
    const now = this.d.clock.now();
    const listing = await this.d.uow.read.selection.findListing(productId);
    const own = listing?.merchantOrgId === actor.orgId;
    if (!own && !(await this.visible(actor, listing, now))) throw new AppError('catalog.product_not_found', { field: 'id' });
    const audience = isCrossTenant(actor) || own ? null : await this.audienceOf(actor);
    const plans = (await this.d.uow.read.selection.listPlans({ productIds: [productId], limit: 100 })).filter(
      (x) =>
        x.status === 'active' &&
        x.endsAt > now &&
        (audience === null ||
          x.type === 'open' ||
          x.partners.some((pt) => audience.includes(`${pt.kind === 'streamer' ? 'u' : 'o'}:${pt.id}`))),
    );
    const detail = await this.d.catalog.detail((await this.d.uow.read.catalog.findProduct(productId)) as ProductRecord);
    return { listing: listing as ListingRecord, plans: await planViews(this.d.uow.read, plans), detail };
  }

  /** Whether the product is in the pool for this actor now (the catalog's product view uses it for streamers). */
  async isVisible(actor: Actor, productId: string): Promise<boolean> {
    return this.visible(actor, await this.d.uow.read.selection.findListing(productId), this.d.clock.now());
  }
}
