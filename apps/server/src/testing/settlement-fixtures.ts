/** Test helpers for the statement and reconciliation tests: an order row of a buyer and a merchant, stored directly. */
import type { TestPlatform } from './test-platform.ts';

let n = 0;

/** A created (unpaid) order of `totalFen`, with a recognizable order number. */
export async function insertOrder(p: TestPlatform, buyerUserId: string, merchantOrgId: string, totalFen: number) {
  const now = p.c.clock.now();
  const id = p.c.ids.next();
  const orderNo = `LH2026${String(++n).padStart(4, '0')}${id.replaceAll('-', '').slice(-6)}`;
  await p.c.uow.transaction((tx) =>
    tx.orders.insertOrder(
      {
        id,
        orderNo,
        buyerUserId,
        merchantOrgId,
        status: 'created',
        sessionId: null,
        streamerUserId: null,
        mcnOrgId: null,
        agreementId: null,
        agreementVersion: null,
        flashSaleId: null,
        totalFen,
        refundedFen: 0,
        commissionFen: 0,
        addressEnc: 'v1.sealed',
        region: '上海市嘉定区',
        carrier: null,
        trackingNo: null,
        payBy: new Date(now.getTime() + 3_600_000),
        paidAt: null,
        shippedAt: null,
        deliveredAt: null,
        completedAt: null,
        cancelledAt: null,
        cancelReason: null,
        retainUntil: new Date(now.getTime() + 3 * 365 * 86_400_000),
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      [],
    ),
  );
  return { id, orderNo };
}
