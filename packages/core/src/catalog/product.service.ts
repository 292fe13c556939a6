/**
 * Products, their SKUs and prices (商品与 SKU): drafts, edits (content edits of an approved product send it back to
 * review), price and stock changes (every price change is a point in the price history), 下架, and the product
 * details screens show, with names looked up once per page. Only an admitted merchant lists
 * (RegistryService.listingGate).
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { BrandService } from './brand.service.ts';
import { contentChanged, crossBorderFields, REFERENCE_WINDOW_MS, stripUndefined } from './catalog.rules.ts';
import type {
  PriceHistory,
  ProductDetail,
  ProductInput,
  ProductPatch,
  ProductRecord,
  ProductStatus,
  SkuInput,
  SkuRecord,
} from './catalog.types.ts';
import type { CategoryService } from './category.service.ts';
import { categoryPath } from './default-categories.ts';
import type { StockPostingService } from '../inventory/index.ts';

/** The transaction the selection pool's read model is rebuilt in when a product changes. */
export type ListingTx = Pick<Repositories, 'catalog' | 'selection' | 'orgs'>;

/**
 * What the product service touches: its tables, the merchants' names (orgs), uploaded documents (workflows), and
 * — only to hand the transaction to `onProductChanged` — the selection pool's read model.
 */
/** (`inventory`: only handed to the stock ledger's in-transaction forms — opening stock, 补货 / 报损) */
type ProductScope = 'catalog' | 'orgs' | 'workflows' | 'selection' | 'audit' | 'inventory';
type ProductTx = Pick<Repositories, ProductScope>;
/** The transaction another context hands over to take a product down or restore it (an in-transaction form). */
export type DelistTx = Pick<Repositories, 'catalog' | 'selection' | 'orgs' | 'audit'>;

/** Who may list: RegistryService's admission gate (a reader port). */
export interface ListingGate {
  listingGate(orgId: string): Promise<{ allowed: boolean; reasons: string[] }>;
}

export interface ProductDeps {
  uow: ScopedUnitOfWork<ProductScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  registry: ListingGate;
  categories: CategoryService;
  brands: BrandService;
  /** called after a product's listing-relevant data changed, inside the same transaction */
  onProductChanged?: ((tx: ListingTx, productId: string, now: Date) => Promise<void>) | undefined;
  /** the stock ledger (inventory): a new SKU's opening stock and the product page's restock / write-off post there */
  stock: StockPostingService;
}

export class ProductService {
  constructor(private readonly d: ProductDeps) {}

