/**
 * Statements (对账单) through the API: opening + the period's lines = closing, decoded references, the CSV's BOM and
 * the XLSX read back with exceljs, who may read whose statement, and a bad period answered with its field.
 * On top of the demo seed (whose flows posted the merchant's slot fee, its shortfall in the merchant's debt, in
 * January), entries of one fresh order are posted here with the business keys of the settlement conventions; the
 * statements' openings and totals are the seed's balances plus these.
 */
import { type AccountKind, PLATFORM_PARTY } from '@livehub/core';
import { createTestPlatform, insertOrder, type TestPlatform, type TestSession } from '@livehub/server/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'));
let p: TestPlatform;
let s: Record<'merchant' | 'streamer' | 'regulator' | 'consumer' | 'admin' | 'mcn', TestSession>;
let merchantOrg: string;
let order: { id: string; orderNo: string };
const payoutId = '01900000-0000-7000-8000-00000000beef';
/** The merchant's balances the seed left, per kind, and their sum (posted before December). */
let seeded: Record<string, number>;
let seededFen: number;
/** Fen as the downloads write yuan: `-1905.00`. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

async function acc(partyId: string, kind: AccountKind): Promise<string> {
  return (await p.c.ledger.openAccount(partyId, kind)).id;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  const names = ['merchant', 'streamer', 'regulator', 'consumer', 'admin', 'mcn'] as const;
  const signIn = async () => {
    const sessions = await Promise.all(names.map((u) => p.login(u)));
    s = Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as typeof s;
  };
  clock.set(new Date('2026-12-01T00:00:00Z'));
  await signIn();
  merchantOrg = s.merchant.me.active?.orgId as string;
  seeded = Object.fromEntries((await p.c.ledger.balances(merchantOrg)).map((b) => [b.kind, b.balance]));
  seededFen = Object.values(seeded).reduce((n, b) => n + b, 0);
  order = await insertOrder(p, s.consumer.me.user.id, merchantOrg, 10_000);
  const clearing = await acc(PLATFORM_PARTY, 'provider_clearing');
  const escrow = await acc(PLATFORM_PARTY, 'escrow');
  const fee = await acc(PLATFORM_PARTY, 'platform_fee_revenue');
  const transit = await acc(PLATFORM_PARTY, 'payouts_in_transit');
  const pending = await acc(merchantOrg, 'merchant_pending');
  const available = await acc(merchantOrg, 'merchant_available');
  // 2 Dec (China): paid and settled; 3 Dec: released, a payout asked; 4 Dec: the payout paid
  clock.set(new Date('2026-12-02T03:00:00Z'));
  await p.c.ledger.post({
    businessKey: `order:${order.id}:paid`,
    kind: 'order.paid',
    postings: [
      { accountId: clearing, amount: -10_000 },
      { accountId: escrow, amount: 10_000 },
    ],
  });
  clock.set(new Date('2026-12-02T15:59:59Z'));
  await p.c.ledger.post({
    businessKey: `order:${order.id}:settled`,
    kind: 'order.settled',
    postings: [
      { accountId: escrow, amount: -10_000 },
      { accountId: fee, amount: 500 },
      { accountId: pending, amount: 9_500 },
    ],
  });
  clock.set(new Date('2026-12-02T16:00:00Z'));
  await p.c.ledger.post({
    businessKey: `release:${order.id}`,
    kind: 'order.released',
    postings: [
      { accountId: pending, amount: -9_500 },
      { accountId: available, amount: 9_500 },
    ],
  });
  clock.set(new Date('2026-12-03T08:00:00Z'));
  await p.c.ledger.post({
    businessKey: `payout:${payoutId}`,
    kind: 'payout',
    memo: '提现到对公账户',
    postings: [
      { accountId: available, amount: -3_001 },
      { accountId: transit, amount: 3_001 },
    ],
  });
  clock.set(new Date('2026-12-04T08:00:00Z'));
  await p.c.ledger.post({
    businessKey: `payout:${payoutId}:paid`,
    kind: 'payout.paid',
    postings: [
      { accountId: transit, amount: -3_001 },
      { accountId: clearing, amount: 3_001 },
    ],
  });
  // sessions signed in before the clock moved on have expired
  clock.set(new Date('2026-12-05T02:00:00Z'));
  await signIn();
});
afterAll(async () => p?.close());

const q = (period: string, extra = '') => `/api/statements?partyId=${merchantOrg}&period=${period}${extra}`;

describe('statements', () => {
  it('a day: opening + the lines = closing for each account, lines decoded, running balances', async () => {
    const r = await p.call(s.merchant, 'GET', q('2026-12-03'));
    expect(r.status).toBe(200);
    expect(r.body.partyName).toBeTruthy();
    expect(r.body.period).toMatchObject({ label: '2026-12-03', granularity: 'day', from: '2026-12-02T16:00:00.000Z' });
    const byKind = Object.fromEntries(r.body.accounts.map((a: { kind: string }) => [a.kind, a]));
    // the seed's money flows left nothing pending or available (its orders are not completed)
    expect(seeded.merchant_pending ?? 0).toBe(0);
    expect(seeded.merchant_available ?? 0).toBe(0);
    expect(byKind.merchant_pending).toMatchObject({
      kindLabel: '商家待结算',
      openingFen: 9_500,
      creditsFen: 0,
      debitsFen: -9_500,
      closingFen: 0,
      lines: 1,
    });
    const av = byKind.merchant_available;
    expect(av).toMatchObject({ kindLabel: '商家可提现', openingFen: 0, creditsFen: 9_500, debitsFen: -3_001, closingFen: 6_499, lines: 2 });
    expect(
      av.entries.map((e: { kindLabel: string; reference: string; amountFen: number; balanceAfterFen: number }) => [
        e.kindLabel,
        e.reference,
        e.amountFen,
        e.balanceAfterFen,
      ]),
    ).toEqual([
      ['待结算转可提现', `订单 ${order.orderNo}`, 9_500, 9_500],
      ['提现申请', '提现单 00000000BEEF', -3_001, 6_499],
    ]);
    expect(av.entries[1].memo).toBe('提现到对公账户');
    for (const a of r.body.accounts) {
      const sum = a.entries.reduce((t: number, e: { amountFen: number }) => t + e.amountFen, 0);
      expect(a.openingFen + sum).toBe(a.closingFen);
    }
    // the seed's accounts (the slot fee's debt) open and close the day as they were
    for (const [kind, balance] of Object.entries(seeded)) {
      if (kind === 'merchant_pending' || kind === 'merchant_available') continue;
      expect(byKind[kind], kind).toMatchObject({ openingFen: balance, closingFen: balance, lines: 0 });
    }
    expect(r.body.totals).toMatchObject({ openingFen: seededFen + 9_500, closingFen: seededFen + 6_499, lines: 3 });
    // the closing balance is the account's balance (nothing posted to the merchant since)
    const balances = await p.c.ledger.balances(merchantOrg);
    expect(Object.fromEntries(balances.map((b) => [b.kind, b.balance]))).toMatchObject({ merchant_available: 6_499, merchant_pending: 0 });
  });

  it('a month holds every line of its days; one kind only when asked', async () => {
    const r = await p.call(s.merchant, 'GET', q('2026-12', '&kind=merchant_pending'));
    expect(r.status).toBe(200);
    expect(r.body.accounts).toHaveLength(1);
    expect(r.body.accounts[0]).toMatchObject({ openingFen: 0, creditsFen: 9_500, debitsFen: -9_500, closingFen: 0, lines: 2 });
    expect(r.body.accounts[0].entries.map((e: { kindLabel: string }) => e.kindLabel)).toEqual(['订单结算分账', '待结算转可提现']);
    const nov = await p.call(s.merchant, 'GET', q('2026-11'));
    expect(nov.body.totals).toEqual({ openingFen: seededFen, creditsFen: 0, debitsFen: 0, closingFen: seededFen, lines: 0 });
    const platform = await p.call(s.admin, 'GET', `/api/statements?partyId=${PLATFORM_PARTY}&period=2026-12-04&kind=payouts_in_transit`);
    expect(platform.body.partyName).toBe('平台');
    expect(platform.body.accounts[0]).toMatchObject({ openingFen: 3_001, closingFen: 0, lines: 1 });
    expect(platform.body.accounts[0].entries[0]).toMatchObject({
      kindLabel: '提现到账',
      refType: 'payout',
      reference: '提现单 00000000BEEF',
    });
  });

  it('CSV: UTF-8 with a BOM, Chinese header, yuan with two decimals, a totals row', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: q('2026-12-03').replace('/api/statements?', '/api/statements.csv?'),
      headers: s.merchant.headers(false),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('livehub-statement-2026-12-03.csv');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[1]).toBe('"账户","记账时间","业务类型","关联单据","备注","收入（元）","支出（元）","余额（元）"');
    expect(lines).toContain(`"商家可提现","2026-12-03 16:00:00","提现申请","提现单 00000000BEEF","提现到对公账户","","30.01","64.99"`);
    expect(lines.at(-1)).toBe(
      `"合计","","期初 ${yuan(seededFen + 9_500)} 元，共 3 笔","","","95.00","125.01","${yuan(seededFen + 6_499)}"`,
    );
  });

  it('XLSX: parsed back with exceljs — title, header, numbers in yuan, the totals row', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: q('2026-12-03').replace('/api/statements?', '/api/statements.xlsx?'),
      headers: s.merchant.headers(false),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('对账单');
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(String(rows[0]?.[0])).toContain('对账单 2026-12-03');
    expect(rows[1]).toEqual(['账户', '记账时间', '业务类型', '关联单据', '备注', '收入（元）', '支出（元）', '余额（元）']);
    const payout = rows.find((r) => r[2] === '提现申请');
    expect(payout?.[6]).toBe(30.01);
    expect(payout?.[7]).toBe(64.99);
    const total = rows.at(-1) as unknown[];
    expect(total[0]).toBe('合计');
    expect(total.slice(5, 8)).toEqual([95, 125.01, Number(yuan(seededFen + 6_499))]);
    expect(ws?.getColumn(8).numFmt).toBe('#,##0.00');
  });

  it('who reads whose: a merchant not another party’s, a streamer its own, regulators any; others refused', async () => {
    const otherOrg = s.mcn.me.active?.orgId as string;
    const foreign = await p.call(s.merchant, 'GET', `/api/statements?partyId=${otherOrg}&period=2026-12`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('statements.forbidden');
    expect((await p.call(s.merchant, 'GET', `/api/statements.xlsx?partyId=${otherOrg}&period=2026-12`)).status).toBe(403);
    expect((await p.call(s.streamer, 'GET', q('2026-12'))).status).toBe(403);
    expect((await p.call(s.streamer, 'GET', `/api/statements?partyId=${s.streamer.me.user.id}&period=2026-12`)).status).toBe(200);
    expect((await p.call(s.mcn, 'GET', `/api/statements?partyId=${otherOrg}&period=2026-12`)).status).toBe(200);
    expect((await p.call(s.regulator, 'GET', q('2026-12'))).status).toBe(200);
    expect((await p.call(s.consumer, 'GET', q('2026-12'))).status).toBe(403);
    expect((await p.call(null, 'GET', q('2026-12'))).status).toBe(401);
  });

  it('a bad period or kind is a field error, not a 500', async () => {
    for (const period of ['2026-02-30', '2026-13', 'yesterday']) {
      const r = await p.call(s.merchant, 'GET', q(period));
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'statements.period_invalid', field: 'period' });
    }
    const k = await p.call(s.merchant, 'GET', q('2026-12', '&kind=nonexistent'));
    expect(k.status).toBe(400);
    expect(k.body.error.field).toBe('kind');
    expect((await p.call(s.merchant, 'GET', '/api/statements?partyId=nope&period=2026-12')).status).toBe(400);
  });
});
