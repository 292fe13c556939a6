import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedPayoutProvider } from './sim-payout.ts';

const PAYOUT = '019a0000-0000-7000-8000-000000000001';
const request = (accountNo: string) => ({
  payoutId: PAYOUT,
  amountFen: 12_345,
  method: 'bank' as const,
  accountName: '张三丰',
  accountNo,
  bankName: '工商银行',
  remark: 'test',
});

function provider(now = () => Date.parse('2026-12-01T00:00:00Z')) {
  const delivered: Array<{ headers: Record<string, string>; body: string }> = [];
  let arrived: () => void = () => {};
  /** resolves when the next result has been delivered */
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  const p = new SimulatedPayoutProvider({ secret: Buffer.alloc(32, 7), failSuffixes: ['0000'], retryMs: [0], now });
  p.setDeliver(async (headers, body) => {
    delivered.push({ headers, body });
    arrived();
    return 200;
  });
  return { p, delivered, next };
}

describe('the simulated payout provider', () => {
  it('answers a transfer once with a signed success that verifies', async () => {
    const { p, delivered, next } = provider();
    const result = next();
    const first = await p.createTransfer(request('6222021234567891234'));
    // a resend after a crash is the same transfer: same reference, no second result scheduled
    expect(await p.createTransfer(request('6222021234567891234'))).toEqual(first);
    await result;
    expect(delivered).toHaveLength(1);
    const check = p.verifyNotification(delivered[0]?.headers ?? {}, delivered[0]?.body ?? '');
    expect(check).toMatchObject({ ok: true, notification: { kind: 'transfer.succeeded', payoutId: PAYOUT, amountFen: 12_345 } });
    p.close();
  });

  it('fails accounts ending with a configured suffix, with a reason', async () => {
    const { p, delivered, next } = provider();
    const result = next();
    await p.createTransfer(request('6222021234567890000'));
    await result;
    const check = p.verifyNotification(delivered[0]?.headers ?? {}, delivered[0]?.body ?? '');
    expect(check.ok && check.notification.kind).toBe('transfer.failed');
    expect(check.ok && check.notification.reason).toContain('账户异常');
    p.close();
  });

  it('refuses unsigned, tampered, foreign-key and stale results', () => {
    let t = Date.parse('2026-12-01T00:00:00Z');
    const { p } = provider(() => t);
    const n = p.signed({ kind: 'transfer.succeeded', payoutId: PAYOUT, amountFen: 1, providerRef: 'r', reason: null });
    expect(p.verifyNotification(n.headers, n.body).ok).toBe(true);
    expect(p.verifyNotification({}, n.body)).toEqual({ ok: false, reason: 'malformed' });
    expect(p.verifyNotification(n.headers, n.body.replace('"amountFen":1', '"amountFen":100'))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const other = new SimulatedPayoutProvider({ secret: Buffer.alloc(32, 8), failSuffixes: [] });
    const forged = other.signed({ kind: 'transfer.succeeded', payoutId: PAYOUT, amountFen: 1, providerRef: 'r', reason: null }, t);
    expect(p.verifyNotification(forged.headers, forged.body)).toEqual({ ok: false, reason: 'bad_signature' });
    t += 6 * 60_000;
    expect(p.verifyNotification(n.headers, n.body)).toEqual({ ok: false, reason: 'stale' });
    const bad = p.signed({ kind: 'transfer.succeeded', payoutId: 'not-an-id', amountFen: 1, providerRef: 'r', reason: null });
    expect(p.verifyNotification(bad.headers, bad.body)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('keeps its record across a restart: a resend is the same transfer, an unacknowledged result is delivered again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-payout-'));
    try {
      const opts = { secret: Buffer.alloc(32, 7), failSuffixes: ['0000'], retryMs: [0], journalDir: dir };
      // the first process accepts a transfer and dies before the platform acknowledges its result
      const before = new SimulatedPayoutProvider(opts);
      before.setDeliver(async () => 503);
      const first = await before.createTransfer(request('6222021234567891234'));
      await new Promise((r) => setTimeout(r, 20));
      before.close();
      // the next one knows the payout: same reference, and the result comes again with the same notification id
      const after = new SimulatedPayoutProvider(opts);
      expect(after.transfers()).toMatchObject([{ payoutId: PAYOUT, providerRef: first.providerRef, acknowledged: false }]);
      const bodies: string[] = [];
      const delivered = new Promise<void>((resolve) =>
        after.setDeliver(async (_h, body) => {
          bodies.push(body);
          resolve();
          return 200;
        }),
      );
      await delivered;
      expect(await after.createTransfer(request('6222021234567891234'))).toEqual(first);
      await new Promise((r) => setTimeout(r, 20));
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0] as string)).toMatchObject({ payoutId: PAYOUT, notifyId: after.transfers()[0]?.notifyId });
      after.close();
      // acknowledged: a third start delivers nothing
      const third = new SimulatedPayoutProvider(opts);
      expect(third.transfers()).toMatchObject([{ payoutId: PAYOUT, acknowledged: true }]);
      let calls = 0;
      third.setDeliver(async () => {
        calls++;
        return 200;
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toBe(0);
      third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
