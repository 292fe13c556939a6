/**
 * The built-in simulated payout provider (模拟银行代付 / 微信支付商家转账). It behaves like WeChat Pay's 商家转账到零钱
 * or a bank's 代付 API where it matters to the platform: the transfer is accepted at once (idempotent on the
 * platform's payout id, like `out_batch_no`), the result comes back later as an asynchronous notification signed
 * with HMAC-SHA256 over `timestamp \n nonce \n body`, retried with back-off until the platform answers 2xx (a 409
 * "already processed" also ends the retries). Accounts whose number ends with a configured suffix (default `0000`)
 * fail with 账户异常, so the failure path can be shown.
 *
 * It keeps only the set of payout ids it accepted (a resend after a crash is answered with the same reference and
 * no second notification); results are delivered through `deliver`, which the server points at its own route.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PayoutProvider, TransferCheck, TransferNotification, TransferRequest } from '@livehub/core';

export type Deliver = (headers: Record<string, string>, body: string) => Promise<number>;

/** How long a notification's timestamp stays acceptable (replays beyond it are refused as stale). */
const WINDOW_MS = 5 * 60_000;

export class SimulatedPayoutProvider implements PayoutProvider {
  readonly name = 'sim';
  private deliverTo: Deliver | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly accepted = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly opts: {
      secret: Buffer;
      /** account-number endings that fail (账户异常) */
      failSuffixes: string[];
      /** back-off between delivery attempts, ms; the first attempt waits `retryMs[0]` (the bank's "short delay") */
      retryMs?: number[];
      now?: () => number;
    },
  ) {}

  setDeliver(d: Deliver): void {
    this.deliverTo = d;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  sign(timestamp: string, nonce: string, body: string): string {
    return createHmac('sha256', this.opts.secret).update(`${timestamp}\n${nonce}\n${body}`).digest('base64');
  }

  /** Whether the simulator fails a transfer to this account. */
  fails(accountNo: string): boolean {
    return this.opts.failSuffixes.some((s) => s.length > 0 && accountNo.endsWith(s));
  }

  async createTransfer(req: TransferRequest): Promise<{ providerRef: string }> {
    const known = this.accepted.get(req.payoutId);
    if (known) return { providerRef: known };
    const providerRef = `simpo_${randomBytes(9).toString('base64url')}`;
    this.accepted.set(req.payoutId, providerRef);
    const fail = this.fails(req.accountNo);
    this.schedule({
      kind: fail ? 'transfer.failed' : 'transfer.succeeded',
      payoutId: req.payoutId,
      amountFen: req.amountFen,
      providerRef,
      reason: fail ? (req.method === 'wechat' ? '收款用户账户异常 (simulated)' : '收款账户异常：户名与卡号不符 (simulated)') : null,
    });
    return { providerRef };
  }

  /** A result signed exactly as the provider would: tests use it to forge and replay. */
  signed(n: Omit<TransferNotification, 'notifyId' | 'occurredAt'> & { notifyId?: string; occurredAt?: Date }, at = this.now()) {
    const body = JSON.stringify({
      notifyId: n.notifyId ?? `tfn_${at.toString(36)}_${(++this.seq).toString(36)}_${randomBytes(4).toString('hex')}`,
      kind: n.kind,
      payoutId: n.payoutId,
      amountFen: n.amountFen,
      providerRef: n.providerRef,
      reason: n.reason,
      occurredAt: (n.occurredAt ?? new Date(at)).toISOString(),
    });
    const timestamp = String(Math.floor(at / 1000));
    const nonce = randomBytes(12).toString('hex');
    return {
      headers: {
        'content-type': 'application/json',
        'x-sim-timestamp': timestamp,
        'x-sim-nonce': nonce,
        'x-sim-signature': this.sign(timestamp, nonce, body),
      },
      body,
    };
  }

  private schedule(n: Omit<TransferNotification, 'notifyId' | 'occurredAt'>): void {
    const { headers, body } = this.signed(n);
    const delays = this.opts.retryMs ?? [300, 1000, 3000, 10_000, 30_000, 60_000];
    const attempt = (i: number) => {
      if (i >= delays.length || !this.deliverTo) return;
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        const status = await (this.deliverTo as Deliver)(headers, body).catch(() => 0);
        if (!(status >= 200 && status < 300) && status !== 409) attempt(i + 1);
      }, delays[i]);
      timer.unref?.();
      this.timers.add(timer);
    };
    attempt(0);
  }

  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): TransferCheck {
    const ts = headers['x-sim-timestamp'];
    const nonce = headers['x-sim-nonce'];
    const sig = headers['x-sim-signature'];
    if (!ts || !nonce || !sig || !/^\d{9,11}$/.test(ts)) return { ok: false, reason: 'malformed' };
    const want = Buffer.from(this.sign(ts, nonce, rawBody));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'bad_signature' };
    if (Math.abs(this.now() - Number(ts) * 1000) > WINDOW_MS) return { ok: false, reason: 'stale' };
    try {
      const b = JSON.parse(rawBody) as Record<string, unknown>;
      if (
        typeof b.notifyId !== 'string' ||
        (b.kind !== 'transfer.succeeded' && b.kind !== 'transfer.failed') ||
        typeof b.payoutId !== 'string' ||
        !/^[0-9a-f-]{36}$/i.test(b.payoutId) ||
        !Number.isInteger(b.amountFen)
      )
        return { ok: false, reason: 'malformed' };
      return {
        ok: true,
        notification: {
          notifyId: b.notifyId,
          kind: b.kind,
          payoutId: b.payoutId,
          amountFen: b.amountFen as number,
          providerRef: String(b.providerRef ?? ''),
          reason: typeof b.reason === 'string' ? b.reason : null,
          occurredAt: new Date(String(b.occurredAt)),
        },
      };
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