  async requireMerchant(actor: Actor): Promise<string> {
    if (actor.role !== 'merchant_staff' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const gate = await this.d.registry.listingGate(actor.orgId);
    if (!gate.allowed) throw new AppError('catalog.listing_not_allowed', { details: { reasons: gate.reasons.join(', ') } });
    return actor.orgId;
  }

  private async validateRefs(
    tx: ProductTx,
    orgId: string,
    now: Date,
    p: { categoryId?: string | undefined; brandId?: string | null | undefined; imageIds?: string[]; qualificationDocIds?: string[] },
  ): Promise<void> {
    if (p.categoryId !== undefined && !(await this.d.categories.categories(tx)).has(p.categoryId))
      throw new AppError('catalog.category_not_found', { field: 'categoryId' });
    if (p.brandId) {
      const brand = await tx.catalog.findBrand(p.brandId);
      if (!brand) throw new AppError('catalog.brand_not_found', { field: 'brandId' });
      if (!(await this.d.brands.brandAllowed(tx, brand, orgId, now)))
        throw new AppError('catalog.brand_unauthorized', { field: 'brandId', details: { brand: brand.name } });
    }
    for (const [i, id] of (p.imageIds ?? []).entries()) {
      const doc = await tx.workflows.findDocument(id);
      if (!doc || doc.ownerOrgId !== orgId) throw new AppError('document.not_found', { field: `imageIds.${i}` });
      if (doc.fileType === 'pdf') throw new AppError('catalog.image_invalid', { field: `imageIds.${i}` });
    }
    for (const [i, id] of (p.qualificationDocIds ?? []).entries()) {
      const doc = await tx.workflows.findDocument(id);
      if (!doc || doc.ownerOrgId !== orgId) throw new AppError('document.not_found', { field: `qualificationDocIds.${i}` });
    }
  }

  /** A draft product with its SKUs; each SKU's first price opens its price history. */
  async createProduct(actor: Actor, input: ProductInput): Promise<ProductRecord> {
    const orgId = await this.requireMerchant(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      await this.validateRefs(tx, orgId, now, input);
      const p: ProductRecord = {
        id: this.d.ids.next(),
        merchantOrgId: orgId,
        categoryId: input.categoryId,
        brandId: input.brandId ?? null,
        title: input.title,
        description: input.description,
        claims: input.claims,
        referencePriceFen: input.referencePriceFen ?? null,
        imageIds: input.imageIds,
        qualificationDocIds: input.qualificationDocIds,
        sampleAvailable: input.sampleAvailable,
        sampleStock: input.sampleStock,
        status: 'draft',
        statusReason: null,
        reviewApplicationId: null,
        checks: null,
        salesCount: 0,
        ...crossBorderFields(input.crossBorder ?? null),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.catalog.insertProduct(p);
      for (const [i, s] of input.skus.entries()) await this.insertSku(tx, actor, orgId, p.id, s, i, now);
      await this.d.audit.record(tx, actor, {
        action: 'product.create',
        targetType: 'product',
        targetId: p.id,
        detail: {
          title: p.title,
          categoryId: p.categoryId,
          skus: input.skus.length,
          ...(p.crossBorder
            ? { crossBorder: { declaredValueFen: p.declaredValueFen, originCountry: p.originCountry, importMode: p.importMode } }
            : {}),
        },
      });
      return p;
    });
  }

  private async insertSku(
    tx: ProductTx,
    actor: Actor,
    merchantOrgId: string,
    productId: string,
    s: SkuInput,
    sort: number,
    now: Date,
  ): Promise<SkuRecord> {
    const sku: SkuRecord = {
      id: this.d.ids.next(),
      productId,
      name: s.name,
      code: s.code ?? null,
      priceFen: s.priceFen,
      stock: 0,
      sort,
      createdAt: now,
      updatedAt: now,
    };
    await tx.catalog.insertSku(sku);
    // 期初: the units go into the merchant's default warehouse through the ledger, which raises the sellable number
    await this.d.stock.openingIn(tx, actor, merchantOrgId, sku.id, s.stock);
    await tx.catalog.recordPrice({
      id: this.d.ids.next(),
      skuId: sku.id,
      priceFen: s.priceFen,
      source: 'list',
      validFrom: now,
      validTo: null,
    });
    return { ...sku, stock: s.stock };
  }

  async ownProduct(tx: Pick<Repositories, 'catalog'>, actor: Actor, id: string): Promise<ProductRecord> {
    const p = await tx.catalog.findProduct(id);
    if (!p || p.merchantOrgId !== actor.orgId) throw new AppError('catalog.product_not_found', { field: 'id' });
    return p;
  }

  /**
   * Edits a product. Not while it is in review; editing the content of an approved product takes it out of the
   * selection pool until it passes review again (price and stock changes go through the SKUs and need no review).
   */
  async updateProduct(actor: Actor, id: string, patch: ProductPatch): Promise<ProductRecord> {
    const orgId = await this.requireMerchant(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const p = await this.ownProduct(tx, actor, id);
      if (p.status === 'in_review') throw new AppError('catalog.not_editable', { details: { status: p.status } });
      await this.validateRefs(tx, orgId, now, patch);
      const { crossBorder, ...rest } = patch;
      const changes = {
        ...(stripUndefined(rest) as Partial<ProductRecord>),
        ...(crossBorder !== undefined ? crossBorderFields(crossBorder) : {}),
      };
      const backToDraft = contentChanged(p, changes) && (p.status === 'approved' || p.status === 'delisted');
      const next: ProductRecord = {
        ...p,
        ...changes,
        status: backToDraft ? 'draft' : p.status,
        statusReason: backToDraft ? 'content_changed' : p.statusReason,
        version: p.version + 1,
        updatedAt: now,
      };
      if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
      await this.d.audit.record(tx, actor, {
        action: 'product.update',
        targetType: 'product',
        targetId: id,
        detail: { fields: Object.keys(changes), backToReview: backToDraft },
      });
      await this.d.onProductChanged?.(tx, id, now);
      return next;
    });
  }

