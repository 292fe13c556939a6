/**
 * The catalog's one public entry: categories and their live-sale rules, brands and the key-trademark protection
 * list, products and SKUs with their price history, and product review (商品审核). It delegates each job to its
 * own service (category, brand, product, product-review) so the container and the callers see one service.
 * Every write is one transaction with its audit entry.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { ComplianceService } from '../compliance/compliance.service.ts';
import type { UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { WorkflowHooks, WorkflowService } from '../workflows/workflow.service.ts';
import type { StockPostingService } from '../inventory/index.ts';
import { BrandService } from './brand.service.ts';
import type {
  BrandAuthorizationRecord,
  BrandAuthorizationView,
  BrandRecord,
  CategoryRecord,
  EffectiveRule,
  PreCheckFinding,
  PriceHistory,
  ProductDetail,
  ProductInput,
  ProductPatch,
  ProductRecord,
  ProductStatus,
  SkuInput,
  SkuRecord,
} from './catalog.types.ts';
import { type CategoryReads, CategoryService } from './category.service.ts';
import { type DelistTx, type ListingGate, type ListingTx, ProductService } from './product.service.ts';
import { type DepositGate, ProductReviewService } from './product-review.service.ts';

export interface CatalogDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  workflows: WorkflowService;
  registry: ListingGate;
  compliance: ComplianceService;
  /** called after a product's listing-relevant data changed, inside the same transaction */
  onProductChanged?: (tx: ListingTx, productId: string, now: Date) => Promise<void>;
  /** the deposit gate of listing (settlement's reader port) */
  deposits?: DepositGate;
  /** the stock ledger's in-transaction forms (inventory) */
  stock: StockPostingService;
}

type CategoryPatch = Parameters<CategoryService['updateCategory']>[2];
type SkuPatch = Parameters<ProductService['updateSku']>[3];
type ProductListOptions = Parameters<ProductService['listProducts']>[1];

export class CatalogService {
  readonly categoryService: CategoryService;
  readonly brandService: BrandService;
  readonly productService: ProductService;
  readonly reviewService: ProductReviewService;
  private readonly uow: UnitOfWork;

  constructor(d: CatalogDeps) {
    const { uow, clock, ids, audit } = d;
    this.categoryService = new CategoryService({ uow, clock, audit });
    this.brandService = new BrandService({ uow, clock, ids, audit });
    const categories = this.categoryService;
    const brands = this.brandService;
    const onProductChanged = d.onProductChanged;
    this.productService = new ProductService({
      uow,
      clock,
      ids,
      audit,
      registry: d.registry,
      categories,
      brands,
      onProductChanged,
      stock: d.stock,
    });
    this.reviewService = new ProductReviewService({
      uow,
      workflows: d.workflows,
      compliance: d.compliance,
      categories,
      brands,
      products: this.productService,
      onProductChanged,
      deposits: d.deposits,
    });
    this.uow = uow;
  }

  // ---- categories ----
  ensureCategories(): Promise<number> {
    return this.categoryService.ensureCategories();
  }
  categories(repos?: CategoryReads): Promise<Map<string, CategoryRecord>> {
    return this.categoryService.categories(repos);
  }
  categoryPathOf(id: string, repos?: CategoryReads): Promise<CategoryRecord[]> {
    return this.categoryService.categoryPathOf(id, repos);
  }
  effectiveRule(categoryId: string, repos?: CategoryReads): Promise<EffectiveRule> {
    return this.categoryService.effectiveRule(categoryId, repos);
  }
  updateCategory(actor: Actor, id: string, patch: CategoryPatch): Promise<CategoryRecord> {
    return this.categoryService.updateCategory(actor, id, patch);
  }

  /** every category a merchant's submitted or approved products sit in, with their ancestors (deposit requirement) */
  async listedCategoryIds(merchantOrgId: string): Promise<string[]> {
    const products = await this.uow.read.catalog.listProducts({ merchantOrgId, status: ['in_review', 'approved'], limit: 1000 });
    const ids = new Set<string>();
    for (const categoryId of new Set(products.map((p) => p.categoryId)))
      for (const c of await this.categoryService.categoryPathOf(categoryId)) ids.add(c.id);
    return [...ids];
  }

