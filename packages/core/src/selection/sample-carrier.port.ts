/**
 * The carrier port as the selection center sees it (寄样 through the same path as an order's 发货, ADR 0043): a
 * shipped sample becomes a package with the carrier, in the shipment's transaction; it is subscribed for the carrier's
 * pushes after commit; its tracking events are read for the sample's view. Implemented by the orders context's
 * logistics service and wired in the server — the selection context never imports the orders context, and the
 * 签收 comes back through `SampleService.receivedIn`.
 */
import type { Repositories } from '../ports/repositories.ts';

/** the repositories the carrier writes the package with: handed over, never called by the selection context */
export type SampleCarrierTx = Pick<Repositories, 'orders'>;

/** 寄样 (merchant → streamer) or 寄回 (the streamer's return parcel, streamer → merchant) */
export type SampleLegName = 'out' | 'back';

export interface SamplePackageView {
  carrier: string;
  carrierName: { zh: string; en: string };
  trackingNo: string;
  status: 'shipped' | 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
  shippedAt: string;
  deliveredAt: string | null;
  /** newest scan first */
  events: { status: Exclude<SamplePackageView['status'], 'shipped'>; time: string; location: string; description: string }[];
}

export interface SampleCarrier {
  /**
   * the sample's package on one leg, in the caller's transaction; the carrier's name and waybill as stored (throws on a
   * bad one). Only the 'out' leg's 签收 comes back as the sample's receipt; the 'back' leg's only moves its package.
   */
  shipSampleIn(
    tx: SampleCarrierTx,
    s: { sampleId: string; leg: SampleLegName; merchantOrgId: string; carrier: string; trackingNo: string },
  ): Promise<{ carrier: string; trackingNo: string }>;
  /** 订阅 after commit (a failure leaves the package unsubscribed; the shipment stands) */
  subscribeSample(sampleId: string, leg: SampleLegName): Promise<void>;
  /** the leg's package and its 物流轨迹, or null when that leg was shipped before packages (or not at all) */
  sampleTracking(sampleId: string, leg: SampleLegName): Promise<SamplePackageView | null>;
}