  async addSku(actor: Actor, productId: string, input: SkuInput): Promise<SkuRecord> {
    await this.requireMerchant(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const p = await this.ownProduct(tx, actor, productId);
      const existing = await tx.catalog.listSkus([p.id]);
      if (existing.length >= 50) throw new AppError('request.invalid', { field: 'skus', details: { issue: 'at most 50 SKUs' } });
      const sku = await this.insertSku(tx, actor, p.merchantOrgId, p.id, input, existing.length, now);
      await this.d.audit.record(tx, actor, {
        action: 'sku.create',
        targetType: 'product',
        targetId: p.id,
        detail: { skuId: sku.id, priceFen: sku.priceFen },
      });
      await this.d.onProductChanged?.(tx, p.id, now);
      return sku;
    });
  }

  /** Price and stock changes: every price change is a new point in the SKU's price history. */
  async updateSku(
    actor: Actor,
    productId: string,
    skuId: string,
    patch: { priceFen?: number | undefined; stock?: number | undefined; name?: string | undefined },
  ): Promise<SkuRecord> {
    await this.requireMerchant(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const p = await this.ownProduct(tx, actor, productId);
      const sku = await tx.catalog.findSku(skuId);
      if (!sku || sku.productId !== p.id) throw new AppError('catalog.sku_not_found', { field: 'skuId' });
      const next: SkuRecord = { ...sku, ...stripUndefined(patch), updatedAt: now };
      await tx.catalog.updateSku(next);
      // Stock is restocked or written off as a change from what the merchant saw, so units held or sold by orders
      // meanwhile are never overwritten: an adjustment with a reason in the default warehouse (the stock ledger), never
      // below what is reserved.
      if (patch.stock !== undefined && patch.stock !== sku.stock)
        await this.d.stock.adjustIn(tx, actor, p.merchantOrgId, skuId, patch.stock - sku.stock, patch.stock > sku.stock ? '补货' : '报损');
      if (patch.priceFen !== undefined && patch.priceFen !== sku.priceFen)
        await tx.catalog.recordPrice({
          id: this.d.ids.next(),
          skuId,
          priceFen: patch.priceFen,
          source: 'list',
          validFrom: now,
          validTo: null,
        });
      await this.d.audit.record(tx, actor, {
        action: 'sku.update',
        targetType: 'product',
        targetId: p.id,
        detail: { skuId, before: { priceFen: sku.priceFen, stock: sku.stock }, after: stripUndefined(patch) },
      });
      await this.d.onProductChanged?.(tx, p.id, now);
      return next;
    });
  }

  /**
   * 下架: the merchant withdraws an approved product, or the platform takes it down (with a reason), or a regulator's
   * decision does (a case's execution, docs/supervision.md; the routes never let a regulator call this directly).
   */
  async delist(actor: Actor, id: string, reason: string): Promise<ProductRecord> {
    const platform = actor.role === 'platform_admin' || actor.role === 'reviewer' || actor.role === 'regulator';
    if (!platform && actor.role !== 'merchant_staff') throw new AppError('auth.forbidden');
    return this.d.uow.transaction(async (tx) => {
      const p = platform ? await tx.catalog.findProduct(id) : await this.ownProduct(tx, actor, id);
      if (!p) throw new AppError('catalog.product_not_found', { field: 'id' });
      return this.takeDownIn(tx, actor, p, reason, platform ? (actor.role === 'regulator' ? 'regulator' : 'platform') : 'merchant');
    });
  }

  /**
   * 下架 inside another context's transaction (知识产权保护's takedown on a rights holder's notice, Art. 42): the
   * product leaves sale with `reason` as its status reason; false when it is not on sale (nothing to take down).
   */
  async delistIn(tx: DelistTx, actor: Actor, id: string, reason: string): Promise<boolean> {
    const p = await tx.catalog.findProduct(id);
    if (p?.status !== 'approved') return false;
    await this.takeDownIn(tx, actor, p, reason, 'platform');
    return true;
  }

  /**
   * Ends a takedown inside another context's transaction: a product still off sale for exactly `reason` goes back on
   * sale (its content was reviewed before the takedown and has not changed since — an edit would have sent it back
   * to draft). False when it is not (edited, or taken down again for another reason): nothing is restored.
   */
  async relistIn(tx: DelistTx, actor: Actor, id: string, reason: string, note: string): Promise<boolean> {
    const p = await tx.catalog.findProduct(id);
    if (p?.status !== 'delisted' || p.statusReason !== reason) return false;
    const now = this.d.clock.now();
    const next: ProductRecord = { ...p, status: 'approved', statusReason: null, version: p.version + 1, updatedAt: now };
    if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
    await this.d.audit.record(tx, actor, {
      action: 'product.relist',
      targetType: 'product',
      targetId: id,
      orgId: p.merchantOrgId,
      detail: { reason: note, takedown: reason },
    });
    await this.d.onProductChanged?.(tx, id, now);
    return true;
  }

  private async takeDownIn(
    tx: DelistTx,
    actor: Actor,
    p: ProductRecord,
    reason: string,
    by: 'regulator' | 'platform' | 'merchant',
  ): Promise<ProductRecord> {
    const now = this.d.clock.now();
    if (p.status !== 'approved') throw new AppError('catalog.not_listed', { details: { status: p.status } });
    const next: ProductRecord = { ...p, status: 'delisted', statusReason: reason, version: p.version + 1, updatedAt: now };
    if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
    await this.d.audit.record(tx, actor, {
      action: 'product.delist',
      targetType: 'product',
      targetId: p.id,
      orgId: p.merchantOrgId,
      detail: { reason, by },
    });
    await this.d.onProductChanged?.(tx, p.id, now);
    return next;
  }

  async getProduct(actor: Actor, id: string, opts: { visibleTo?: (p: ProductRecord) => Promise<boolean> } = {}): Promise<ProductDetail> {
    const r = this.d.uow.read;
    const p = await r.catalog.findProduct(id);
    const own = p !== null && p.merchantOrgId === actor.orgId;
    if (!p || !(own || isCrossTenant(actor) || (opts.visibleTo && (await opts.visibleTo(p)))))
      throw new AppError('catalog.product_not_found', { field: 'id' });
    return this.detail(p);
  }

  async detail(p: ProductRecord): Promise<ProductDetail> {
    const [d] = await this.details([p]);
    return d as ProductDetail;
  }

  /**
   * The details of a page of products with one query per kind of look-up — SKUs, their lowest prices of the last
   * 7 days, brands, merchants — however long the page (one per product made a 50-row page 200 queries).
   */
  async details(list: ProductRecord[]): Promise<ProductDetail[]> {
    if (list.length === 0) return [];
    const r = this.d.uow.read;
    const now = this.d.clock.now();
    const skus = await r.catalog.listSkus(list.map((p) => p.id));
    const [lowest, brands, orgs, categories] = await Promise.all([
      r.catalog.lowestPrice(
        skus.map((s) => s.id),
        new Date(now.getTime() - REFERENCE_WINDOW_MS),
        now,
      ),
      r.catalog.findBrands(list.flatMap((p) => (p.brandId ? [p.brandId] : []))),
      r.orgs.findByIds(list.map((p) => p.merchantOrgId)),
      this.d.categories.categories(),
    ]);
    const skusOf = new Map<string, ProductDetail['skus']>();
    for (const s of skus) {
      const row = { ...s, lowest7dPriceFen: lowest.get(s.id) ?? null };
      const of = skusOf.get(s.productId);
      if (of) of.push(row);
      else skusOf.set(s.productId, [row]);
    }
    const brandById = new Map(brands.map((b) => [b.id, b]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return list.map((p) => ({
      product: p,
      skus: skusOf.get(p.id) ?? [],
      categoryPath: categoryPath(categories, p.categoryId),
      brand: p.brandId ? (brandById.get(p.brandId) ?? null) : null,
      merchantName: orgName.get(p.merchantOrgId) ?? '',
    }));
  }

  /**
   * A page of products, newest first (a merchant sees its own). Keyset paging: `before` and `beforeId` are the
   * createdAt and id of the last product of the page before.
   */
  async listProducts(
    actor: Actor,
    opts: {
      status?: ProductStatus | undefined;
      merchantOrgId?: string | undefined;
      limit: number;
      before?: string | undefined;
      beforeId?: string | undefined;
    },
  ): Promise<ProductDetail[]> {
    const merchantOrgId = isCrossTenant(actor) ? opts.merchantOrgId : (actor.orgId ?? '-');
    if (!isCrossTenant(actor) && actor.role !== 'merchant_staff') throw new AppError('auth.forbidden');
    const list = await this.d.uow.read.catalog.listProducts({
      ...(merchantOrgId ? { merchantOrgId } : {}),
      ...(opts.status ? { status: [opts.status] } : {}),
      ...(opts.before ? { before: new Date(opts.before) } : {}),
      ...(opts.before && opts.beforeId ? { beforeId: opts.beforeId } : {}),
      limit: opts.limit,
    });
    return this.details(list);
  }

  /** How many products the caller's list holds in each status (the list's tabs show them; the list itself is paged). */
  async productCounts(actor: Actor, opts: { merchantOrgId?: string | undefined } = {}): Promise<Record<ProductStatus, number>> {
    const merchantOrgId = isCrossTenant(actor) ? opts.merchantOrgId : (actor.orgId ?? '-');
    if (!isCrossTenant(actor) && actor.role !== 'merchant_staff') throw new AppError('auth.forbidden');
    const counts: Record<ProductStatus, number> = { draft: 0, in_review: 0, returned: 0, approved: 0, rejected: 0, delisted: 0 };
    for (const r of await this.d.uow.read.catalog.countProductsByStatus(merchantOrgId ? { merchantOrgId } : {})) counts[r.status] = r.n;
    return counts;
  }

  /** A SKU's price points and its lowest price over the 7 days before now. */
  async priceHistory(actor: Actor, productId: string, skuId: string): Promise<PriceHistory> {
    const { product } = await this.getProduct(actor, productId);
    const sku = await this.d.uow.read.catalog.findSku(skuId);
    if (!sku || sku.productId !== product.id) throw new AppError('catalog.sku_not_found', { field: 'skuId' });
    const now = this.d.clock.now();
    const points = await this.d.uow.read.catalog.listPrices(skuId);
    const lowest = await this.d.uow.read.catalog.lowestPrice([skuId], new Date(now.getTime() - REFERENCE_WINDOW_MS), now);
    return { skuId, points, lowest7dPriceFen: lowest.get(skuId) ?? null };
  }

  /** The lowest price of each SKU over the 7 days before `at`: what the price-fraud rule compares with. */
  lowest7d(skuIds: string[], at: Date = this.d.clock.now()): Promise<Map<string, number>> {
    return this.d.uow.read.catalog.lowestPrice(skuIds, new Date(at.getTime() - REFERENCE_WINDOW_MS), at);
  }
}