  // ---- brands ----
  createBrand(actor: Actor, input: Parameters<BrandService['createBrand']>[1]): Promise<BrandRecord> {
    return this.brandService.createBrand(actor, input);
  }
  setBrandProtection(
    actor: Actor,
    department: string | null,
    id: string,
    input: { protected: boolean; reason: string },
  ): Promise<BrandRecord> {
    return this.brandService.setBrandProtection(actor, department, id, input);
  }
  listBrands(opts: { q?: string | undefined; protectedOnly?: boolean | undefined }): Promise<BrandRecord[]> {
    return this.brandService.listBrands(opts);
  }
  addAuthorization(actor: Actor, input: { brandId: string; documentId: string; validUntil: string }): Promise<BrandAuthorizationRecord> {
    return this.brandService.addAuthorization(actor, input);
  }
  listAuthorizations(actor: Actor): Promise<BrandAuthorizationView[]> {
    return this.brandService.listAuthorizations(actor);
  }

  // ---- products ----
  createProduct(actor: Actor, input: ProductInput): Promise<ProductRecord> {
    return this.productService.createProduct(actor, input);
  }
  updateProduct(actor: Actor, id: string, patch: ProductPatch): Promise<ProductRecord> {
    return this.productService.updateProduct(actor, id, patch);
  }
  addSku(actor: Actor, productId: string, input: SkuInput): Promise<SkuRecord> {
    return this.productService.addSku(actor, productId, input);
  }
  updateSku(actor: Actor, productId: string, skuId: string, patch: SkuPatch): Promise<SkuRecord> {
    return this.productService.updateSku(actor, productId, skuId, patch);
  }
  delist(actor: Actor, id: string, reason: string): Promise<ProductRecord> {
    return this.productService.delist(actor, id, reason);
  }
  /** 下架 in the caller's transaction (a rights holder's notice, docs/supervision.md "知识产权保护") */
  delistIn(tx: DelistTx, actor: Actor, id: string, reason: string): Promise<boolean> {
    return this.productService.delistIn(tx, actor, id, reason);
  }
  /** the takedown for `reason` ended: back on sale, in the caller's transaction */
  relistIn(tx: DelistTx, actor: Actor, id: string, reason: string, note: string): Promise<boolean> {
    return this.productService.relistIn(tx, actor, id, reason, note);
  }
  getProduct(actor: Actor, id: string, opts?: { visibleTo?: (p: ProductRecord) => Promise<boolean> }): Promise<ProductDetail> {
    return this.productService.getProduct(actor, id, opts);
  }
  detail(p: ProductRecord): Promise<ProductDetail> {
    return this.productService.detail(p);
  }
  details(list: ProductRecord[]): Promise<ProductDetail[]> {
    return this.productService.details(list);
  }
  listProducts(actor: Actor, opts: ProductListOptions): Promise<ProductDetail[]> {
    return this.productService.listProducts(actor, opts);
  }
  productCounts(actor: Actor, opts?: { merchantOrgId?: string | undefined }): Promise<Record<ProductStatus, number>> {
    return this.productService.productCounts(actor, opts);
  }
  priceHistory(actor: Actor, productId: string, skuId: string): Promise<PriceHistory> {
    return this.productService.priceHistory(actor, productId, skuId);
  }
  lowest7d(skuIds: string[], at?: Date): Promise<Map<string, number>> {
    return this.productService.lowest7d(skuIds, at);
  }

  // ---- product review ----
  submitForReview(actor: Actor, id: string): Promise<{ product: ProductRecord; applicationId: string; step: string }> {
    return this.reviewService.submitForReview(actor, id);
  }
  preChecks(tx: Parameters<ProductReviewService['preChecks']>[0], p: ProductRecord, now: Date): Promise<PreCheckFinding[]> {
    return this.reviewService.preChecks(tx, p, now);
  }
  hooks(): Record<string, WorkflowHooks> {
    return this.reviewService.hooks();
  }
}
