/**
 * The selection center's public entry (选品中心, seed 004): merchants put approved products in the pool under
 * commission plans — open (any certified streamer), targeted (named streamers or MCNs) or exclusive (one partner;
 * never alongside an open or targeted plan of the same product in the same period) — and streamers search the
 * pool in Chinese and request samples (寄样). It delegates to the pool, plan and sample services; live service
 * agreements (直播服务协议) are AgreementService.
 */
import type { StockPostingService } from '../inventory/index.ts';
import type { ProductDetail, ProductRecord } from '../catalog/index.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import { AppError } from '../errors.ts';
import type { UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { PlanService } from './plan.service.ts';
import { type CatalogReader, type ListingRepos, PoolService } from './pool.service.ts';
import { SampleService } from './sample.service.ts';
import type {
  ListingRecord,
  PlanInput,
  PlanView,
  PoolProduct,
  SampleActionInput,
  SampleRecord,
  SampleRequestInput,
  SampleStatus,
  SampleView,
  SearchInput,
  SelectionSettings,
} from './selection.types.ts';

export const DEFAULT_SELECTION_SETTINGS: SelectionSettings = { featureWithinDays: 14 };

/** What the selection center reads of the catalog to show a product: CatalogService is one. */
export interface ProductReader extends CatalogReader {
  getProduct(actor: Actor, id: string, opts?: { visibleTo?: (p: ProductRecord) => Promise<boolean> }): Promise<ProductDetail>;
}

/** Whether a product is on sale in a live room now (the orders' repository answers it). */
export interface LiveSaleReader {
  onSaleLive(productId: string): Promise<boolean>;
}

/** A product image's bytes (RegistryService.imageBytes). */
export interface ImageReader {
  imageBytes(id: string): Promise<{ bytes: Uint8Array; mime: string } | null>;
}

export interface SelectionDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  catalog: ProductReader;
  /** the stock ledger: samples ship from and return to a warehouse */
  stock: StockPostingService;
  liveSales?: LiveSaleReader;
  images?: ImageReader;
  settings?: Partial<SelectionSettings>;
  /** 信用: a party under `no_selection` (tier D) may not request samples nor put products in the pool */
  credit?: CreditGatePort | undefined;
}

export class SelectionService {
  readonly settings: SelectionSettings;
  readonly pool: PoolService;
  readonly plans: PlanService;
  readonly samples: SampleService;

  constructor(private readonly d: SelectionDeps) {
    this.settings = { ...DEFAULT_SELECTION_SETTINGS, ...d.settings };
    const { uow, clock, ids, vault, audit } = d;
    this.pool = new PoolService({ uow, clock, catalog: d.catalog });
    this.plans = new PlanService({ uow, clock, ids, audit, pool: this.pool, credit: d.credit });
    this.samples = new SampleService({
      uow,
      clock,
      ids,
      vault,
      audit,
      pool: this.pool,
      settings: this.settings,
      stock: d.stock,
      credit: d.credit,
    });
  }

  // ---- the pool ----
  refreshListing(tx: ListingRepos, productId: string, now: Date): Promise<void> {
    return this.pool.refreshListing(tx, productId, now);
  }
  search(actor: Actor, input: SearchInput): Promise<{ items: ListingRecord[]; total: number; tookMs: number }> {
    return this.pool.search(actor, input);
  }
  poolProduct(actor: Actor, productId: string): Promise<PoolProduct> {
    return this.pool.poolProduct(actor, productId);
  }
  isVisible(actor: Actor, productId: string): Promise<boolean> {
    return this.pool.isVisible(actor, productId);
  }

  /**
   * A product for whoever may read it: its merchant, the platform and regulators, the streamers and MCNs the pool
   * offers it to — and anyone signed in while it is on sale in a live room (then as a buyer: `asBuyer`).
   */
  async readProduct(actor: Actor, id: string): Promise<{ detail: ProductDetail; asBuyer: boolean }> {
    const pool = actor.role === 'streamer' || actor.role === 'mcn_manager';
    let asBuyer = false;
    const detail = await this.d.catalog.getProduct(actor, id, {
      visibleTo: async (p) => {
        if (pool && (await this.pool.isVisible(actor, p.id))) return true;
        asBuyer = (await this.d.liveSales?.onSaleLive(p.id)) ?? false;
        return asBuyer;
      },
    });
    return { detail, asBuyer };
  }

  /** One of a readable product's images. */
  async productImage(actor: Actor, id: string, imageId: string): Promise<{ bytes: Uint8Array; mime: string }> {
    const { detail } = await this.readProduct(actor, id);
    if (!detail.product.imageIds.includes(imageId)) throw new AppError('document.not_found', { field: 'imageId' });
    const img = await this.d.images?.imageBytes(imageId);
    if (!img) throw new AppError('document.not_found', { field: 'imageId' });
    return img;
  }

  /** MCN agencies a merchant may name as plan partners (names only). */
  async listMcns(): Promise<Array<{ id: string; name: string }>> {
    return (await this.d.uow.read.orgs.list({ kind: 'mcn', limit: 500 })).map((o) => ({ id: o.id, name: o.name }));
  }

  // ---- plans ----
  async createPlan(actor: Actor, input: PlanInput): Promise<PlanView> {
    return (await this.plans.views([await this.plans.createPlan(actor, input)]))[0] as PlanView;
  }
  async endPlan(actor: Actor, id: string): Promise<PlanView> {
    return (await this.plans.views([await this.plans.endPlan(actor, id)]))[0] as PlanView;
  }
  async listPlans(actor: Actor, productId?: string): Promise<PlanView[]> {
    return this.plans.views(await this.plans.listPlans(actor, productId));
  }

  // ---- samples ----
  requestSample(actor: Actor, input: SampleRequestInput): Promise<SampleView> {
    return this.samples.requestSample(actor, input);
  }
  sampleAction(actor: Actor, id: string, input: SampleActionInput): Promise<SampleView> {
    return this.samples.sampleAction(actor, id, input);
  }
  listSamples(actor: Actor, f: { status?: SampleStatus | undefined; overdue?: boolean | undefined }): Promise<SampleView[]> {
    return this.samples.listSamples(actor, f);
  }
  getSample(actor: Actor, id: string): Promise<SampleView> {
    return this.samples.getSample(actor, id);
  }
  maskedContact(s: SampleRecord): SampleView['contact'] {
    return this.samples.maskedContact(s);
  }
  shippingLabel(actor: Actor, id: string): Promise<{ recipient: string; phone: string; address: string }> {
    return this.samples.shippingLabel(actor, id);
  }

  /**
   * Periodic upkeep, in one transaction: samples received and neither featured nor returned by their deadline are
   * flagged overdue; plans past their end are ended and their products' listings rebuilt. Idempotent.
   */
  async sweep(now: Date = this.d.clock.now()): Promise<{ overdueSamples: number; endedPlans: number }> {
    const system: Actor = { userId: null, label: 'system:selection-sweep', orgId: null, membershipId: null, role: 'system', via: 'system' };
    return this.d.uow.transaction(async (tx) => {
      const overdueSamples = await this.samples.flagOverdue(tx, system, now);
      const endedPlans = await this.plans.endLapsed(tx, now);
      return { overdueSamples, endedPlans };
    });
  }
}
