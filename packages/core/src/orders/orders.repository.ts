/**
 * The orders context's storage port: one narrow interface per aggregate, composed into `OrderRepository` (what
 * `Repositories.orders` hands out). packages/db implements it with Drizzle; the contract suite in packages/testing
 * (orders.contract.ts) holds every implementation to it.
 */
import type { OrderStatus, ReturnStatus } from '@livehub/contracts';
import type { PackageEventRecord, PackageRecord, SampleLeg } from './logistics.port.ts';
import type {
  AddressRecord,
  ClaimRecord,
  FlashSaleRecord,
  IdempotencyRecord,
  OrderLineRecord,
  OrderRecord,
  OrderSignalsRecord,
  PaymentRecord,
  RefundRecord,
  ReservationRecord,
  ReturnRecord,
  SignalOrderRow,
} from './order.types.ts';

/** A buyer's address book. */
export interface AddressRepository {
  insertAddress(a: AddressRecord): Promise<void>;
  listAddresses(userId: string): Promise<AddressRecord[]>;
  findAddress(id: string): Promise<AddressRecord | null>;
  clearDefaultAddress(userId: string): Promise<void>;
}

/** Orders and their lines, and the reads across them. */
export interface OrderRecordRepository {
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
  /** completed orders in (completedAt, id) order, after the given one (keyset paging) */
  listCompleted(after: { completedAt: Date; id: string } | null, limit: number): Promise<OrderRecord[]>;
  /** whether an approved product is on a session that is live now (on sale to everyone in its room) */
  onSaleLive(productId: string): Promise<boolean>;
  /** the live sessions selling a product now */
  liveSessionsSelling(productId: string): Promise<string[]>;
  /** paid-or-later orders and their value for a session (statistics) */
  sessionTotals(sessionId: string): Promise<{ orders: number; gmvFen: number }>;
  /**
   * GMV of a party since `since` (政策服务包's 近12个月成交额): paid-or-later orders of the merchant, the MCN or the
   * streamer, paid (or, without a payment time, created) since then, each at its total less what was refunded.
   */
  gmvSince(party: GmvParty, since: Date): Promise<number>;
  /** per SKU of a session's paid orders (refunded ones too): units bought and the lowest unit price paid */
  sessionSales(sessionId: string): Promise<Array<{ productId: string; skuId: string; units: number; lowestUnitPriceFen: number }>>;
  /**
   * Units sold at each unit price, per product, in paid-or-later orders (跨境 under-declaration): those of one session,
   * or those of these products paid within [paidFrom, paidTo] (both ends in).
   */
  soldUnitPrices(
    filter: { sessionId: string } | { productIds: string[]; paidFrom: Date; paidTo: Date },
  ): Promise<Array<{ productId: string; unitPriceFen: number; units: number }>>;
  /**
   * The commission of a streamer's (or an MCN's) paid-or-later orders, grouped by live session or by product, the
   * largest first (at most `limit` groups): orders counted once per group, GMV as price × kept quantity, commission
   * as the lines' commission less what returns took back.
   */
  commissionTotals(party: CommissionParty, by: 'session' | 'product', limit: number): Promise<CommissionTotals[]>;
  /** the fake-order detector's signals of new orders (keyed hashes only) */
  insertOrderSignals(rows: OrderSignalsRecord[]): Promise<void>;
  /** the payer account's keyed hash, once the order is paid (a row is made when the order had none) */
  setPayerAccount(orderId: string, payerAccountHash: string, at: Date): Promise<void>;
  /**
   * What the fake-order detector reads for a session (docs/supervision.md, "The live path"): its paid orders, and,
   * paid since `since`, every other paid order of its buyers (their history) and each buyer's last one before, and
   * every paid order from the same IPs or to the same addresses (how exclusive a shared network is) — each with its
   * signals and first refund. At most `limit` rows: the session's first, then oldest first.
   */
  signalOrders(sessionId: string, since: Date, limit: number): Promise<SignalOrderRow[]>;
  /**
   * The order lines of a session's orders, paid or not, oldest first (what live demand counts per SKU per minute,
   * docs/supply.md § Live demand): at most `limit`.
   */
  sessionLines(
    sessionId: string,
    limit: number,
  ): Promise<Array<{ orderId: string; skuId: string; productId: string; qty: number; createdAt: Date; paidAt: Date | null }>>;
  /** the order each of these refunds belongs to (unknown ids left out) */
  refundOrderIds(refundIds: string[]): Promise<Map<string, string>>;
}

