/**
 * The selection center (选品中心, seed 004): merchants put approved products in the pool under commission plans —
 * open (any certified streamer), targeted (named streamers or MCNs) or exclusive (one partner; never alongside an
 * open or targeted plan of the same product in the same period) — and streamers search the pool in Chinese,
 * request samples (寄样) and sell under a live service agreement. The pool is a read model (`ListingRecord`)
 * rebuilt in the same transaction as every change to a product, its SKUs or its plans.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { maskAddress, maskPhone } from '../shared/masking.ts';
import { maskName } from '../registry/registry.service.ts';
import type { CatalogService } from './catalog.service.ts';
import { DAY_MS } from './catalog.service.ts';
import type {
  ListingQuery,
  ListingRecord,
  PlanPartner,
  PlanRecord,
  PlanType,
  ProductRecord,
  SampleRecord,
  SampleStatus,
} from './catalog.types.ts';
import { documentTokens, queryTokens } from './search-tokens.ts';

export interface SelectionSettings {
  /** days a streamer has, from receiving a sample, to feature the product or return it */
  featureWithinDays: number;
}

export const DEFAULT_SELECTION_SETTINGS: SelectionSettings = { featureWithinDays: 14 };

export interface SelectionDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  catalog: CatalogService;
  settings?: Partial<SelectionSettings>;
}

export interface PlanInput {
  productId: string;
  type: PlanType;
  commissionBp: number;
  mcnServiceFeeBp: number;
  slotFeeFen: number;
  startsAt: string;
  endsAt: string;
  partners: PlanPartner[];
}

export interface SearchInput {
  q?: string | undefined;
  category?: string | undefined;
  priceMinFen?: number | undefined;
  priceMaxFen?: number | undefined;
  commissionMinBp?: number | undefined;
  inStock?: boolean | undefined;
  sampleAvailable?: boolean | undefined;
  minCredit?: number | undefined;
  sort: ListingQuery['sort'];
  page: number;
  pageSize: number;
}

type SampleAction = 'approve' | 'decline' | 'ship' | 'receive' | 'feature' | 'ship_return' | 'confirm_return' | 'cancel';

/** Which party performs each sample action, from which state, into which state. */
const SAMPLE_FLOW: Record<SampleAction, { by: 'merchant' | 'streamer'; from: SampleStatus[]; to: SampleStatus }> = {
  approve: { by: 'merchant', from: ['requested'], to: 'approved' },
  decline: { by: 'merchant', from: ['requested'], to: 'declined' },
  cancel: { by: 'streamer', from: ['requested'], to: 'cancelled' },
  ship: { by: 'merchant', from: ['approved'], to: 'shipped' },
  receive: { by: 'streamer', from: ['shipped'], to: 'received' },
  feature: { by: 'streamer', from: ['received'], to: 'featured' },
  ship_return: { by: 'streamer', from: ['received'], to: 'return_shipped' },
  confirm_return: { by: 'merchant', from: ['return_shipped'], to: 'returned' },
};
const OPEN_SAMPLE: SampleStatus[] = ['requested', 'approved', 'shipped', 'received', 'return_shipped'];

/**
 * The records a party of the selection center sees: a merchant its organization's, a streamer their own, an MCN
 * manager its streamers', the platform and regulators everything. Other roles see nothing (403).
 */
export function partyScope(actor: Actor): { merchantOrgId?: string; streamerUserId?: string; mcnOrgId?: string } {
  if (isCrossTenant(actor)) return {};
  if (actor.role === 'merchant_staff') return { merchantOrgId: actor.orgId ?? '-' };
  if (actor.role === 'streamer') return { streamerUserId: actor.userId ?? '-' };
  if (actor.role === 'mcn_manager') return { mcnOrgId: actor.orgId ?? '-' };
  throw new AppError('auth.forbidden');
}

export class SelectionService {
  readonly settings: SelectionSettings;

  constructor(private readonly d: SelectionDeps) {
    this.settings = { ...DEFAULT_SELECTION_SETTINGS, ...d.settings };
  }

