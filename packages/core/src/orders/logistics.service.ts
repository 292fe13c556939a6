/**
 * 物流 (logistics) through the carrier port: the package a shipment creates, its subscription with the carrier, the
 * carrier's signed status pushes (each an insert-only tracking event, the same push twice recorded once, the package
 * status only moving forward), and the order's 签收 driven by a `delivered` push through the lifecycle's own
 * transition — in the event's transaction, audited as the carrier, the return window starting at the push's time.
 * A sample's package (寄样, ADR 0043) travels the same path; its 签收 is the selection context's receipt
 * (`SampleReceipt`), handed this transaction.
 */
import type { TrackingView } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { FulfilmentService } from './fulfilment.service.ts';
import type { SampleCarrier, SampleCarrierTx, SamplePackageView } from '../selection/index.ts';
import type { CarrierPort, PackageRecord, SampleLeg, SampleReceipt } from './logistics.port.ts';
import {
  advancePackage,
  type CarrierCode,
  CARRIERS,
  newPackage,
  parsePush,
  pushKey,
  resolveCarrier,
  type TrackingPush,
  trackingNoFits,
} from './logistics.rules.ts';
import type { MoneyScope } from './money.port.ts';
import { readerOf } from './order.rules.ts';
import { sweeper } from './orders.internal.ts';

export interface LogisticsDeps {
  /** `selection` only to hand the transaction to the sample receipt */
  uow: ScopedUnitOfWork<'orders' | 'audit' | 'outbox' | 'selection' | MoneyScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  fulfilment: FulfilmentService;
  /** the carrier behind each code (one port may serve them all, as an aggregator does) */
  carrier: CarrierPort;
  /** where the carrier pushes a code's statuses: the platform's public `POST /api/logistics/push/:carrier` */
  callbackUrl: (carrier: CarrierCode) => string;
  /** the selection context's 签收 of a sample (wired in the server); unset, a sample's 签收 only moves its package */
  samples?: SampleReceipt | undefined;
}

export class LogisticsService implements SampleCarrier {
  constructor(private readonly d: LogisticsDeps) {}

  /** 订阅: after the shipment committed, the package is subscribed with its carrier (a failure leaves it unsubscribed). */
  async subscribe(orderId: string): Promise<void> {
    await this.subscribePackage(await this.d.uow.read.orders.findPackageByOrder(orderId));
  }

  async subscribeSample(sampleId: string, leg: SampleLeg): Promise<void> {
    await this.subscribePackage(await this.d.uow.read.orders.findPackageBySample(sampleId, leg));
  }

  /**
   * 寄样发货 ('out') or the streamer's 寄回 ('back'): the sample's package on that leg, in the selection context's
   * transaction (a known carrier, a waybill of its form).
   */
  async shipSampleIn(
    tx: SampleCarrierTx,
    s: { sampleId: string; leg: SampleLeg; merchantOrgId: string; carrier: string; trackingNo: string },
  ): Promise<{ carrier: string; trackingNo: string }> {
    const carrier = resolveCarrier(s.carrier);
    if (!carrier) throw new AppError('logistics.unknown_carrier', { field: 'carrier' });
    const trackingNo = s.trackingNo.trim().toUpperCase();
    if (!trackingNoFits(carrier, trackingNo)) throw new AppError('logistics.bad_tracking_no', { field: 'trackingNo' });
    const now = this.d.clock.now();
    await tx.orders.insertPackage(
      newPackage(
        this.d.ids.next(),
        { sampleId: s.sampleId, leg: s.leg },
        { merchantOrgId: s.merchantOrgId, carrier: carrier.code, trackingNo, now },
      ),
    );
    return { carrier: carrier.aliases[0] as string, trackingNo };
  }

  /** A sample's package and its 物流轨迹; who may read the sample is the selection context's decision. */
  async sampleTracking(sampleId: string, leg: SampleLeg): Promise<SamplePackageView | null> {
    const p = await this.d.uow.read.orders.findPackageBySample(sampleId, leg);
    return p ? this.trackingOf(p) : null;
  }

  private async subscribePackage(p: PackageRecord | null): Promise<void> {
    if (!p || p.subscribedAt) return;
    await this.d.carrier.subscribe({
      carrier: p.carrier,
      trackingNo: p.trackingNo,
      callbackUrl: this.d.callbackUrl(p.carrier),
      shippedAt: p.shippedAt,
    });
    await this.d.uow.transaction(async (tx) => {
      const fresh = (await tx.orders.listPackagesByWaybill(p.carrier, p.trackingNo, { lock: true })).find((x) => x.id === p.id);
      if (fresh && !fresh.subscribedAt)
        await tx.orders.updatePackage({ ...fresh, subscribedAt: this.d.clock.now(), updatedAt: this.d.clock.now() });
    });
  }

  /**
   * After a start: the packages still travelling (shipped in the last 30 days, neither 签收 nor held as an exception) are subscribed again — a
   * subscription is idempotent at the carrier, and the simulator forgets its plans on restart. Returns how many.
   */
  async resubscribeOpen(): Promise<number> {
    const since = new Date(this.d.clock.now().getTime() - 30 * 86_400_000);
    const open = await this.d.uow.read.orders.listOpenPackages(since, 5000);
    for (const p of open)
      await this.d.carrier.subscribe({
        carrier: p.carrier,
        trackingNo: p.trackingNo,
        callbackUrl: this.d.callbackUrl(p.carrier),
        shippedAt: p.shippedAt,
      });
    return open.length;
  }

