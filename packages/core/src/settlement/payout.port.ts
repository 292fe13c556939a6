/**
 * The payout-provider port (商家转账 / 银行代付). A provider takes a transfer request and answers later,
 * asynchronously, with a signed result notification that it retries until acknowledged. The built-in simulator
 * (`apps/server/src/adapters/sim-payout.ts`) implements it; a WeChat Pay 商家转账到零钱 or bank adapter implements the
 * same two methods: docs/settlement.md ("Writing a real payout adapter") explains how.
 */
import type { PayoutMethod } from './payout.types.ts';

export interface TransferRequest {
  /** the platform's payout id: the provider's out_batch_no / out_detail_no, so a resend is never a second transfer */
  payoutId: string;
  amountFen: number;
  method: PayoutMethod;
  /** the receiving account in clear, only in memory on its way to the provider */
  accountName: string;
  accountNo: string;
  bankName: string | null;
  /** shown to the receiver (转账备注) */
  remark: string;
}

/** A verified result: the signature checked and the timestamp inside the replay window. */
export interface TransferNotification {
  /** the provider's id of this notification; each is processed once */
  notifyId: string;
  kind: 'transfer.succeeded' | 'transfer.failed';
  payoutId: string;
  amountFen: number;
  providerRef: string;
  reason: string | null;
  occurredAt: Date;
}

export type TransferCheck =
  | { ok: true; notification: TransferNotification }
  | { ok: false; reason: 'bad_signature' | 'stale' | 'malformed' };

export interface PayoutProvider {
  readonly name: string;
  /** accepts a transfer (idempotent on payoutId); the outcome arrives as a notification */
  createTransfer(req: TransferRequest): Promise<{ providerRef: string }>;
  /** checks a result notification's signature and freshness from its raw headers and body */
  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): TransferCheck;
}
