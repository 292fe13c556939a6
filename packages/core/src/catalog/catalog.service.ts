/**
 * The catalog: categories and their live-sale rules, brands and the key-trademark protection list (重点商标保护名录),
 * brand authorizations, products and SKUs, the price history, and product review (商品审核) through the approval
 * engine — automatic pre-checks (category rule, qualifications, trademark authorization, the screening engine over
 * the copy, required statements, reference price) followed by a human review. Only an admitted merchant lists
 * (RegistryService.listingGate). Every write is one transaction with its audit entry.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { ComplianceService } from '../compliance/compliance.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { AutomaticResult, WorkflowHooks, WorkflowService } from '../workflows/workflow.service.ts';
import type {
  BrandAuthorizationRecord,
  BrandRecord,
  CategoryRecord,
  LiveRule,
  PreCheckFinding,
  ProductRecord,
  ProductStatus,
  SkuRecord,
} from './catalog.types.ts';
import { categoryPath, defaultCategories } from './default-categories.ts';

export const DAY_MS = 86_400_000;
/** The reference-price rule looks at the 7 days before (明码标价和禁止价格欺诈规定 Art. 16). */
export const REFERENCE_WINDOW_MS = 7 * DAY_MS;
const LIVE_RULE_RANK: Record<LiveRule, number> = { allowed: 0, restricted: 1, prohibited: 2 };
/** Screening hits this severe in fixed product copy reject the product outright. */
const BLOCKING_SEVERITY = 3;

export interface CatalogDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  workflows: WorkflowService;
  registry: RegistryService;
  compliance: ComplianceService;
  /** called after a product's listing-relevant data changed, inside the same transaction */
  onProductChanged?: (tx: Repositories, productId: string, now: Date) => Promise<void>;
}

export interface SkuInput {
  name: string;
  priceFen: number;
  stock: number;
  code?: string | undefined;
}

export interface ProductInput {
  title: string;
  description: string;
  claims: string[];
  categoryId: string;
  brandId?: string | undefined;
  referencePriceFen?: number | undefined;
  imageIds: string[];
  sampleAvailable: boolean;
  sampleStock: number;
  qualificationDocIds: string[];
  skus: SkuInput[];
}

export type ProductPatch = Partial<{
  title: string;
  description: string;
  claims: string[];
  categoryId: string;
  brandId: string | null;
  referencePriceFen: number | null;
  imageIds: string[];
  sampleAvailable: boolean;
  sampleStock: number;
  qualificationDocIds: string[];
}>;

/** Fields whose change sends an approved product back through review. */
const CONTENT_FIELDS = [
  'title',
  'description',
  'claims',
  'categoryId',
  'brandId',
  'referencePriceFen',
  'imageIds',
  'qualificationDocIds',
] as const;

export interface ProductDetail {
  product: ProductRecord;
  skus: Array<SkuRecord & { lowest7dPriceFen: number | null }>;
  categoryPath: CategoryRecord[];
  brand: BrandRecord | null;
  merchantName: string;
}

