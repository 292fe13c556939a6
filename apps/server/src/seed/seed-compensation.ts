/**
 * The demo's 先行赔付 (docs/disputes.md, "Paying outcomes and 先行赔付"): a complaint the second demo merchant
 * (`merchant_0001`) settled by accepting the consumer's compensation claim, left unpaid past its 3-working-day
 * deadline, paid to the consumer by the platform's advance-compensation fund and recovered from the merchant's
 * deposit — all through the real paths:
 * the consumer's order paid through the simulated provider, the merchant's deposit paid the same way, the fund fed
 * by a deposit deduction (another merchant's, for an earlier violation), the complaint filed and accepted through
 * the disputes services, and the periodic sweep doing the rest.
 *
 * Time: with a movable clock (the CLI's seeding) the complaint is filed and settled eight days back, so the deadline
 * has passed today; without one (tests) the sweep is run as of a millisecond past the deadline.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { TimeTravel } from './seed-history.ts';
import { deliverPaymentSucceeded, payOnSimulator } from './seed-payments.ts';
import { person, type RegistrySeed } from './seed-registry.ts';

const DAY = 86_400_000;

/** The provider's signed success for a payment, delivered at once (the simulator would send the same). */

export async function seedCompensation(
  c: Container,
  reg: RegistrySeed,
  adminUserId: string,
  travel?: TimeTravel,
): Promise<{ advanced: number }> {
  // not the demo merchant: its complaint counts stay what the supervision detectors' tests expect of a fresh seed
  const m1 = reg.merchants[1];
  const m2 = reg.merchants[2];
  if (!m1 || !m2 || !reg.consumerId || !adminUserId) return { advanced: 0 };
  const merchant = person(m1.staffUserId, 'merchant_staff', m1.orgId);
  const other = person(m2.staffUserId, 'merchant_staff', m2.orgId);
  const buyer = person(reg.consumerId, 'consumer', null);
  const admin: Actor = { ...person(adminUserId, 'platform_admin', reg.platformId), label: 'admin' };
  const [product] = await c.uow.read.catalog.listProducts({ merchantOrgId: m1.orgId, status: ['approved'], limit: 1 });
  const sku = product ? (await c.uow.read.catalog.listSkus([product.id]))[0] : undefined;
  const [address] = await c.uow.read.orders.listAddresses(reg.consumerId);
  if (!sku || !address) return { advanced: 0 };

  // 保证金: both merchants pay theirs; the platform deducts 600 yuan of the second one's for an earlier violation,
  // which feeds the advance-compensation fund (先行赔付金)
  for (const [who, amountFen] of [
    [merchant, 50_000],
    [other, 200_000],
  ] as const) {
    const d = await c.deposits.pay(who, amountFen);
    await deliverPaymentSucceeded(c, d.paymentId, d.amountFen);
  }
  await c.deposits.deduct(admin, {
    merchantOrgId: m2.orgId,
    amountFen: 60_000,
    reason: '直播虚假宣传，按平台规则扣除保证金并纳入先行赔付金',
  });

  let complaintId: string;
  travel?.shift(-8 * DAY);
  try {
    const order = await c.orders.create(buyer, { lines: [{ skuId: sku.id, qty: 1 }], addressId: address.id });
    const payment = await payOnSimulator(c, buyer, order.body.id);
    const filed = await c.complaints.filing.file(buyer, {
      orderId: order.body.id,
      category: 'quality',
      claim: { kind: 'compensation', amountFen: Math.min(3_000, payment.amountFen) },
      description: '大衣收到后发现袖口开线、面料起球，与直播间展示不符，要求赔偿',
      evidenceDocumentIds: [],
      contactPhone: '13812345678',
    });
    complaintId = filed.id;
    await c.complaints.steps.answer(merchant, complaintId, { answer: 'accept', note: '确认质量问题，同意赔偿' });
  } finally {
    travel?.reset();
  }
  // nobody paid it: past its deadline the sweep pays the consumer from the fund and recovers from the deposit
  const obligation = await c.uow.read.complaintPayments.findObligationOf(complaintId);
  if (!obligation) return { advanced: 0 };
  const swept = await c.complaints.payments.sweep(travel ? undefined : new Date(obligation.dueAt.getTime() + 1));
  while ((await c.outbox.dispatch()).pending);
  return { advanced: swept.compensationsAdvanced };
}
