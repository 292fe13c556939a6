/**
 * The carrier port (物流接口), shaped after the tracking-push APIs Chinese carriers and aggregators offer (快递100's
 * 订阅推送): the platform subscribes a waybill number with a callback URL; from then on the carrier POSTs each status
 * change to that URL, signed over the body with a key shared with the platform. An adapter for a real aggregator
 * implements `subscribe` with its subscription call and `verify` with its signature scheme; the built-in simulator
 * (apps/server/src/adapters/sim-carrier.ts) signs HMAC-SHA256 over the raw body with the deployment's key.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import type { CarrierCode, PackageStatus } from './logistics.rules.ts';

export interface CarrierPort {
  /** 订阅: from now on pushes for this waybill go to `callbackUrl` (idempotent: subscribing twice is one subscription) */
  subscribe(req: { carrier: CarrierCode; trackingNo: string; callbackUrl: string; shippedAt: Date }): Promise<void>;
  /** whether a push's signature holds for its exact raw body (headers lower-cased) */
  verify(headers: Record<string, string | undefined>, rawBody: string): boolean;
}

/** A package's owner is exactly one of an order or a sample request (寄样, ADR 0043). */
/** the two legs of a sample's travel: 寄样 (merchant → streamer) and 寄回 (streamer → merchant) */
export type SampleLeg = 'out' | 'back';

export interface PackageRecord {
  id: string;
  orderId: string | null;
  sampleId: string | null;
  /** a sample's leg ('out' 寄样, 'back' 寄回); null for an order's package */
  sampleLeg: SampleLeg | null;
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

/**
 * 签收 of a sample's package: the selection context's in-transaction receipt, implemented by its `SampleService`
 * and wired in the server. The logistics service hands its transaction over and never writes the sample itself.
 */
export interface SampleReceipt {
  receivedIn(tx: SampleReceiptTx, actor: Actor, sampleId: string, at: Date): Promise<void>;
}
export type SampleReceiptTx = Pick<Repositories, 'selection' | 'audit' | 'outbox'>;
