/**
 * How the seed pays: through the orders service and the simulated provider, as a buyer would — the payer answers on
 * the simulator's page (so the trade is in the provider's bill and the day reconciles) and the signed notification
 * is delivered at once (a later retry of it finds the payment done).
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';

/** Pays `orderId` as `buyer` and delivers the provider's success notification; returns the payment. */
export async function payOnSimulator(
  c: Container,
  buyer: Actor,
  orderId: string,
  /** the payer's wallet on the simulator (its payer account); by default the buyer's own */
  payer: string = buyer.userId ?? orderId,
): Promise<{ paymentId: string; amountFen: number }> {
  const p = await c.orders.pay(buyer, orderId, 'sim');
  const payment = (await c.uow.read.orders.listPayments(orderId)).find((x) => x.id === p.paymentId);
  if (!payment) throw new Error(`seed: the payment ${p.paymentId} of order ${orderId} was not stored`);
  c.payments.sim.answer(payment, 'succeed', payer);
  await deliverPaymentSucceeded(c, payment.id, payment.amountFen, payment.providerRef, c.payments.sim.payerAccount(payer));
  return { paymentId: p.paymentId, amountFen: p.amountFen };
}

/** The simulated provider's signed `payment.succeeded` notification, delivered to the orders service. */
export async function deliverPaymentSucceeded(
  c: Container,
  paymentId: string,
  amountFen: number,
  providerRef?: string | null,
  payerAccount?: string,
): Promise<void> {
  const n = c.payments.sim.signed({
    kind: 'payment.succeeded',
    paymentId,
    refundId: null,
    amountFen,
    providerRef: providerRef ?? `demo-${paymentId.slice(-8)}`,
    reason: null,
    ...(payerAccount ? { payerAccount } : {}),
  });
  await c.orders.onNotification('sim', n.headers, n.body);
}

/**
 * The simulated provider's signed `refund.succeeded` notification for each refund of `orderId` still pending,
 * delivered to the orders service at once (the provider's own delivery, retried later, finds it done).
 */
export async function deliverRefundsSucceeded(c: Container, orderId: string): Promise<void> {
  for (const r of await c.uow.read.orders.listRefunds(orderId)) {
    if (r.status !== 'pending') continue;
    const payment = await c.uow.read.orders.findPayment(r.paymentId);
    const n = c.payments.sim.signed({
      kind: 'refund.succeeded',
      paymentId: r.paymentId,
      refundId: r.id,
      amountFen: r.amountFen,
      providerRef: payment?.providerRef ?? `demo-${r.paymentId.slice(-8)}`,
      reason: null,
    });
    await c.orders.onNotification('sim', n.headers, n.body);
  }
}
