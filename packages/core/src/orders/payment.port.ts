/**
 * The payment-provider port. A provider takes a payment request and answers later, asynchronously, with signed
 * notifications (支付结果通知) that it retries until acknowledged. The built-in simulator implements it; a WeChat Pay
 * (APIv3: AEAD-encrypted resource, RSA/SM2-signed headers) or Alipay (RSA2-signed form) adapter implements the same
 * three methods: docs/orders.md explains how.
 */

export interface CreatePaymentRequest {
  paymentId: string;
  orderNo: string;
  amountFen: number;
  subject: string;
  expiresAt: Date;
  /** where the buyer's browser goes back to after paying */
  returnUrl: string;
}

export interface RefundRequest {
  refundId: string;
  paymentId: string;
  providerRef: string | null;
  amountFen: number;
  reason: string;
}

/** A verified notification: the signature checked and the timestamp inside the replay window. */
export interface PaymentNotification {
  /** the provider's id of this notification; each is processed once */
  notifyId: string;
  kind: 'payment.succeeded' | 'payment.failed' | 'refund.succeeded' | 'refund.failed';
  paymentId: string;
  refundId: string | null;
  amountFen: number;
  providerRef: string;
  reason: string | null;
  occurredAt: Date;
  /**
   * who paid, as the provider identifies the payer to this merchant account — opaque and stable per payer (WeChat
   * Pay's `payer.openid`, Alipay's `buyer_open_id`); on `payment.succeeded` only, null or absent when the provider
   * does not say. The platform keeps only its keyed hash, for the fake-order (刷单) detector (docs/supervision.md).
   */
  payerAccount?: string | null;
}

export type NotificationCheck =
  | { ok: true; notification: PaymentNotification }
  | { ok: false; reason: 'bad_signature' | 'stale' | 'malformed' };

export interface PaymentProvider {
  readonly name: string;
  createPayment(req: CreatePaymentRequest): Promise<{ providerRef: string; payUrl: string }>;
  /** asks for a refund; the outcome arrives as a refund notification */
  refund(req: RefundRequest): Promise<void>;
  /** checks a notification's signature and freshness from its raw headers and body */
  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): NotificationCheck;
}

/**
 * Payments that are not orders' (a merchant's deposit, 保证金) opened through the same provider: the payment
 * service hands their verified notifications to their owner instead of the orders' tables.
 */
export interface ForeignPaymentHandler {
  /** whether this payment id is one of the handler's */
  owns(paymentId: string): Promise<boolean>;
  /** processes a verified notification (idempotently: a provider retries until acknowledged) */
  onNotification(n: PaymentNotification, provider: string): Promise<void>;
}