/** Whose GMV: a merchant's, an MCN's (its streamers' attributed orders) or a streamer's. */
export type GmvParty = { merchantOrgId: string } | { mcnOrgId: string } | { streamerUserId: string };

/** Whose commission: a streamer's own, or every streamer's of an MCN organization. */
export type CommissionParty = { streamerUserId: string } | { mcnOrgId: string };

/** One group of commission: a session's or a product's id, its orders, GMV and commission in fen. */
export interface CommissionTotals {
  key: string;
  orders: number;
  gmvFen: number;
  commissionFen: number;
  lastPaidAt: Date | null;
}

/**
 * The orders context's reader port for the finance pages: a party's commission per session and product, and the
 * order a refund belongs to (implemented by the orders repository).
 */
export type CommissionReader = Pick<OrderRecordRepository, 'commissionTotals' | 'refundOrderIds'>;

/** The orders context's reader port for a party's GMV over a period (政策服务包's facts). */
export type GmvReader = Pick<OrderRecordRepository, 'gmvSince'>;

/** Stock and its reservations. */
export interface StockRepository {
  /** the conditional update: takes `qty` from the SKU only if that much is left; returns whether it did */
  takeStock(skuId: string, qty: number): Promise<boolean>;
  putBackStock(skuId: string, qty: number): Promise<void>;
  insertReservation(r: ReservationRecord): Promise<void>;
  insertReservations(rs: ReservationRecord[]): Promise<void>;
  listReservations(orderId: string): Promise<ReservationRecord[]>;
  setReservations(orderId: string, from: ReservationRecord['status'], to: ReservationRecord['status'], at: Date): Promise<number>;
  /** Σ qty of reservations by status for a SKU (stock accounting) */
  reservationTotals(skuId: string): Promise<{ held: number; sold: number; shipped: number; released: number }>;
}

/** Flash sales and their claims (one row per unit sold). */
export interface FlashSaleRepository {
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
}

/** Idempotency-Keys and the first result stored under each. */
export interface IdempotencyRepository {
  findIdempotency(userId: string, scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** false when the key exists already (a concurrent request won) */
  insertIdempotency(r: IdempotencyRecord): Promise<boolean>;
  /** inserts the keys that are new; returns how many were */
  insertIdempotencies(rs: IdempotencyRecord[]): Promise<number>;
}

/** 包裹 and their tracking events (物流轨迹): packages are updated only forward, events only inserted. */
export interface PackageRepository {
  insertPackage(p: PackageRecord): Promise<void>;
  findPackageByOrder(orderId: string): Promise<PackageRecord | null>;
  /** a sample's package on one leg: 'out' (寄样, the default) or 'back' (寄回) */
  findPackageBySample(sampleId: string, leg?: SampleLeg): Promise<PackageRecord | null>;
  /** the packages a waybill carries (several orders may share one parcel), locked when asked */
  listPackagesByWaybill(carrier: string, trackingNo: string, opts?: { lock?: boolean }): Promise<PackageRecord[]>;
  updatePackage(p: PackageRecord): Promise<void>;
  /** packages still travelling (not 签收, no exception) shipped since `since`, oldest first (to subscribe again after a restart) */
  listOpenPackages(since: Date, limit: number): Promise<PackageRecord[]>;
  /** false when the same push (package, push key) was recorded before */
  insertPackageEvent(e: PackageEventRecord): Promise<boolean>;
  /** a package's events, oldest scan first */
  listPackageEvents(packageId: string): Promise<PackageEventRecord[]>;
}

/** Payments, the provider's notifications and refunds. */
export interface PaymentRepository {
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
}

/** After-sales returns. */
export interface ReturnRepository {
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
  /** cross-border returns still waiting for their goods past their 30 days, not yet flagged (跨境退货超期) */
  listArrivalOverdue(now: Date, limit: number): Promise<ReturnRecord[]>;
}

/** Everything the orders context stores, as `Repositories.orders`. */
export interface OrderRepository
  extends AddressRepository,
    OrderRecordRepository,
    StockRepository,
    FlashSaleRepository,
    IdempotencyRepository,
    PaymentRepository,
    ReturnRepository,
    PackageRepository {}
