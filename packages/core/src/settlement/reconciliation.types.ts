/**
 * Reconciliation (对账) in the domain's words: the payment provider's daily trade bill (交易账单) compared with the
 * platform's payments, refunds and ledger entries; every difference found, with its type and cause, and the
 * resolution finance records for it.
 */

/** One row of the provider's trade bill, parsed (amounts in fen). */
export interface ProviderBillRow {
  /** 交易时间 */
  tradeTime: Date;
  /** 商户订单号: the platform's payment id */
  merchantTradeNo: string;
  /** 微信支付订单号: the provider's reference */
  providerTradeNo: string;
  /** 交易类型, e.g. JSAPI, NATIVE */
  tradeType: string;
  /** 交易状态: SUCCESS (a payment) or REFUND (a refund) */
  tradeState: 'SUCCESS' | 'REFUND';
  /** 订单金额 */
  amountFen: number;
  /** 商户退款单号: the platform's refund id (refund rows) */
  refundNo: string | null;
  /** 退款金额 */
  refundFen: number;
  /** 手续费 (negative on a refund: the fee given back) */
  feeFen: number;
}

/**
 * The types of difference (差异类型):
 * - `long` 长款: the provider holds money the platform's books do not (a payment in the bill the platform never
 *   recorded or recorded as failed; a refund the platform marked paid that the provider never made);
 * - `short` 短款: the platform's books hold money the provider does not (a payment recorded here, or posted in the
 *   ledger, missing from the bill; a refund in the bill the platform never recorded);
 * - `missing_notification` 漏通知: the bill has it, the platform still waits for the provider's notification;
 * - `amount_mismatch` 金额不符: both have it, the amounts differ (the payment record or the ledger entry);
 * - `duplicate` 重复: the bill lists the same payment or refund more than once;
 * - `unposted` 未入账: the payment or refund is settled here and in the bill, but its ledger entry is missing.
 */
export const DIFFERENCE_TYPES = ['long', 'short', 'missing_notification', 'amount_mismatch', 'duplicate', 'unposted'] as const;
export type DifferenceType = (typeof DIFFERENCE_TYPES)[number];

export const DIFFERENCE_TYPE_ZH: Record<DifferenceType, string> = {
  long: '长款',
  short: '短款',
  missing_notification: '漏通知',
  amount_mismatch: '金额不符',
  duplicate: '重复交易',
  unposted: '未入账',
};

/** A difference as the rules find it. */
export interface Difference {
  type: DifferenceType;
  refKind: 'payment' | 'refund';
  /** the platform's payment or refund id (the bill's 商户订单号 / 商户退款单号) */
  refId: string;
  orderId: string | null;
  providerRef: string | null;
  /** the amount in the bill, fen (null: not in the bill) */
  billFen: number | null;
  /** the amount in the platform's records or ledger, fen (null: not recorded) */
  ourFen: number | null;
  /** why, in words finance reads */
  cause: string;
  /** names the difference across reruns of the day: a resolved one is not found again */
  fingerprint: string;
}

export type ItemStatus = 'open' | 'resolved';

export interface ReconciliationItemRecord extends Difference {
  id: string;
  runId: string;
  /** YYYY-MM-DD, China time */
  day: string;
  status: ItemStatus;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface ReconciliationRunRecord {
  id: string;
  day: string;
  provider: string;
  billRows: number;
  /** bill rows matched with no difference */
  matched: number;
  /** differences found by the last run (resolved ones included) */
  differences: number;
  billPaymentsFen: number;
  billRefundsFen: number;
  billFeesFen: number;
  /** how many times the day has been run */
  runs: number;
  startedAt: Date;
  finishedAt: Date;
}

/** A payment as reconciliation reads it from the platform's records. */
export interface PaymentFact {
  id: string;
  orderId: string;
  amountFen: number;
  status: 'pending' | 'succeeded' | 'failed' | 'expired';
  providerRef: string | null;
  updatedAt: Date;
}

/** A refund as reconciliation reads it. */
export interface RefundFact {
  id: string;
  orderId: string;
  paymentId: string;
  amountFen: number;
  status: 'pending' | 'succeeded' | 'failed';
  completedAt: Date | null;
}

/** The ledger's side of a day: the amount posted into escrow per order, out of refunds payable per refund. */
export interface LedgerFacts {
  /** orderId → fen posted by `order:<orderId>:paid` */
  paidByOrder: Map<string, number>;
  /** refundId → fen posted by `refund:<refundId>:paid` */
  refundPaid: Map<string, number>;
}

export interface ReconciliationDay {
  run: ReconciliationRunRecord;
  items: ReconciliationItemRecord[];
  /** orderId → order number, for the items' orders */
  orderNos: Map<string, string>;
  /** userId → name, for the resolvers */
  userNames: Map<string, string>;
}
