/**
 * Sample requests (寄样): a certified streamer asks for a sample of a pool product; the merchant approves (taking
 * it from the sample stock) or declines, ships it (the full address is released once, audited, for the 面单); the
 * streamer receives it and then features the product or ships it back. Samples not featured or returned by their
 * deadline are flagged by the sweep. Contacts are sealed by the PII vault and shown masked. A sample moves stock
 * like an order (docs/supply.md § Samples): shipping it posts a `sample_out` from a warehouse through the stock ledger,
 * the merchant's 确认归还 a `sample_return`, each in the step's transaction. Shipping also creates the sample's package
 * through the carrier port (`SampleCarrier`, ADR 0043): subscribed for the carrier's pushes, its 签收 comes back as
 * `receivedIn` — the same receipt as the streamer's 确认收到, whichever comes first.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { maskName } from '../registry/index.ts';
import { maskAddress, maskPhone } from '../shared/masking.ts';
import type { ProductRecord } from '../catalog/index.ts';
import type { StockPostingService } from '../inventory/index.ts';
import type { PoolService } from './pool.service.ts';
import type { SampleCarrier } from './sample-carrier.port.ts';
import { mayReadSample, nextSampleStatus, OPEN_SAMPLE, partyScope, SAMPLE_FLOW, samplePartyOf } from './sample-flow.ts';
import type {
  SampleActionInput,
  SampleRecord,
  SampleRequestInput,
  SampleStatus,
  SampleView,
  SelectionSettings,
} from './selection.types.ts';

const DAY_MS = 86_400_000;

/**
 * The product and its sample stock (catalog), the streamer's profile (registry), the names shown (orgs, users);
 * `inventory` only to hand the transaction to the stock ledger's `sampleOutIn` / `sampleReturnIn`, `orders` only to
 * hand it to the carrier port's `shipSampleIn`.
 */
type SampleScope = 'selection' | 'catalog' | 'registry' | 'orgs' | 'users' | 'inventory' | 'orders' | 'audit' | 'outbox';

export interface SampleDeps {
  uow: ScopedUnitOfWork<SampleScope>;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  pool: PoolService;
  settings: SelectionSettings;
  /** the stock ledger: a shipped sample leaves a warehouse, a returned one comes back */
  stock: StockPostingService;
  /** 信用: a streamer under `no_selection` may not request samples from the pool */
  credit?: CreditGatePort | undefined;
}

export class SampleService {
  /** the carrier port, attached once the orders context is wired (it is built after the selection center) */
  private carrier: SampleCarrier | null = null;

  constructor(private readonly d: SampleDeps) {}

  attachCarrier(carrier: SampleCarrier | null): void {
    this.carrier = carrier;
  }

