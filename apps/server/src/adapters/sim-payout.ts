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
import { randomBytes } from 'node:crypto';
import type { PayoutProvider, TransferCheck, TransferNotification, TransferRequest } from '@livehub/core';
import { type Deliver, SignedChannel } from './sim-signed-channel.ts';

export type { Deliver };

export class SimulatedPayoutProvider implements PayoutProvider {
  readonly name = 'sim';
  private readonly channel: SignedChannel;
  private readonly accepted = new Map<string, string>();

  constructor(
    private readonly opts: {
      secret: Buffer;
      /** account-number endings that fail (账户异常) */
      failSuffixes: string[];
      /** back-off between delivery attempts, ms; the first attempt waits `retryMs[0]` (the bank's "short delay") */
      retryMs?: number[];
      now?: () => number;
    },
  ) {
    this.channel = new SignedChannel({
      secret: opts.secret,
      idPrefix: 'tfn',
      retryMs: opts.retryMs ?? [300, 1000, 3000, 10_000, 30_000, 60_000],
      now: () => this.now(),
    });
  }

  setDeliver(d: Deliver): void {
    this.channel.setDeliver(d);
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  sign(timestamp: string, nonce: string, body: string): string {
    return this.channel.sign(timestamp, nonce, body);
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
    return this.channel.envelope(
      {
        notifyId: n.notifyId,
        kind: n.kind,
        payoutId: n.payoutId,
        amountFen: n.amountFen,
        providerRef: n.providerRef,
        reason: n.reason,
        occurredAt: (n.occurredAt ?? new Date(at)).toISOString(),
      },
      at,
    );
  }

  private schedule(n: Omit<TransferNotification, 'notifyId' | 'occurredAt'>): void {
    this.channel.deliver(this.signed(n));
  }

  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): TransferCheck {
    const opened = this.channel.open(headers, rawBody);
    if (!opened.ok) return opened;
    const b = opened.body;
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
  }

  close(): void {
    this.channel.close();
  }
}