  // ---- the pool's read model ---------------------------------------------------------------------------------

  /** Rebuilds (or removes) a product's listing from the product, its SKUs and its running plans. */
  async refreshListing(tx: Repositories, productId: string, now: Date): Promise<void> {
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
  private async audienceOf(actor: Actor): Promise<string[] | null> {
    if (isCrossTenant(actor)) return null;
    if (actor.role === 'streamer') {
      const profile = actor.userId ? await this.d.uow.read.registry.findStreamer(actor.userId) : null;
      const mcn = profile?.mcnOrgId ?? actor.orgId;
      return ['*', `u:${actor.userId}`, ...(mcn ? [`o:${mcn}`] : [])];
    }
    if (actor.role === 'mcn_manager' && actor.orgId) return ['*', `o:${actor.orgId}`];
    throw new AppError('auth.forbidden');
  }

  private async visible(actor: Actor, l: ListingRecord | null, now: Date): Promise<boolean> {
    if (!l || l.liveFrom > now || l.liveUntil <= now) return false;
    const audience = await this.audienceOf(actor);
    return audience === null || l.audience.some((a) => audience.includes(a));
  }

  // ---- plans -----------------------------------------------------------------------------------------------------

  async createPlan(actor: Actor, input: PlanInput): Promise<PlanRecord> {
    if (actor.role !== 'merchant_staff' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const now = this.d.clock.now();
    if (endsAt <= now) throw new AppError('request.invalid', { field: 'endsAt', details: { issue: 'already ended' } });
    return this.d.uow.transaction(async (tx) => {
      const p = await tx.catalog.findProduct(input.productId);
      if (!p || p.merchantOrgId !== actor.orgId) throw new AppError('catalog.product_not_found', { field: 'productId' });
      if (p.status !== 'approved')
        throw new AppError('selection.product_not_approved', { field: 'productId', details: { status: p.status } });
      await this.validatePartners(tx, input.partners);
      await tx.selection.lockProduct(p.id);
      const running = (await tx.selection.listPlans({ productIds: [p.id], limit: 100 })).filter(
        (x) => x.status === 'active' && x.startsAt < endsAt && x.endsAt > startsAt,
      );
      const conflict = running.find((x) => (input.type === 'exclusive' ? true : x.type === 'exclusive'));
      if (conflict)
        throw new AppError('selection.plan_conflict', {
          field: 'type',
          details: {
            planId: conflict.id,
            existing: conflict.type,
            requested: input.type,
            from: conflict.startsAt.toISOString().slice(0, 10),
            until: conflict.endsAt.toISOString().slice(0, 10),
          },
        });
      const plan: PlanRecord = {
        id: this.d.ids.next(),
        productId: p.id,
        merchantOrgId: p.merchantOrgId,
        type: input.type,
        commissionBp: input.commissionBp,
        mcnServiceFeeBp: input.mcnServiceFeeBp,
        slotFeeFen: input.slotFeeFen,
        startsAt,
        endsAt,
        partners: input.partners,
        status: 'active',
        createdBy: actor.userId as string,
        createdAt: now,
      };
      await tx.selection.insertPlan(plan);
      await this.d.audit.record(tx, actor, {
        action: 'selection.plan_create',
        targetType: 'product',
        targetId: p.id,
        detail: {
          planId: plan.id,
          type: plan.type,
          commissionBp: plan.commissionBp,
          slotFeeFen: plan.slotFeeFen,
          partners: plan.partners.length,
        },
      });
      await this.refreshListing(tx, p.id, now);
      return plan;
    });
  }

  private async validatePartners(tx: Repositories, partners: PlanPartner[]): Promise<void> {
    for (const [i, partner] of partners.entries()) {
      if (partner.kind === 'streamer') {
        const s = await tx.registry.findStreamer(partner.id);
        if (s?.status !== 'certified')
          throw new AppError('selection.partner_invalid', { field: `partners.${i}.id`, details: { kind: '主播' } });
      } else {
        const org = await tx.orgs.findById(partner.id);
        if (org?.kind !== 'mcn') throw new AppError('selection.partner_invalid', { field: `partners.${i}.id`, details: { kind: 'MCN' } });
      }
    }
  }

  async endPlan(actor: Actor, id: string): Promise<PlanRecord> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const plan = await tx.selection.findPlan(id);
      if (!plan || plan.merchantOrgId !== actor.orgId) throw new AppError('selection.plan_not_found', { field: 'id' });
      if (plan.status === 'ended') return plan;
      const endsAt = new Date(Math.min(plan.endsAt.getTime(), now.getTime()));
      await tx.selection.updatePlan(id, { status: 'ended', endsAt });
      await this.d.audit.record(tx, actor, {
        action: 'selection.plan_end',
        targetType: 'product',
        targetId: plan.productId,
        detail: { planId: id },
      });
      await this.refreshListing(tx, plan.productId, now);
      return { ...plan, status: 'ended', endsAt };
    });
  }

  async listPlans(actor: Actor, productId?: string): Promise<PlanRecord[]> {
    if (productId) {
      const p = await this.d.uow.read.catalog.findProduct(productId);
      if (!p || (p.merchantOrgId !== actor.orgId && !isCrossTenant(actor)))
        throw new AppError('catalog.product_not_found', { field: 'productId' });
      return this.d.uow.read.selection.listPlans({ productIds: [productId], limit: 100 });
    }
    if (!actor.orgId) return [];
    return this.d.uow.read.selection.listPlans({ merchantOrgId: actor.orgId, limit: 500 });
  }

  // ---- search ------------------------------------------------------------------------------------------------------

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
  async poolProduct(actor: Actor, productId: string) {
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
    return { listing: listing as ListingRecord, plans, detail };
  }

  /** Whether the product is in the pool for this actor now (the catalog's product view uses it for streamers). */
  async isVisible(actor: Actor, productId: string): Promise<boolean> {
    return this.visible(actor, await this.d.uow.read.selection.findListing(productId), this.d.clock.now());
  }

  // ---- samples (寄样) ------------------------------------------------------------------------------------------

  async requestSample(
    actor: Actor,
    input: { productId: string; skuId?: string | undefined; recipient: string; phone: string; address: string; note?: string | undefined },
  ): Promise<SampleRecord> {
    if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
    const profile = await this.d.uow.read.registry.findStreamer(actor.userId);
    if (profile?.status !== 'certified') throw new AppError('selection.streamer_not_certified');
    if (!/^1[3-9]\d{9}$/.test(input.phone.replace(/[\s-]/g, '')))
      throw new AppError('request.invalid', { field: 'phone', details: { issue: 'a mainland mobile number (11 digits)' } });
    const now = this.d.clock.now();
    if (!(await this.isVisible(actor, input.productId))) throw new AppError('catalog.product_not_found', { field: 'productId' });
    return this.d.uow.transaction(async (tx) => {
      const p = (await tx.catalog.findProduct(input.productId)) as ProductRecord;
      if (!p.sampleAvailable || p.sampleStock <= 0) throw new AppError('selection.no_samples', { field: 'productId' });
      if (input.skuId) {
        const sku = await tx.catalog.findSku(input.skuId);
        if (!sku || sku.productId !== p.id) throw new AppError('catalog.sku_not_found', { field: 'skuId' });
      }
      const open = await tx.selection.listSamples({ streamerUserId: actor.userId as string, status: OPEN_SAMPLE, limit: 500 });
      const dup = open.find((s) => s.productId === p.id);
      if (dup) throw new AppError('selection.sample_open', { field: 'productId', details: { sampleId: dup.id, status: dup.status } });
      const s: SampleRecord = {
        id: this.d.ids.next(),
        productId: p.id,
        skuId: input.skuId ?? null,
        merchantOrgId: p.merchantOrgId,
        streamerUserId: actor.userId as string,
        mcnOrgId: profile.mcnOrgId,
        status: 'requested',
        recipientEnc: this.d.vault.encrypt(input.recipient),
        phoneEnc: this.d.vault.encrypt(input.phone.replace(/[\s-]/g, '')),
        addressEnc: this.d.vault.encrypt(input.address),
        note: input.note ?? null,
        reason: null,
        carrier: null,
        trackingNo: null,
        returnCarrier: null,
        returnTrackingNo: null,
        receivedAt: null,
        featureDueAt: null,
        featuredIn: null,
        overdueAt: null,
        history: [{ at: now.toISOString(), action: 'request', by: actor.label, reason: input.note ?? null }],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.selection.insertSample(s);
      await this.d.audit.record(tx, actor, {
        action: 'sample.request',
        targetType: 'sample',
        targetId: s.id,
        detail: { productId: p.id, merchantOrgId: p.merchantOrgId },
      });
      return s;
    });
  }

  private partyOf(actor: Actor, s: SampleRecord): 'merchant' | 'streamer' | null {
    if (actor.role === 'merchant_staff' && actor.orgId === s.merchantOrgId) return 'merchant';
    if (actor.role === 'streamer' && actor.userId === s.streamerUserId) return 'streamer';
    return null;
  }

  private mayRead(actor: Actor, s: SampleRecord): boolean {
    return (
      isCrossTenant(actor) ||
      this.partyOf(actor, s) !== null ||
      (actor.role === 'mcn_manager' && actor.orgId !== null && actor.orgId === s.mcnOrgId)
    );
  }

  async sampleAction(
    actor: Actor,
    id: string,
    input: {
      action: SampleAction;
      reason?: string | undefined;
      carrier?: string | undefined;
      trackingNo?: string | undefined;
      featuredIn?: string | undefined;
    },
  ): Promise<SampleRecord> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const s = await tx.selection.findSample(id);
      if (!s || !this.mayRead(actor, s)) throw new AppError('selection.sample_not_found', { field: 'id' });
      const flow = SAMPLE_FLOW[input.action];
      if (this.partyOf(actor, s) !== flow.by)
        throw new AppError('selection.sample_party', { details: { party: flow.by === 'merchant' ? '商家' : '主播' } });
      if (!flow.from.includes(s.status))
        throw new AppError('selection.sample_action_not_allowed', { field: 'action', details: { status: s.status, action: input.action } });
      const next: SampleRecord = { ...s, status: flow.to, version: s.version + 1, updatedAt: now };
      switch (input.action) {
        case 'decline':
          if (!input.reason) throw new AppError('workflow.reason_required', { field: 'reason' });
          next.reason = input.reason;
          break;
        case 'approve':
          if (!(await tx.catalog.takeSampleStock(s.productId, 1))) throw new AppError('selection.no_samples', { field: 'productId' });
          break;
        case 'ship':
        case 'ship_return':
          if (!input.carrier) throw new AppError('request.invalid', { field: 'carrier', details: { issue: 'required' } });
          if (!input.trackingNo) throw new AppError('request.invalid', { field: 'trackingNo', details: { issue: 'required' } });
          if (input.action === 'ship') {
            next.carrier = input.carrier;
            next.trackingNo = input.trackingNo;
          } else {
            next.returnCarrier = input.carrier;
            next.returnTrackingNo = input.trackingNo;
          }
          break;
        case 'receive':
          next.receivedAt = now;
          next.featureDueAt = new Date(now.getTime() + this.settings.featureWithinDays * DAY_MS);
          break;
        case 'feature':
          if (!input.featuredIn) throw new AppError('request.invalid', { field: 'featuredIn', details: { issue: 'required' } });
          next.featuredIn = input.featuredIn;
          break;
        case 'confirm_return':
          await tx.catalog.takeSampleStock(s.productId, -1);
          break;
        case 'cancel':
          break;
      }
      next.history = [
        ...s.history,
        { at: now.toISOString(), action: input.action, by: actor.label, reason: input.reason ?? input.featuredIn ?? null },
      ];
      if (!(await tx.selection.updateSample(next, s.version))) throw new AppError('selection.stale');
      await this.d.audit.record(tx, actor, {
        action: `sample.${input.action}`,
        targetType: 'sample',
        targetId: s.id,
        orgId: s.merchantOrgId,
        detail: {
          from: s.status,
          to: next.status,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.carrier ? { carrier: input.carrier } : {}),
        },
      });
      return next;
    });
  }

  async listSamples(actor: Actor, f: { status?: SampleStatus | undefined; overdue?: boolean | undefined }): Promise<SampleRecord[]> {
    const scope = partyScope(actor);
    return this.d.uow.read.selection.listSamples({
      ...scope,
      ...(f.status ? { status: [f.status] } : {}),
      ...(f.overdue !== undefined ? { overdue: f.overdue } : {}),
      limit: 200,
    });
  }

  async getSample(actor: Actor, id: string): Promise<SampleRecord> {
    const s = await this.d.uow.read.selection.findSample(id);
    if (!s || !this.mayRead(actor, s)) throw new AppError('selection.sample_not_found', { field: 'id' });
    return s;
  }

  /** PII in a sample request, masked: what every list and view shows. */
  maskedContact(s: SampleRecord) {
    const v = this.d.vault;
    return {
      recipient: maskName(v.decrypt(s.recipientEnc)),
      phone: maskPhone(v.decrypt(s.phoneEnc)),
      address: maskAddress(v.decrypt(s.addressEnc)),
    };
  }

  /** 面单: the full shipping address, for the merchant who ships it, once approved and until received. Audited. */
  async shippingLabel(actor: Actor, id: string) {
    const s = await this.getSample(actor, id);
    if (this.partyOf(actor, s) !== 'merchant' || !['approved', 'shipped'].includes(s.status))
      throw new AppError('selection.sample_action_not_allowed', { field: 'id', details: { status: s.status, action: 'shipping_label' } });
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, {
        action: 'sample.shipping_label',
        targetType: 'sample',
        targetId: s.id,
        detail: { purpose: 'ship_sample' },
      }),
    );
    const v = this.d.vault;
    return { recipient: v.decrypt(s.recipientEnc), phone: v.decrypt(s.phoneEnc), address: v.decrypt(s.addressEnc) };
  }

  /**
   * Periodic upkeep: samples received and neither featured nor returned by their deadline are flagged overdue;
   * plans past their end are ended and their products' listings rebuilt. Idempotent.
   */
  async sweep(now: Date = this.d.clock.now()): Promise<{ overdueSamples: number; endedPlans: number }> {
    const system: Actor = { userId: null, label: 'system:selection-sweep', orgId: null, membershipId: null, role: 'system', via: 'system' };
    let overdueSamples = 0;
    let endedPlans = 0;
    await this.d.uow.transaction(async (tx) => {
      for (const s of await tx.selection.listSamplesDue(now, 500)) {
        const next: SampleRecord = {
          ...s,
          overdueAt: now,
          history: [...s.history, { at: now.toISOString(), action: 'overdue', by: system.label, reason: null }],
          version: s.version + 1,
          updatedAt: now,
        };
        if (!(await tx.selection.updateSample(next, s.version))) continue;
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'selection.sample_overdue',
          payload: { sampleId: s.id, streamerUserId: s.streamerUserId, merchantOrgId: s.merchantOrgId, productId: s.productId },
          createdAt: now,
          publishedAt: null,
        });
        await this.d.audit.record(tx, system, { action: 'sample.overdue', targetType: 'sample', targetId: s.id, orgId: s.merchantOrgId });
        overdueSamples++;
      }
      const lapsed = await tx.selection.listPlans({ status: 'active', endsBefore: now, limit: 500 });
      for (const p of lapsed) {
        await tx.selection.updatePlan(p.id, { status: 'ended' });
        await this.refreshListing(tx, p.productId, now);
        endedPlans++;
      }
    });
    return { overdueSamples, endedPlans };
  }
}