/** Folds a brand name for uniqueness: width, case and spaces do not make a new brand. */
export function brandKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export class CatalogService {
  private categoryCache: Map<string, CategoryRecord> | null = null;

  constructor(private readonly d: CatalogDeps) {}

  // ---- categories ----------------------------------------------------------------------------------------------

  /** Loads the shipped category tree where categories are missing; never overwrites an operator's edit. */
  async ensureCategories(): Promise<number> {
    const existing = new Set((await this.d.uow.read.catalog.listCategories()).map((c) => c.id));
    const missing = defaultCategories(this.d.clock.now()).filter((c) => !existing.has(c.id));
    if (missing.length > 0)
      await this.d.uow.transaction(async (tx) => {
        for (const c of missing) await tx.catalog.upsertCategory(c);
      });
    this.categoryCache = null;
    return missing.length;
  }

  /** The category table, cached; inside a transaction pass its repositories (one connection: never read beside it). */
  async categories(repos: Repositories = this.d.uow.read): Promise<Map<string, CategoryRecord>> {
    if (!this.categoryCache) {
      const all = await repos.catalog.listCategories();
      this.categoryCache = new Map(all.map((c) => [c.id, c]));
    }
    return this.categoryCache;
  }

  async categoryPathOf(id: string, repos?: Repositories): Promise<CategoryRecord[]> {
    return categoryPath(await this.categories(repos), id);
  }

  /** The rule that applies to a category: the strictest along its path, with every required qualification. */
  async effectiveRule(
    categoryId: string,
    repos?: Repositories,
  ): Promise<{
    path: CategoryRecord[];
    liveRule: LiveRule;
    ruleFrom: CategoryRecord | null;
    qualifications: string[];
    disclaimer: string | null;
    screenAs: string;
  }> {
    const path = await this.categoryPathOf(categoryId, repos);
    let liveRule: LiveRule = 'allowed';
    let ruleFrom: CategoryRecord | null = null;
    const quals = new Set<string>();
    let disclaimer: string | null = null;
    for (const c of path) {
      if (LIVE_RULE_RANK[c.liveRule] >= LIVE_RULE_RANK[liveRule]) {
        liveRule = c.liveRule;
        ruleFrom = c;
      }
      for (const q of c.requiredQualifications) quals.add(q);
      disclaimer = c.requiredDisclaimer ?? disclaimer;
    }
    return { path, liveRule, ruleFrom, qualifications: [...quals], disclaimer, screenAs: path.at(-1)?.screenAs ?? 'other' };
  }

  async updateCategory(
    actor: Actor,
    id: string,
    patch: Partial<Pick<CategoryRecord, 'liveRule' | 'requiredQualifications' | 'requiredDisclaimer' | 'noReasonReturn' | 'basis'>> & {
      reason: string;
    },
  ): Promise<CategoryRecord> {
    const { reason, ...changes } = patch;
    const next = await this.d.uow.transaction(async (tx) => {
      const c = await tx.catalog.findCategory(id);
      if (!c) throw new AppError('catalog.category_not_found', { field: 'id' });
      const updated: CategoryRecord = { ...c, ...stripUndefined(changes), updatedAt: this.d.clock.now() };
      await tx.catalog.upsertCategory(updated);
      await this.d.audit.record(tx, actor, {
        action: 'category.update',
        targetType: 'category',
        targetId: id,
        detail: { before: pick(c, Object.keys(changes)), after: stripUndefined(changes), reason },
      });
      return updated;
    });
    this.categoryCache = null;
    return next;
  }

  // ---- brands and the key-trademark protection list ---------------------------------------------------------

  async createBrand(
    actor: Actor,
    input: { name: string; nameEn?: string | undefined; trademarkNo?: string | undefined; owned: boolean },
  ): Promise<BrandRecord> {
    if (!actor.userId) throw new AppError('auth.required');
    if (input.owned && actor.role !== 'merchant_staff')
      throw new AppError('request.invalid', { field: 'owned', details: { issue: 'only a merchant can own a brand' } });
    return this.d.uow.transaction(async (tx) => {
      const key = brandKey(input.name);
      const existing = await tx.catalog.findBrandByKey(key);
      if (existing) throw new AppError('catalog.brand_duplicate', { field: 'name', details: { name: existing.name } });
      const b: BrandRecord = {
        id: this.d.ids.next(),
        name: input.name,
        nameKey: key,
        nameEn: input.nameEn ?? null,
        ownerOrgId: input.owned ? actor.orgId : null,
        trademarkNo: input.trademarkNo ?? null,
        protected: false,
        protectedReason: null,
        protectedAt: null,
        createdBy: actor.userId as string,
        createdAt: this.d.clock.now(),
      };
      await tx.catalog.insertBrand(b);
      await this.d.audit.record(tx, actor, {
        action: 'brand.create',
        targetType: 'brand',
        targetId: b.id,
        detail: { name: b.name, owned: input.owned, trademarkNo: b.trademarkNo },
      });
      return b;
    });
  }

  /**
   * Puts a brand on the key-trademark protection list or takes it off (seed 001: 重点商标保护名录). The platform
   * operator and the intellectual-property office (regulator department zscqj) keep the list.
   */
  async setBrandProtection(
    actor: Actor,
    department: string | null,
    id: string,
    input: { protected: boolean; reason: string },
  ): Promise<BrandRecord> {
    if (!(actor.role === 'platform_admin' || (actor.role === 'regulator' && department === 'zscqj')))
      throw new AppError('catalog.brand_protection_forbidden');
    return this.d.uow.transaction(async (tx) => {
      const b = await tx.catalog.findBrand(id);
      if (!b) throw new AppError('catalog.brand_not_found', { field: 'id' });
      const now = this.d.clock.now();
      const patch = { protected: input.protected, protectedReason: input.reason, protectedAt: input.protected ? now : null };
      await tx.catalog.updateBrand(id, patch);
      await this.d.audit.record(tx, actor, {
        action: input.protected ? 'brand.protect' : 'brand.unprotect',
        targetType: 'brand',
        targetId: id,
        detail: { name: b.name, reason: input.reason, department },
      });
      return { ...b, ...patch };
    });
  }

  listBrands(opts: { q?: string | undefined; protectedOnly?: boolean | undefined }) {
    return this.d.uow.read.catalog.listBrands({
      ...(opts.q ? { q: brandKey(opts.q) } : {}),
      ...(opts.protectedOnly ? { protectedOnly: true } : {}),
      limit: 200,
    });
  }

  /** A merchant files the rights holder's authorization (品牌授权书) to sell a brand. */
  async addAuthorization(
    actor: Actor,
    input: { brandId: string; documentId: string; validUntil: string },
  ): Promise<BrandAuthorizationRecord> {
    if (!actor.userId || !actor.orgId) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const validUntil = new Date(`${input.validUntil}T23:59:59+08:00`);
    if (validUntil <= now) throw new AppError('request.invalid', { field: 'validUntil', details: { issue: 'already expired' } });
    return this.d.uow.transaction(async (tx) => {
      const brand = await tx.catalog.findBrand(input.brandId);
      if (!brand) throw new AppError('catalog.brand_not_found', { field: 'brandId' });
      const doc = await tx.workflows.findDocument(input.documentId);
      if (!doc || doc.ownerOrgId !== actor.orgId) throw new AppError('document.not_found', { field: 'documentId' });
      if (doc.docType !== 'brand_authorization') throw new AppError('document.type_invalid', { field: 'documentId' });
      const a: BrandAuthorizationRecord = {
        id: this.d.ids.next(),
        brandId: brand.id,
        merchantOrgId: actor.orgId as string,
        documentId: doc.id,
        validUntil,
        status: 'valid',
        createdBy: actor.userId as string,
        createdAt: now,
      };
      await tx.catalog.insertAuthorization(a);
      await this.d.audit.record(tx, actor, {
        action: 'brand.authorization_add',
        targetType: 'brand',
        targetId: brand.id,
        detail: { documentId: doc.id, sha256: doc.sha256, validUntil: input.validUntil },
      });
      return a;
    });
  }

  listAuthorizations(actor: Actor) {
    return this.d.uow.read.catalog.listAuthorizations(isCrossTenant(actor) ? {} : { merchantOrgId: actor.orgId ?? '-' });
  }

  /** Whether `merchantOrgId` may sell `brand` at `now`: it owns the mark or holds a valid authorization. */
  private async brandAllowed(tx: Repositories, brand: BrandRecord, merchantOrgId: string, now: Date): Promise<boolean> {
    if (!brand.protected || brand.ownerOrgId === merchantOrgId) return true;
    const auths = await tx.catalog.listAuthorizations({ merchantOrgId, brandId: brand.id });
    return auths.some((a) => a.status === 'valid' && a.validUntil > now);
  }

  // ---- products ------------------------------------------------------------------------------------------------

  private async requireMerchant(actor: Actor): Promise<string> {
    if (actor.role !== 'merchant_staff' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const gate = await this.d.registry.listingGate(actor.orgId);
    if (!gate.allowed) throw new AppError('catalog.listing_not_allowed', { details: { reasons: gate.reasons.join(', ') } });
    return actor.orgId;
  }

  private async validateRefs(
    tx: Repositories,
    orgId: string,
    now: Date,
    p: { categoryId?: string | undefined; brandId?: string | null | undefined; imageIds?: string[]; qualificationDocIds?: string[] },
  ): Promise<void> {
    if (p.categoryId !== undefined && !(await this.categories(tx)).has(p.categoryId))
      throw new AppError('catalog.category_not_found', { field: 'categoryId' });
    if (p.brandId) {
      const brand = await tx.catalog.findBrand(p.brandId);
      if (!brand) throw new AppError('catalog.brand_not_found', { field: 'brandId' });
      if (!(await this.brandAllowed(tx, brand, orgId, now)))
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
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.catalog.insertProduct(p);
      for (const [i, s] of input.skus.entries()) await this.insertSku(tx, p.id, s, i, now);
      await this.d.audit.record(tx, actor, {
        action: 'product.create',
        targetType: 'product',
        targetId: p.id,
        detail: { title: p.title, categoryId: p.categoryId, skus: input.skus.length },
      });
      return p;
    });
  }

  private async insertSku(tx: Repositories, productId: string, s: SkuInput, sort: number, now: Date): Promise<SkuRecord> {
    const sku: SkuRecord = {
      id: this.d.ids.next(),
      productId,
      name: s.name,
      code: s.code ?? null,
      priceFen: s.priceFen,
      stock: s.stock,
      sort,
      createdAt: now,
      updatedAt: now,
    };
    await tx.catalog.insertSku(sku);
    await tx.catalog.recordPrice({
      id: this.d.ids.next(),
      skuId: sku.id,
      priceFen: s.priceFen,
      source: 'list',
      validFrom: now,
      validTo: null,
    });
    return sku;
  }

  private async ownProduct(tx: Repositories, actor: Actor, id: string): Promise<ProductRecord> {
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
      const changes = stripUndefined(patch) as Partial<ProductRecord>;
      const contentChanged = CONTENT_FIELDS.some((f) => f in changes && JSON.stringify(changes[f]) !== JSON.stringify(p[f]));
      const backToDraft = contentChanged && (p.status === 'approved' || p.status === 'delisted');
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
      const sku = await this.insertSku(tx, p.id, input, existing.length, now);
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
      // meanwhile are never overwritten; it can never go below zero.
      if (patch.stock !== undefined && patch.stock !== sku.stock && !(await tx.catalog.adjustStock(skuId, patch.stock - sku.stock)))
        throw new AppError('orders.stock_changed', { field: 'stock' });
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

  /** 下架: the merchant withdraws an approved product, or the platform takes it down (with a reason). */
  async delist(actor: Actor, id: string, reason: string): Promise<ProductRecord> {
    const now = this.d.clock.now();
    const platform = actor.role === 'platform_admin' || actor.role === 'reviewer';
    if (!platform && actor.role !== 'merchant_staff') throw new AppError('auth.forbidden');
    return this.d.uow.transaction(async (tx) => {
      const p = platform ? await tx.catalog.findProduct(id) : await this.ownProduct(tx, actor, id);
      if (!p) throw new AppError('catalog.product_not_found', { field: 'id' });
      if (p.status !== 'approved') throw new AppError('catalog.not_listed', { details: { status: p.status } });
      const next: ProductRecord = { ...p, status: 'delisted', statusReason: reason, version: p.version + 1, updatedAt: now };
      if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
      await this.d.audit.record(tx, actor, {
        action: 'product.delist',
        targetType: 'product',
        targetId: id,
        orgId: p.merchantOrgId,
        detail: { reason, by: platform ? 'platform' : 'merchant' },
      });
      await this.d.onProductChanged?.(tx, id, now);
      return next;
    });
  }

  /** 提交审核: opens a product review (or resubmits a returned one); the automatic pre-checks run at once. */
  async submitForReview(actor: Actor, id: string): Promise<{ product: ProductRecord; applicationId: string; step: string }> {
    await this.requireMerchant(actor);
    const p0 = await this.d.uow.read.catalog.findProduct(id);
    if (!p0 || p0.merchantOrgId !== actor.orgId) throw new AppError('catalog.product_not_found', { field: 'id' });
    if (p0.status === 'in_review' || p0.status === 'approved')
      throw new AppError('catalog.already_submitted', { details: { status: p0.status } });
    if (p0.status === 'returned' && p0.reviewApplicationId) {
      const app = await this.d.workflows.act(actor, p0.reviewApplicationId, { action: 'resubmit' });
      const product = await this.d.uow.read.catalog.findProduct(id);
      return { product: product as ProductRecord, applicationId: app.id, step: app.step };
    }
    return this.d.uow.transaction(async (tx) => {
      const p = await this.ownProduct(tx, actor, id);
      const app = await this.d.workflows.submit(tx, actor, {
        kind: 'product_review',
        subjectType: 'product',
        subjectId: p.id,
        data: { title: p.title, categoryId: p.categoryId, productVersion: p.version },
        documents: [],
      });
      const product = (await tx.catalog.findProduct(id)) as ProductRecord;
      return { product, applicationId: app.id, step: app.step };
    });
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
      this.categories(),
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
  async priceHistory(actor: Actor, productId: string, skuId: string) {
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

  // ---- product review ----------------------------------------------------------------------------------------

  /** The automatic pre-checks of a product review. Blocking failures reject; the rest reach the reviewer flagged. */
  async preChecks(tx: Repositories, p: ProductRecord, now: Date): Promise<PreCheckFinding[]> {
    const findings: PreCheckFinding[] = [];
    const rule = await this.effectiveRule(p.categoryId, tx);
    const leaf = rule.path.at(-1);
    const catName = rule.path.map((c) => c.nameZh).join(' / ');
    // 1. the category's live-sale rule
    if (rule.liveRule === 'prohibited') {
      findings.push({
        check: 'category',
        ok: false,
        blocking: true,
        ruleId: `CAT-${rule.ruleFrom?.id ?? p.categoryId}`,
        message: {
          zh: `「${catName}」属于禁止直播销售的商品类目`,
          en: `“${rule.path.map((c) => c.nameEn).join(' / ')}” may not be sold in live rooms`,
        },
        basis: rule.ruleFrom?.basis ?? leaf?.basis ?? null,
      });
    } else {
      findings.push({
        check: 'category',
        ok: true,
        blocking: true,
        ruleId: null,
        message: {
          zh: `类目「${catName}」可直播销售（${rule.liveRule === 'restricted' ? '需资质' : '无特殊要求'}）`,
          en: `“${rule.path.map((c) => c.nameEn).join(' / ')}” may be sold live (${rule.liveRule === 'restricted' ? 'qualifications required' : 'no special requirement'})`,
        },
        basis: null,
      });
    }
    // 2. the qualifications the category requires, on file and not expired
    if (rule.qualifications.length > 0) {
      const held = new Set<string>();
      for (const q of await tx.registry.listQualifications({ orgId: p.merchantOrgId }))
        if (q.status !== 'expired' && (!q.expiresAt || q.expiresAt > now)) held.add(q.type);
      for (const id of p.qualificationDocIds) {
        const doc = await tx.workflows.findDocument(id);
        if (doc && (!doc.expiresAt || doc.expiresAt > now)) held.add(doc.docType);
      }
      for (const q of rule.qualifications) {
        const ok = held.has(q);
        findings.push({
          check: 'qualification',
          ok,
          blocking: true,
          ruleId: ok ? null : `QUAL-${q}`,
          message: ok
            ? { zh: `资质齐全：${QUALIFICATION_ZH[q] ?? q}`, en: `Qualification on file: ${QUALIFICATION_EN[q] ?? q}` }
            : { zh: `缺少有效资质：${QUALIFICATION_ZH[q] ?? q}`, en: `Missing or expired qualification: ${QUALIFICATION_EN[q] ?? q}` },
          basis: ok ? null : (rule.ruleFrom?.basis ?? '网络直播营销选品规范 第四条至第六条'),
        });
      }
    }
    // 3. the key-trademark protection list
    if (p.brandId) {
      const brand = await tx.catalog.findBrand(p.brandId);
      if (brand?.protected) {
        const ok = await this.brandAllowed(tx, brand, p.merchantOrgId, now);
        findings.push({
          check: 'trademark',
          ok,
          blocking: true,
          ruleId: ok ? null : 'TM-PROTECTED',
          message: ok
            ? { zh: `重点保护商标「${brand.name}」：授权有效`, en: `Protected brand “${brand.name}”: authorized` }
            : {
                zh: `「${brand.name}」列入重点商标保护名录，须提交权利人的有效授权`,
                en: `“${brand.name}” is on the key-trademark protection list: a valid authorization from the rights holder is required`,
              },
          basis: ok ? null : '商标法 第五十七条；重点商标保护名录制度',
        });
      }
    }
    // 4. the screening engine over the copy, with the reference price against the 7-day lowest price
    const skus = await tx.catalog.listSkus([p.id]);
    const minPrice = Math.min(...skus.map((s) => s.priceFen));
    const lowest = await tx.catalog.lowestPrice(
      skus.map((s) => s.id),
      new Date(now.getTime() - REFERENCE_WINDOW_MS),
      now,
    );
    const lowest7d = lowest.size > 0 ? Math.min(...lowest.values()) : undefined;
    const fixedCopy = [p.title, ...p.claims].join('\n');
    const screened = this.d.compliance.screen({
      text: `${fixedCopy}\n${p.description}`,
      kind: 'product_copy',
      productCategory: rule.screenAs as never,
      ...(p.referencePriceFen !== null && skus.length > 0
        ? {
            card: {
              priceFen: minPrice,
              referencePriceFen: p.referencePriceFen,
              ...(lowest7d !== undefined ? { lowest7dPriceFen: lowest7d } : {}),
            },
          }
        : {}),
    });
    const seen = new Set<string>();
    for (const h of screened.hits) {
      const key = `${h.rule}:${h.normalized}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const inFixedCopy = h.via !== 'detector' && h.start < fixedCopy.length;
      const blocking = h.action === 'block' || (inFixedCopy && h.severity >= BLOCKING_SEVERITY && h.category !== 'price_fraud');
      findings.push({
        check: h.category === 'price_fraud' ? 'price' : 'screening',
        ok: false,
        blocking,
        ruleId: h.rule,
        message: h.explanation,
        basis: h.basis,
      });
    }
    // 5. statements the category requires (保健食品: 本品不能代替药物)
    if (rule.disclaimer) {
      const copy = `${p.title}${p.claims.join('')}${p.description}`.replace(/\s+/g, '');
      const ok = copy.includes(rule.disclaimer);
      findings.push({
        check: 'disclaimer',
        ok,
        blocking: true,
        ruleId: ok ? null : `DISC-${rule.ruleFrom?.id ?? p.categoryId}`,
        message: ok
          ? { zh: `已标明「${rule.disclaimer}」`, en: `Carries “${rule.disclaimer}”` }
          : { zh: `商品描述须显著标明「${rule.disclaimer}」`, en: `The copy must state “${rule.disclaimer}”` },
        basis: ok ? null : (rule.path.find((c) => c.requiredDisclaimer)?.basis ?? null),
      });
    }
    return findings;
  }

  /** The approval engine's effects for product reviews: what each step means for the product. */
  hooks(): Record<string, WorkflowHooks> {
    const statusFor: Record<string, ProductStatus> = {
      review: 'in_review',
      pre_checks: 'in_review',
      returned: 'returned',
      approved: 'approved',
      rejected: 'rejected',
      withdrawn: 'draft',
    };
    return {
      product_review: {
        onEnter: async (tx, app, step, now, detail) => {
          const status = statusFor[step];
          if (!status) return;
          const p = await tx.catalog.findProduct(app.subjectId);
          if (!p) return;
          const failed = (p.checks ?? []).filter((f) => !f.ok && f.blocking);
          const reason =
            (detail.reason as string | undefined) ??
            (step === 'rejected' && failed.length > 0 ? failed.map((f) => f.message.zh).join('；') : null);
          const next: ProductRecord = {
            ...p,
            status,
            statusReason: reason,
            reviewApplicationId: app.id,
            version: p.version + 1,
            updatedAt: now,
          };
          if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
          await this.d.onProductChanged?.(tx, p.id, now);
        },
        automatic: async (tx, app, now): Promise<AutomaticResult> => {
          const p = await tx.catalog.findProduct(app.subjectId);
          if (!p) return { ok: false, findings: { error: 'product not found' } };
          const checks = await this.preChecks(tx, p, now);
          const next: ProductRecord = { ...p, checks, version: p.version + 1, updatedAt: now };
          if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
          const failed = checks.filter((c) => !c.ok);
          return {
            ok: !failed.some((c) => c.blocking),
            findings: {
              passed: checks.filter((c) => c.ok).length,
              blocking: failed.filter((c) => c.blocking).map((c) => ({ ruleId: c.ruleId, zh: c.message.zh, basis: c.basis })),
              flagged: failed.filter((c) => !c.blocking).map((c) => ({ ruleId: c.ruleId, zh: c.message.zh, basis: c.basis })),
            },
          };
        },
      },
    };
  }
}

const QUALIFICATION_ZH: Record<string, string> = {
  food_licence: '食品经营许可证',
  health_food_registration: '保健食品注册证书或备案凭证',
  cosmetics_filing: '化妆品备案',
  medical_device_registration: '医疗器械注册证',
  drug_business_licence: '药品经营许可证',
  pesticide_licence: '农药经营许可证',
};

const QUALIFICATION_EN: Record<string, string> = {
  food_licence: 'food business licence',
  health_food_registration: 'health-food registration or filing',
  cosmetics_filing: 'cosmetics filing',
  medical_device_registration: 'medical-device registration',
  drug_business_licence: 'drug business licence',
  pesticide_licence: 'pesticide business licence',
};

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
