/** Order, stock, flash-sale, payment and after-sales records (the repository port is in orders.repository.ts). */
import type { OrderStatus, ReturnStatus } from '@livehub/contracts';

export interface AddressRecord {
  id: string;
  userId: string;
  nameEnc: string;
  phoneEnc: string;
  region: string;
  detailEnc: string;
  isDefault: boolean;
  createdAt: Date;
}

export interface OrderRecord {
  id: string;
  orderNo: string;
  buyerUserId: string;
  merchantOrgId: string;
  status: OrderStatus;
  sessionId: string | null;
  streamerUserId: string | null;
  mcnOrgId: string | null;
  agreementId: string | null;
  agreementVersion: number | null;
  flashSaleId: string | null;
  totalFen: number;
  refundedFen: number;
  commissionFen: number;
  addressEnc: string;
  region: string;
  carrier: string | null;
  trackingNo: string | null;
  payBy: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  retainUntil: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderLineRecord {
  orderId: string;
  lineNo: number;
  productId: string;
  skuId: string;
  title: string;
  skuName: string;
  categoryId: string;
  noReasonReturn: boolean;
  unitPriceFen: number;
  qty: number;
  commissionBp: number;
  streamerShareBp: number;
  commissionFen: number;
  returnedQty: number;
  reversedCommissionFen: number;
}

export interface ReservationRecord {
  id: string;
  skuId: string;
  orderId: string;
  flashSaleId: string | null;
  qty: number;
  /** held → sold (paid) → shipped (left a warehouse); held or sold → released */
  status: 'held' | 'sold' | 'shipped' | 'released';
  createdAt: Date;
  updatedAt: Date;
}

export interface FlashSaleRecord {
  id: string;
  sessionId: string;
  productId: string;
  skuId: string;
  merchantOrgId: string;
  createdBy: string;
  priceFen: number;
  quantity: number;
  perUserLimit: number;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'ended' | 'cancelled';
  returnedQty: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClaimRecord {
  flashSaleId: string;
  slot: number;
  orderId: string;
  userId: string;
  /** the buyer's own unit number in the sale (1..per-user limit), unique per sale and buyer */
  buyerUnit: number;
  createdAt: Date;
}

export interface IdempotencyRecord {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
  status: number;
  response: unknown;
  createdAt: Date;
}

export interface PaymentRecord {
  id: string;
  orderId: string;
  provider: string;
  providerRef: string | null;
  amountFen: number;
  status: 'pending' | 'succeeded' | 'failed' | 'expired';
  payUrl: string | null;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What the fake-order (刷单) detector reads about an order: keyed hashes (the vault's blind index) of the buyer's
 * device, IP and normalised delivery address, written with the order, and of the payer account the provider reported,
 * written when it is paid. Never the values; never in a response.
 */
export interface OrderSignalsRecord {
  orderId: string;
  deviceHash: string | null;
  ipHash: string | null;
  addressHash: string | null;
  payerAccountHash: string | null;
  createdAt: Date;
}

/** What the request placing an order says about the buyer's client (raw: hashed before it is stored). */
export interface ClientSignals {
  /** the web app's stable per-browser id (`x-device-id`); null when not sent */
  deviceId: string | null;
  /** the client's IP as the server sees it (behind the configured trusted proxies) */
  ip: string | null;
}

/** One paid order as the fake-order detector reads it, with its signals (null: unknown). */
export interface SignalOrderRow {
  id: string;
  buyerUserId: string;
  merchantOrgId: string;
  productId: string;
  sessionId: string | null;
  totalFen: number;
  paidAt: Date;
  /** the first refund not failed (requested or paid back); null when never refunded */
  refundedAt: Date | null;
  deviceHash: string | null;
  ipHash: string | null;
  addressHash: string | null;
  payerAccountHash: string | null;
}

export interface RefundRecord {
  id: string;
  orderId: string;
  paymentId: string;
  returnId: string | null;
  amountFen: number;
  reason: string;
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: Date;
  completedAt: Date | null;
}

export interface ReturnRecord {
  id: string;
  orderId: string;
  buyerUserId: string;
  merchantOrgId: string;
  kind: 'no_reason' | 'quality';
  reason: string;
  lines: Array<{ lineNo: number; qty: number }>;
  amountFen: number;
  status: ReturnStatus;
  rejectReason: string | null;
  carrier: string | null;
  trackingNo: string | null;
  receivedAt: Date | null;
  refundDueAt: Date | null;
  refundId: string | null;
  overdueFlaggedAt: Date | null;
  /** 跨境退货 (cross-border-return.rules.ts): customs release (the order's shipment) and the 30-day arrival deadline */
  crossBorder: boolean;
  releasedAt: Date | null;
  arriveBy: Date | null;
  customsDeclarationNo: string | null;
  declaredAt: Date | null;
  arrivedAt: Date | null;
  arrivalOverdueAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
