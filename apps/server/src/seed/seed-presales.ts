/**
 * 预售 · 反向定制 in the demo (docs/supply.md § Pre-sale and C2M): the demo merchant pre-sells two products with
 * several specifications. One pre-sale is open, with deposits of a few demo buyers paid; the other has closed into a
 * production order (生产单) to the demo supply-chain provider, waiting for the factory's 接单 in its console. Deposits
 * go through the pre-sale service as in the app: the buyer's reservation opens the payment with the simulated
 * provider, and the provider's success notice is handed to the service (as the payment route does once verified).
 */
import { type Actor, cliActor, type PaymentNotification } from '@livehub/core';
import type { Container } from '../container.ts';
import type { RegistrySeed } from './seed-registry.ts';

const DAY = 86_400_000;

export async function seedPresales(c: Container, reg: RegistrySeed, providerOrgId: string): Promise<{ presales: number }> {
  const m = reg.merchants[0];
  if (!m) return { presales: 0 };
  const staff: Actor = { ...cliActor('seed'), userId: m.staffUserId, orgId: m.orgId, role: 'merchant_staff', label: 'merchant' };
  const byProduct = new Map<string, string[]>();
  for (const s of await c.uow.read.inventory.merchantSkus(m.orgId))
    byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s.skuId]);
  const multi = [...byProduct.entries()].filter(([, skus]) => skus.length >= 2).slice(-2);
  const [openOne, closedOne] = multi;
  if (!openOne || !closedOne) return { presales: 0 };
  const buyers: Actor[] = [];
  for (const n of [161, 162, 163, 164, 165]) {
    const u = await c.uow.read.users.findByUsername(`consumer_${String(n).padStart(5, '0')}`);
    if (u) buyers.push({ ...cliActor('seed'), userId: u.id, orgId: null, role: 'consumer', label: u.username });
  }
  if (buyers.length < 3) return { presales: 0 };
  const now = c.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  /** A buyer's deposit, paid: the reservation opens the payment; the provider's success notice marks it paid. */
  const deposit = async (buyer: Actor, presaleId: string, skuId: string, qty: number) => {
    const r = await c.presales.reserve(buyer, presaleId, { skuId, qty });
    const n: PaymentNotification = {
      notifyId: `seed-${r.paymentId}`,
      kind: 'payment.succeeded',
      paymentId: r.paymentId,
      refundId: null,
      amountFen: r.amountFen,
      providerRef: r.reservation.depositProviderRef ?? `seed_${r.paymentId.slice(-8)}`,
      reason: null,
      occurredAt: new Date(now),
    };
    await c.presales.onNotification(n, 'sim');
  };

  // open: 定金 50 元, 尾款 250 元 per unit; deposits for a week, the balance the week after
  const open = await c.presales.create(staff, {
    productId: openOne[0],
    title: '冬季新款 反向定制预售',
    depositFen: 5_000,
    balanceFen: 25_000,
    depositStartAt: iso(now - DAY),
    depositEndAt: iso(now + 6 * DAY),
    balanceStartAt: iso(now + 6 * DAY),
    balanceEndAt: iso(now + 13 * DAY),
  });
  await c.presales.open(staff, open.id);
  const [s0, s1] = openOne[1] as [string, string];
  await deposit(buyers[0] as Actor, open.id, s0, 2);
  await deposit(buyers[1] as Actor, open.id, s1, 1);
  await deposit(buyers[2] as Actor, open.id, s0, 3);

  // closed: the deposits are in and the merchant has sent the factory its production order
  const closed = await c.presales.create(staff, {
    productId: closedOne[0],
    title: '年货节礼盒 C2M 预售',
    depositFen: 2_000,
    balanceFen: 8_000,
    depositStartAt: iso(now - 2 * DAY),
    depositEndAt: iso(now + DAY),
    balanceStartAt: iso(now + DAY),
    balanceEndAt: iso(now + 8 * DAY),
  });
  await c.presales.open(staff, closed.id);
  const [c0, c1] = closedOne[1] as [string, string];
  await deposit(buyers[3] ?? (buyers[0] as Actor), closed.id, c0, 4);
  await deposit(buyers[4] ?? (buyers[1] as Actor), closed.id, c1, 2);
  await deposit(buyers[0] as Actor, closed.id, c1, 1);
  const promisedShipOn = new Date(now + 8 * 3_600_000 + 20 * DAY).toISOString().slice(0, 10);
  await c.presales.close(staff, closed.id, { supplierOrgId: providerOrgId, promisedShipOn });
  return { presales: 2 };
}
