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
});