  async requestSample(actor: Actor, input: SampleRequestInput): Promise<SampleView> {
    if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
    const profile = await this.d.uow.read.registry.findStreamer(actor.userId);
    if (profile?.status !== 'certified') throw new AppError('selection.streamer_not_certified');
    await this.d.credit?.assertAllowed([actor.userId], 'no_selection');
    if (!/^1[3-9]\d{9}$/.test(input.phone.replace(/[\s-]/g, '')))
      throw new AppError('request.invalid', { field: 'phone', details: { issue: 'a mainland mobile number (11 digits)' } });
    const now = this.d.clock.now();
    if (!(await this.d.pool.isVisible(actor, input.productId))) throw new AppError('catalog.product_not_found', { field: 'productId' });
    const created = await this.d.uow.transaction(async (tx) => {
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
    return this.view(created);
  }

  async sampleAction(actor: Actor, id: string, input: SampleActionInput): Promise<SampleView> {
    const now = this.d.clock.now();
    const moved = await this.d.uow.transaction(async (tx) => {
      const s = await tx.selection.findSample(id);
      if (!s || !mayReadSample(actor, s)) throw new AppError('selection.sample_not_found', { field: 'id' });
      const next: SampleRecord = { ...s, status: nextSampleStatus(actor, s, input.action), version: s.version + 1, updatedAt: now };
      // the stock movement, in this transaction: its warehouse goes into the audit entry
      let warehouseId: string | null = null;
      switch (input.action) {
        case 'decline':
          if (!input.reason) throw new AppError('workflow.reason_required', { field: 'reason' });
          next.reason = input.reason;
          break;
        case 'approve':
          if (!(await tx.catalog.takeSampleStock(s.productId, 1))) throw new AppError('selection.no_samples', { field: 'productId' });
          break;
        case 'ship':
        case 'ship_return': {
          if (!input.carrier) throw new AppError('request.invalid', { field: 'carrier', details: { issue: 'required' } });
          if (!input.trackingNo) throw new AppError('request.invalid', { field: 'trackingNo', details: { issue: 'required' } });
          const parcel = { carrier: input.carrier, trackingNo: input.trackingNo };
          // the leg's package with the carrier: its name and waybill as the carrier stores them (as typed without a port)
          const packed = async (leg: 'out' | 'back') =>
            this.carrier ? this.carrier.shipSampleIn(tx, { sampleId: s.id, leg, merchantOrgId: s.merchantOrgId, ...parcel }) : parcel;
          if (input.action === 'ship') {
            // 包裹: a known carrier and a waybill of its form, the package in this transaction (subscribed after commit)
            ({ carrier: next.carrier, trackingNo: next.trackingNo } = await packed('out'));
            // 寄样出库: the requested specification, else the product's first
            const skuId = s.skuId ?? (await tx.catalog.listSkus([s.productId]))[0]?.id;
            if (!skuId) throw new AppError('catalog.sku_not_found', { field: 'skuId' });
            const w = await this.d.stock.sampleOutIn(tx, actor, { id: s.id, merchantOrgId: s.merchantOrgId, skuId }, input.warehouseId);
            warehouseId = w.id;
          } else {
            // 寄回: the streamer's return parcel is the sample's second package, checked like the outbound one
            ({ carrier: next.returnCarrier, trackingNo: next.returnTrackingNo } = await packed('back'));
          }
          break;
        }
        case 'receive':
          next.receivedAt = now;
          next.featureDueAt = new Date(now.getTime() + this.d.settings.featureWithinDays * DAY_MS);
          break;
        case 'feature':
          if (!input.featuredIn) throw new AppError('request.invalid', { field: 'featuredIn', details: { issue: 'required' } });
          next.featuredIn = input.featuredIn;
          break;
        case 'confirm_return': {
          await tx.catalog.takeSampleStock(s.productId, -1);
          const back = await this.d.stock.sampleReturnIn(tx, actor, { id: s.id, merchantOrgId: s.merchantOrgId });
          warehouseId = back?.warehouseId ?? null;
          break;
        }
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
          ...(warehouseId ? { warehouseId } : {}),
        },
      });
      return next;
    });
    // a carrier that cannot be reached now leaves the package unsubscribed; the shipment stands
    if (input.action === 'ship') await this.carrier?.subscribeSample(moved.id, 'out').catch(() => {});
    if (input.action === 'ship_return') await this.carrier?.subscribeSample(moved.id, 'back').catch(() => {});
    return this.view(moved);
  }

  /**
   * 签收 by the carrier (a `delivered` push, in the push's transaction): the sample is received at the push's time,
   * as if the streamer had confirmed it. Already received (the streamer was first) or moved on: nothing to do.
   */
  async receivedIn(tx: Pick<Repositories, 'selection' | 'audit' | 'outbox'>, actor: Actor, sampleId: string, at: Date): Promise<void> {
    const s = await tx.selection.findSample(sampleId);
    if (!s || !SAMPLE_FLOW.receive.from.includes(s.status)) return;
    const now = this.d.clock.now();
    const next: SampleRecord = {
      ...s,
      status: SAMPLE_FLOW.receive.to,
      receivedAt: at,
      featureDueAt: new Date(at.getTime() + this.d.settings.featureWithinDays * DAY_MS),
      history: [...s.history, { at: at.toISOString(), action: 'receive', by: actor.label, reason: null }],
      version: s.version + 1,
      updatedAt: now,
    };
    if (!(await tx.selection.updateSample(next, s.version))) throw new AppError('selection.stale');
    await this.d.audit.record(tx, actor, {
      action: 'sample.receive',
      targetType: 'sample',
      targetId: s.id,
      orgId: s.merchantOrgId,
      detail: { from: s.status, to: next.status, by: 'carrier', at: at.toISOString() },
    });
  }

