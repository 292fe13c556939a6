/**
 * What a complaint's refund or return remedy needs of the orders context, implemented there (`ReturnService`'s
 * `complaintRemedyIn`) and wired by the container: disputes never writes the orders' tables. The remedy is taken in
 * the resolving step's transaction — a refund recorded on the order (posted to the ledger as any refund) or a return
 * opened in its after-sales path — and the refund is sent to the payment provider after commit (`send`).
 */
import type { Repositories } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';

/** The repositories the orders context's after-sales path writes (and reads: catalog, whether a product is cross-border), handed over with the complaint's transaction. */
export type ComplaintRemedyScope = 'orders' | 'catalog' | 'audit' | 'outbox' | 'ledger' | 'settlement';
export type ComplaintRemedyTx = Pick<Repositories, ComplaintRemedyScope>;

export interface ComplaintRemedyInput {
  complaintId: string;
  orderId: string;
  remedy: 'refund' | 'return';
  amountFen: number;
}

export interface ComplaintRemedyResult {
  /** the refund recorded on the order (`refund`), to be sent after commit */
  refundId: string | null;
  /** the after-sales return opened, approved, waiting for the consumer to ship the goods back (`return`) */
  returnId: string | null;
}

export interface ComplaintRemedies {
  /** takes the remedy in the caller's transaction; refuses (and so rolls the step back) what the order cannot take */
  applyIn(tx: ComplaintRemedyTx, actor: Actor, input: ComplaintRemedyInput): Promise<ComplaintRemedyResult>;
  /** after commit: the recorded refund goes to the payment provider (its confirmation raises the order's refunded amount) */
  send(refundId: string): Promise<void>;
}
