/**
 * Where an order's money moves: the port the orders context calls, inside its own transaction, at each business
 * change that moves money (payment, refund recorded, refund paid, completion). The settlement context implements it
 * (`OrderMoneyService`) and posts the ledger entries in the same transaction (docs/contexts.md rule 2): the orders
 * jobs add `MoneyScope` to their scope only to hand their transaction over, and never call those repositories.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { OrderLineRecord, OrderRecord, PaymentRecord, RefundRecord } from './order.types.ts';

/** The settlement repositories an orders transaction offers to the money port. */
export type MoneyScope = 'ledger' | 'settlement';
export type MoneyTx = Pick<Repositories, MoneyScope>;

/**
 * What the ledger needs to know about an order: the record, its lines (the snapshot of price and terms), the
 * payment that paid it and that payment's refunds (a duplicate or late payment and its refund are not the order's).
 */
export interface OrderFacts {
  order: OrderRecord;
  lines: OrderLineRecord[];
  payment: PaymentRecord | null;
  refunds: RefundRecord[];
}

export interface OrderMoney {
  /** a payment succeeded; `late`: for an order no longer waiting for it (it is refunded at once) */
  paid(tx: MoneyTx, order: OrderRecord, payment: PaymentRecord, late: boolean): Promise<void>;
  /** a refund was recorded (before completion from escrow; after completion taken back from the parties) */
  refundRecorded(tx: MoneyTx, facts: OrderFacts, refund: RefundRecord, late: boolean): Promise<void>;
  /** the provider confirmed a refund */
  refundPaid(tx: MoneyTx, refund: RefundRecord): Promise<void>;
  /** the order reached `completed`: the split */
  completed(tx: MoneyTx, facts: OrderFacts): Promise<void>;
}

/** The facts of an order, read in the caller's transaction. */
export async function orderFacts(tx: Pick<Repositories, 'orders'>, order: OrderRecord): Promise<OrderFacts> {
  const payments = await tx.orders.listPayments(order.id);
  const payment = payments.find((p) => p.status === 'succeeded') ?? null;
  const refunds = payment ? (await tx.orders.listRefunds(order.id)).filter((r) => r.paymentId === payment.id) : [];
  return { order, lines: await tx.orders.listLines([order.id]), payment, refunds };
}