  /** A carrier's status push: verified over the raw body, then recorded (once) and applied (only forward). */
  async onPush(
    carrierCode: string,
    headers: Record<string, string | undefined>,
    rawBody: string,
  ): Promise<{ ok: true; recorded: boolean; status: PackageRecord['status'] }> {
    const carrier = CARRIERS.find((c) => c.code === carrierCode.toUpperCase());
    if (!carrier) throw new AppError('logistics.unknown_package', { field: 'carrier' });
    if (!this.d.carrier.verify(headers, rawBody)) throw new AppError('logistics.bad_signature');
    const parsed = parsePush(rawBody);
    if (!parsed.ok) throw new AppError('request.invalid', { field: parsed.field, details: { issue: parsed.issue } });
    const push = parsed.push;
    const actor: Actor = { ...sweeper, label: `system:carrier:${carrier.code}` };
    return this.d.uow.transaction(async (tx) => {
      const packages = await tx.orders.listPackagesByWaybill(carrier.code, push.trackingNo, { lock: true });
      if (packages.length === 0) throw new AppError('logistics.unknown_package', { field: 'trackingNo' });
      let recorded = false;
      let status: PackageRecord['status'] = 'shipped';
      // one parcel may carry several orders (合并发货): the push is each one's event
      for (const p of packages) {
        const r = await this.apply(tx, actor, carrier.code, p, push);
        recorded ||= r.recorded;
        status = r.status;
      }
      return { ok: true as const, recorded, status };
    });
  }

  private async apply(
    tx: Pick<Repositories, 'orders' | 'audit' | 'outbox' | 'selection' | MoneyScope>,
    actor: Actor,
    code: CarrierCode,
    p: PackageRecord,
    push: TrackingPush,
  ): Promise<{ recorded: boolean; status: PackageRecord['status'] }> {
    const now = this.d.clock.now();
    const recorded = await tx.orders.insertPackageEvent({
      id: this.d.ids.next(),
      packageId: p.id,
      pushKey: pushKey(push),
      status: push.status,
      occurredAt: push.time,
      location: push.location,
      description: push.description,
      receivedAt: now,
    });
    if (!recorded) return { recorded: false, status: p.status };
    const status = advancePackage(p.status, push.status);
    // 签收 at the carrier's time, never before the shipment nor after now
    const signedAt = new Date(Math.min(Math.max(push.time.getTime(), p.shippedAt.getTime()), now.getTime()));
    await tx.orders.updatePackage({
      ...p,
      status,
      deliveredAt: status === 'delivered' && !p.deliveredAt ? signedAt : p.deliveredAt,
      lastEventAt: !p.lastEventAt || push.time > p.lastEventAt ? push.time : p.lastEventAt,
      updatedAt: now,
    });
    await this.d.audit.record(tx, actor, {
      action: 'package.event',
      targetType: p.sampleId ? 'sample' : 'order',
      targetId: (p.orderId ?? p.sampleId) as string,
      orgId: p.merchantOrgId,
      detail: { carrier: code, trackingNo: p.trackingNo, event: push.status, from: p.status, to: status, at: push.time.toISOString() },
    });
    if (status !== 'delivered' || p.status === 'delivered') return { recorded: true, status };
    // a sample's 签收 is the selection context's receipt (the streamer may have confirmed first: then nothing to do);
    // the return parcel's (寄回) only moves its package: the merchant still confirms 确认归还, which posts the stock back
    if (p.sampleId) {
      if (p.sampleLeg === 'out') await this.d.samples?.receivedIn(tx, actor, p.sampleId, signedAt);
    } else if (p.orderId) {
      const o = await tx.orders.findOrder(p.orderId, { lock: true });
      // the buyer may have confirmed first (确认收货), or the order was refunded: then the push only tells the package
      if (o?.status === 'shipped')
        await this.d.fulfilment.transition(tx, actor, o, 'deliver', { deliveredAt: signedAt }, { by: 'carrier', carrier: code });
    }
    return { recorded: true, status };
  }

  /** 物流轨迹 for the order's buyer, its merchant and the platform admin; anyone else: no such order. */
  async tracking(actor: Actor, orderId: string): Promise<TrackingView> {
    const read = this.d.uow.read;
    const o = await read.orders.findOrder(orderId);
    const as = o ? readerOf(actor, o) : null;
    if (!o || !(as === 'buyer' || as === 'merchant' || actor.role === 'platform_admin'))
      throw new AppError('orders.not_found', { field: 'id' });
    const p = await read.orders.findPackageByOrder(o.id);
    if (!p) throw new AppError('logistics.not_found', { field: 'id' });
    return { orderId: o.id, ...(await this.trackingOf(p)) };
  }

  private async trackingOf(p: PackageRecord): Promise<Omit<TrackingView, 'orderId'>> {
    const info = CARRIERS.find((c) => c.code === p.carrier);
    const events = await this.d.uow.read.orders.listPackageEvents(p.id);
    return {
      carrier: p.carrier,
      carrierName: { zh: info?.nameZh ?? p.carrier, en: info?.nameEn ?? p.carrier },
      trackingNo: p.trackingNo,
      status: p.status,
      shippedAt: p.shippedAt.toISOString(),
      deliveredAt: p.deliveredAt?.toISOString() ?? null,
      events: events
        .reverse()
        .map((e) => ({ status: e.status, time: e.occurredAt.toISOString(), location: e.location, description: e.description })),
    };
  }
}
