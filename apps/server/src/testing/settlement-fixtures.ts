/** Test helpers for the statement and reconciliation tests: an order row of a buyer and a merchant, stored directly. */
import { order } from '@livehub/testing/fixtures';
import type { TestPlatform } from './test-platform.ts';

let n = 0;

/** A created (unpaid) order of `totalFen`, with a recognizable order number, dated by the platform's clock. */
export async function insertOrder(p: TestPlatform, buyerUserId: string, merchantOrgId: string, totalFen: number) {
  const now = p.c.clock.now();
  const id = p.c.ids.next();
  const orderNo = `LH2026${String(++n).padStart(4, '0')}${id.replaceAll('-', '').slice(-6)}`;
  const row = order(buyerUserId, merchantOrgId, {
    id,
    orderNo,
    totalFen,
    payBy: new Date(now.getTime() + 3_600_000),
    retainUntil: new Date(now.getTime() + 3 * 365 * 86_400_000),
    createdAt: now,
    updatedAt: now,
  });
  await p.c.uow.transaction((tx) => tx.orders.insertOrder(row, []));
  return { id, orderNo };
}