  async listSamples(actor: Actor, f: { status?: SampleStatus | undefined; overdue?: boolean | undefined }): Promise<SampleView[]> {
    const scope = partyScope(actor);
    const list = await this.d.uow.read.selection.listSamples({
      ...scope,
      ...(f.status ? { status: [f.status] } : {}),
      ...(f.overdue !== undefined ? { overdue: f.overdue } : {}),
      limit: 200,
    });
    return this.views(list);
  }

  /** One sample request, with its package's 物流轨迹 when it travelled through the carrier port. */
  async getSample(actor: Actor, id: string): Promise<SampleView> {
    const s = await this.readable(actor, id);
    const view = await this.view(s);
    const tracking = (await this.carrier?.sampleTracking(s.id, 'out')) ?? null;
    const returnTracking = (await this.carrier?.sampleTracking(s.id, 'back')) ?? null;
    return { ...view, tracking, returnTracking };
  }

  private async readable(actor: Actor, id: string): Promise<SampleRecord> {
    const s = await this.d.uow.read.selection.findSample(id);
    if (!s || !mayReadSample(actor, s)) throw new AppError('selection.sample_not_found', { field: 'id' });
    return s;
  }

  /** PII in a sample request, masked: what every list and view shows. */
  maskedContact(s: SampleRecord): SampleView['contact'] {
    const v = this.d.vault;
    return {
      recipient: maskName(v.decrypt(s.recipientEnc)),
      phone: maskPhone(v.decrypt(s.phoneEnc)),
      address: maskAddress(v.decrypt(s.addressEnc)),
    };
  }

  /** 面单: the full shipping address, for the merchant who ships it, once approved and until received. Audited. */
  async shippingLabel(actor: Actor, id: string): Promise<{ recipient: string; phone: string; address: string }> {
    const s = await this.readable(actor, id);
    if (samplePartyOf(actor, s) !== 'merchant' || !['approved', 'shipped'].includes(s.status))
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

  /** Flags received samples past their feature deadline, inside the sweep's transaction. */
  async flagOverdue(tx: Pick<Repositories, 'selection' | 'audit' | 'outbox'>, system: Actor, now: Date): Promise<number> {
    let overdueSamples = 0;
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
        payload: {
          sampleId: s.id,
          streamerUserId: s.streamerUserId,
          merchantOrgId: s.merchantOrgId,
          productId: s.productId,
          mcnOrgId: s.mcnOrgId,
          // days past the feature deadline (at least 1: the sweep flags a sample once it is due)
          ...(s.featureDueAt ? { days: Math.max(1, Math.ceil((now.getTime() - s.featureDueAt.getTime()) / 86_400_000)) } : {}),
        },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, system, { action: 'sample.overdue', targetType: 'sample', targetId: s.id, orgId: s.merchantOrgId });
      overdueSamples++;
    }
    return overdueSamples;
  }

  private async view(s: SampleRecord): Promise<SampleView> {
    return (await this.views([s]))[0] as SampleView;
  }

  /** Sample requests with the names the screens show: one query per kind of name, however long the list. */
  async views(list: SampleRecord[]): Promise<SampleView[]> {
    if (list.length === 0) return [];
    const r = this.d.uow.read;
    const productIds = [...new Set(list.map((s) => s.productId))];
    const [products, orgs, users] = await Promise.all([
      r.catalog.listProducts({ ids: productIds, limit: productIds.length }),
      r.orgs.findByIds([...new Set(list.map((s) => s.merchantOrgId))]),
      r.users.findByIds([...new Set(list.map((s) => s.streamerUserId))]),
    ]);
    const title = new Map(products.map((p) => [p.id, p.title]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    return list.map((s) => ({
      ...s,
      productTitle: title.get(s.productId) ?? '',
      merchantName: orgName.get(s.merchantOrgId) ?? '',
      streamerName: userName.get(s.streamerUserId) ?? '',
      contact: this.maskedContact(s),
    }));
  }
}
