/**
 * The orders context's public entry: the `OrderService` facade and `ReturnService`, the sold-out board, records and
 * the repository port, the payment-provider port, and the pure rules others may need. The job services behind the
 * facade (placement, flash sales, payments, views, fulfilment, the address book, the sweeper) stay inside.
 */
export { flashSaleKeys, flashSaleState, flashSaleView } from './flash-sale.rules.ts';
export type { FlashSaleInput } from './flash-sale.service.ts';
export { allowedTransitions, nextStatus, ORDER_EVENTS, TERMINAL_STATUSES } from './order-state.ts';
export type { OrderEvent } from './order-state.ts';
export type { OrderListQuery, OrderViewReads } from './order-view.service.ts';
export {
  lineCommissionFen,
  ORDER_RETENTION_MS,
  orderNo,
  orderTotals,
  RETURN_WINDOW_DAYS,
  readerOf,
  SHIP_WITHIN_HOURS,
  shipDaysLate,
  shipDeadline,
} from './order.rules.ts';
export type { Address, Attribution, OrderReader } from './order.rules.ts';
export { OrderService } from './order.service.ts';
export type { OrderDeps, OrderResult } from './order.service.ts';
export type {
  AddressRecord,
  ClaimRecord,
  FlashSaleRecord,
  IdempotencyRecord,
  OrderLineRecord,
  ClientSignals,
  OrderRecord,
  OrderSignalsRecord,
  PaymentRecord,
  RefundRecord,
  ReservationRecord,
  ReturnRecord,
  SignalOrderRow,
} from './order.types.ts';
export { DEVICE_ID_PATTERN, normaliseAddress, normaliseIp, OrderSignalHasher } from './order-signals.ts';
export type * from './orders.repository.ts';
export type {
  CreatePaymentRequest,
  ForeignPaymentHandler,
  NotificationCheck,
  PaymentNotification,
  PaymentProvider,
  RefundRequest,
} from './payment.port.ts';
export type { MoneyScope, MoneyTx, OrderFacts, OrderMoney } from './money.port.ts';
export {
  advancePackage,
  CARRIER_CODES,
  CARRIERS,
  PACKAGE_STATUSES,
  PUSH_SIGNATURE_HEADER,
  parsePush,
  resolveCarrier,
  signPush,
  trackingNoFits,
  verifyPush,
} from './logistics.rules.ts';
export type { CarrierCode, CarrierInfo, PackageStatus, TrackingPush } from './logistics.rules.ts';
export type { CarrierPort, PackageEventRecord, PackageRecord, SampleLeg, SampleReceipt, SampleReceiptTx } from './logistics.port.ts';
export { ReturnService } from './return.service.ts';
export type { ReturnDeps } from './return.service.ts';
export { SOLD_OUT_CHANNEL, SoldOutBoard } from './sold-out-board.ts';
export type { SoldOutBoardDeps } from './sold-out-board.ts';
