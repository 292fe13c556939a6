/**
 * The carrier port (物流接口), shaped after the tracking-push APIs Chinese carriers and aggregators offer (快递100's
 * 订阅推送): the platform subscribes a waybill number with a callback URL; from then on the carrier POSTs each status
 * change to that URL, signed over the body with a key shared with the platform. An adapter for a real aggregator
 * implements `subscribe` with its subscription call and `verify` with its signature scheme; the built-in simulator
 * (apps/server/src/adapters/sim-carrier.ts) signs HMAC-SHA256 over the raw body with the deployment's key.
 */
import type { CarrierCode, PackageStatus } from './logistics.rules.ts';

export interface CarrierPort {
  /** 订阅: from now on pushes for this waybill go to `callbackUrl` (idempotent: subscribing twice is one subscription) */
  subscribe(req: { carrier: CarrierCode; trackingNo: string; callbackUrl: string; shippedAt: Date }): Promise<void>;
  /** whether a push's signature holds for its exact raw body (headers lower-cased) */
  verify(headers: Record<string, string | undefined>, rawBody: string): boolean;
}

export interface PackageRecord {
  id: string;
  orderId: string;
  merchantOrgId: string;
  carrier: CarrierCode;
  trackingNo: string;
  status: PackageStatus;
  shippedAt: Date;
  subscribedAt: Date | null;
  deliveredAt: Date | null;
  lastEventAt: Date | null;
  updatedAt: Date;
}

export interface PackageEventRecord {
  id: string;
  packageId: string;
  pushKey: string;
  status: Exclude<PackageStatus, 'shipped'>;
  occurredAt: Date;
  location: string;
  description: string;
  receivedAt: Date;
}
