/**
 * The demo's 先行赔付 after seeding, both ways the seed runs: without a movable clock (tests: the sweep runs as of a
 * millisecond past the deadline) and with one (the CLI: the complaint is settled eight days back, the sweep runs
 * today). Either way the second demo merchant's settled complaint was advanced by the fund and recovered from its deposit,
 * the fund is back where the deduction left it, and the ledger verifies.
 */
import { PLATFORM_PARTY } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';
import { seedDemo } from './index.ts';

const platforms: TestPlatform[] = [];
afterAll(async () => {
  for (const p of platforms) await p.close();
});

async function expectAdvancedAndRecovered(p: TestPlatform) {
  const merchant = await p.login('merchant_0001');
  const orgId = merchant.me.active?.orgId as string;
  const [complaint] = await p.c.uow.read.complaints.listComplaints({ merchantOrgId: orgId, statuses: ['resolved'], limit: 10 });
  expect(complaint).toBeDefined();
  const o = await p.c.uow.read.complaintPayments.findObligationOf(complaint?.id as string);
  if (!o) throw new Error('the seeded complaint has no obligation');
  expect(o).toMatchObject({ status: 'recovered', advancedFen: o.amountFen, recoveredFromDepositFen: o.amountFen, recoveries: 1 });
  expect(o.advancedAt?.getTime()).toBeGreaterThan(o.dueAt.getTime());
  // the deduction fed the fund 600 yuan; it paid this advance and was made whole, and is short only what other
  // merchants still owe on theirs (the demo merchant's complaints)
  let owed = 0;
  for (const c of await p.c.uow.read.complaints.listComplaints({ limit: 200 })) {
    const other = await p.c.uow.read.complaintPayments.findObligationOf(c.id);
    if (other) owed += other.advancedFen - other.recoveredFromDepositFen - other.recoveredFromBalanceFen;
  }
  expect((await p.c.ledger.accountFor(PLATFORM_PARTY, 'advance_compensation_fund'))?.balance).toBe(60_000 - owed);
  expect((await p.c.ledger.verify()).ok).toBe(true);
  const detail = await p.call(merchant, 'GET', `/api/complaints/${complaint?.id}`);
  expect(detail.body.obligation).toMatchObject({ status: 'recovered', outstandingFen: 0 });
  expect((await p.c.uow.read.credit.eventsOf(orgId)).some((e) => e.kind === 'compensation.advanced')).toBe(true);
}

describe('seeded 先行赔付', () => {
  it('without a movable clock', async () => {
    const p = await createTestPlatform({ seed: true });
    platforms.push(p);
    await expectAdvancedAndRecovered(p);
  }, 240_000);

  it('with a movable clock (as the CLI seeds), the deadline passed in the platform’s own time', async () => {
    const now = Date.now();
    const clock = new ManualClock(now);
    const p = await createTestPlatform({ clock });
    platforms.push(p);
    await seedDemo(p.c, { history: { shift: (ms) => clock.advance(ms), reset: () => clock.set(new Date(now)) } });
    await expectAdvancedAndRecovered(p);
    const [complaint] = await p.c.uow.read.complaints.listComplaints({ statuses: ['resolved'], limit: 1 });
    const o = await p.c.uow.read.complaintPayments.findObligationOf(complaint?.id as string);
    if (!o) throw new Error('the seeded complaint has no obligation');
    // settled eight days back, advanced today
    expect(o.createdAt.getTime()).toBeLessThan(now - 7 * 86_400_000);
    expect(o.advancedAt?.getTime()).toBe(now);
  }, 300_000);
});
