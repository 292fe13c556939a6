/** Order, stock, flash-sale, payment and after-sales records, and the repository port that stores them. */
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
  status: 'held' | 'sold' | 'released';
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
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderRepository {
  // addresses
  insertAddress(a: AddressRecord): Promise<void>;
  listAddresses(userId: string): Promise<AddressRecord[]>;
  findAddress(id: string): Promise<AddressRecord | null>;
  clearDefaultAddress(userId: string): Promise<void>;
  // orders
  insertOrder(o: OrderRecord, lines: OrderLineRecord[]): Promise<void>;
  /** many orders and their lines in two statements (a flash sale's winners are written in groups) */
  insertOrders(orders: OrderRecord[], lines: OrderLineRecord[]): Promise<void>;
  findOrder(id: string, opts?: { lock?: boolean }): Promise<OrderRecord | null>;
  /** optimistic: writes only when the stored version is `expectVersion`; returns whether it did */
  updateOrder(o: OrderRecord, expectVersion: number): Promise<boolean>;
  listLines(orderIds: string[]): Promise<OrderLineRecord[]>;
  updateLine(l: OrderLineRecord): Promise<void>;
  listOrders(opts: {
    buyerUserId?: string;
    merchantOrgId?: string;
    streamerUserId?: string;
    sessionId?: string;
    status?: OrderStatus;
    /** keyset cursor: orders created before this time, or at it with a smaller id than `beforeId` */
    before?: Date;
    beforeId?: string;
    limit: number;
  }): Promise<OrderRecord[]>;
  /** unpaid orders past their payment deadline, oldest first */
  listUnpaidExpired(now: Date, limit: number): Promise<OrderRecord[]>;
  listByStatusBefore(status: OrderStatus, field: 'shippedAt' | 'deliveredAt', before: Date, limit: number): Promise<OrderRecord[]>;
  /** whether an approved product is on a session that is live now (on sale to everyone in its room) */
  onSaleLive(productId: string): Promise<boolean>;
  /** the live sessions selling a product now */
  liveSessionsSelling(productId: string): Promise<string[]>;
  /** paid-or-later orders and their value for a session (statistics) */
  sessionTotals(sessionId: string): Promise<{ orders: number; gmvFen: number }>;
  // stock
  /** the conditional update: takes `qty` from the SKU only if that much is left; returns whether it did */
  takeStock(skuId: string, qty: number): Promise<boolean>;
  putBackStock(skuId: string, qty: number): Promise<void>;
  insertReservation(r: ReservationRecord): Promise<void>;
  insertReservations(rs: ReservationRecord[]): Promise<void>;
  listReservations(orderId: string): Promise<ReservationRecord[]>;
  setReservations(orderId: string, from: ReservationRecord['status'], to: ReservationRecord['status'], at: Date): Promise<number>;
  /** Σ qty of reservations by status for a SKU (stock accounting) */
  reservationTotals(skuId: string): Promise<{ held: number; sold: number; released: number }>;
  // flash sales
  insertFlashSale(f: FlashSaleRecord): Promise<void>;
  findFlashSale(id: string, opts?: { lock?: boolean }): Promise<FlashSaleRecord | null>;
  updateFlashSale(f: FlashSaleRecord): Promise<void>;
  listFlashSales(opts: { sessionId?: string; status?: FlashSaleRecord['status'][]; limit: number }): Promise<FlashSaleRecord[]>;
  /**
   * Inserts the claims only if every slot and every buyer unit number is free and within the sale's quantity and
   * per-user limit; returns false (inserting nothing) otherwise. The unique (sale, slot) index makes the database
   * refuse a 1,001st unit, and the unique (sale, buyer, unit) index a buyer's unit beyond the limit.
   */
  insertClaims(claims: ClaimRecord[], limits: { quantity: number; perUserLimit: number }): Promise<boolean>;
  /** a buyer's lowest free unit numbers in a sale, up to `n` */
  freeBuyerUnits(flashSaleId: string, userId: string, perUserLimit: number, n: number): Promise<number[]>;
  /** the lowest free slots of a sale, up to `n` */
  freeSlots(flashSaleId: string, quantity: number, n: number): Promise<number[]>;
  deleteClaims(orderId: string): Promise<number>;
  countClaims(flashSaleId: string): Promise<number>;
  /** units sold per sale, for a list of sales (sales with none are left out) */
  countClaimsBySale(flashSaleIds: string[]): Promise<Map<string, number>>;
  countUserClaims(flashSaleId: string, userId: string): Promise<number>;
  /** The Idempotency-Keys under which the sale's orders were created (a winner's retry must reach its order). */
  flashSaleOrderKeys(flashSaleId: string): Promise<string[]>;
  /**
   * units held per buyer in a sale (the per-user counters are rebuilt from it); with `userIds`, only those buyers'
   * (buyers holding none are left out)
   */
  claimsByUser(flashSaleId: string, userIds?: string[]): Promise<Array<{ userId: string; n: number }>>;
  // idempotency
  findIdempotency(userId: string, scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** false when the key exists already (a concurrent request won) */
  insertIdempotency(r: IdempotencyRecord): Promise<boolean>;
  /** inserts the keys that are new; returns how many were */
  insertIdempotencies(rs: IdempotencyRecord[]): Promise<number>;
  // payments
  insertPayment(p: PaymentRecord): Promise<void>;
  findPayment(id: string): Promise<PaymentRecord | null>;
  updatePayment(p: PaymentRecord): Promise<void>;
  listPayments(orderId: string): Promise<PaymentRecord[]>;
  /** false when this provider's notification id was seen before (a replay) */
  recordNotification(n: { provider: string; notifyId: string; kind: string; ref: string; receivedAt: Date }): Promise<boolean>;
  insertRefund(r: RefundRecord): Promise<void>;
  findRefund(id: string): Promise<RefundRecord | null>;
  updateRefund(r: RefundRecord): Promise<void>;
  listRefunds(orderId: string): Promise<RefundRecord[]>;
  /** which of these orders have a refund still pending (one query for a page of orders) */
  withPendingRefunds(orderIds: string[]): Promise<string[]>;
  // returns
  insertReturn(r: ReturnRecord): Promise<void>;
  findReturn(id: string): Promise<ReturnRecord | null>;
  updateReturn(r: ReturnRecord, expectVersion: number): Promise<boolean>;
  listReturns(opts: {
    orderId?: string;
    buyerUserId?: string;
    merchantOrgId?: string;
    status?: ReturnStatus[];
    limit: number;
  }): Promise<ReturnRecord[]>;
  listRefundOverdue(now: Date, limit: number): Promise<ReturnRecord[]>;
}
