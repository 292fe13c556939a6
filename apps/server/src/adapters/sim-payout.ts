/**
 * The built-in simulated payout provider (模拟银行代付 / 微信支付商家转账). It behaves like WeChat Pay's 商家转账到零钱
 * or a bank's 代付 API where it matters to the platform: the transfer is accepted at once (idempotent on the
 * platform's payout id, like `out_batch_no`), the result comes back later as an asynchronous notification signed
 * with HMAC-SHA256 over `timestamp \n nonce \n body`, retried with back-off until the platform answers 2xx (a 409
 * "already processed" also ends the retries). Accounts whose number ends with a configured suffix (default `0000`)
 * fail with 账户异常, so the failure path can be shown.
 *
 * Like a bank, it keeps its own record of what it accepted, outside the platform's database: with `journalDir` (the
 * server gives it the data directory's `sim-payout/`) every accepted transfer and every acknowledged result is one
 * JSON line in `transfers.jsonl`, written before `createTransfer` answers. So a platform killed at any point finds, on
 * restart, a provider that still knows each payout id — a resend is answered with the same reference and never pays
 * a second time — and that goes on delivering the results the platform had not acknowledged (same notification id),
 * as a real provider keeps retrying while the platform is down. Without a directory (unit tests) it keeps this in
 * memory. Results are delivered through `deliver`, which the server points at its own route.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PayoutProvider, TransferCheck, TransferNotification, TransferRequest } from '@livehub/core';
import { type Deliver, SignedSimulator } from './sim-signed-channel.ts';

export type { Deliver };

/** One transfer in the simulator's own record: accepted once per payout id, its result, whether it was acknowledged. */
export interface SimTransfer {
  payoutId: string;
  providerRef: string;
  amountFen: number;
  kind: TransferNotification['kind'];
  reason: string | null;
  notifyId: string;
  acceptedAt: string;
  /** the platform answered the result 2xx (or 409: already processed) */
  acknowledged: boolean;
}

type JournalLine =
  | ({ t: 'accepted' } & Omit<SimTransfer, 'acknowledged'>)
  | { t: 'acknowledged'; payoutId: string; notifyId: string; at: string };

const TRANSFER_KINDS: readonly TransferNotification['kind'][] = ['transfer.succeeded', 'transfer.failed'];

export class SimulatedPayoutProvider extends SignedSimulator implements PayoutProvider {
  readonly name = 'sim';
  private readonly accepted = new Map<string, SimTransfer>();
  private readonly file: string | null;

  constructor(
    private readonly opts: {
      secret: Buffer;
      /** account-number endings that fail (账户异常) */
      failSuffixes: string[];
      /** back-off between delivery attempts, ms; the first attempt waits `retryMs[0]` (the bank's "short delay") */
      retryMs?: number[];
      now?: () => number;
      /** where the simulator keeps its record of transfers (survives a restart); none: memory only */
      journalDir?: string | null;
    },
  ) {
    super({ secret: opts.secret, idPrefix: 'tfn', retryMs: opts.retryMs ?? [300, 1000, 3000, 10_000, 30_000, 60_000], now: opts.now });
    this.file = opts.journalDir ? join(opts.journalDir, 'transfers.jsonl') : null;
    if (opts.journalDir) mkdirSync(opts.journalDir, { recursive: true });
    for (const line of SimulatedPayoutProvider.readJournal(this.file)) {
      if (line.t === 'accepted') {
        const { t: _t, ...rest } = line;
        if (!this.accepted.has(line.payoutId)) this.accepted.set(line.payoutId, { ...rest, acknowledged: false });
      } else {
        const known = this.accepted.get(line.payoutId);
        if (known) known.acknowledged = true;
      }
    }
  }

  /** The journal's lines, a torn last line (the process died while writing it) left out. */
  static readJournal(file: string | null): JournalLine[] {
    if (!file || !existsSync(file)) return [];
    const out: JournalLine[] = [];
    for (const l of readFileSync(file, 'utf8').split('\n')) {
      if (!l) continue;
      try {
        out.push(JSON.parse(l) as JournalLine);
      } catch {
        // a line cut short by a crash: the transfer it began was never answered to the platform
      }
    }
    return out;
  }

  private journal(line: JournalLine): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  /** Every transfer the simulator accepted, once per payout id, with its result and whether it was acknowledged. */
  transfers(): SimTransfer[] {
    return [...this.accepted.values()].map((t) => ({ ...t }));
  }

  /**
   * Where results go. Results accepted before (a previous run of the process) and never acknowledged are delivered
   * again from here, with their notification id, as the provider's retries would reach a platform that came back.
   */
  override setDeliver(d: Deliver): void {
    super.setDeliver(d);
    for (const t of this.accepted.values()) if (!t.acknowledged) this.schedule(t);
  }

  /** Whether the simulator fails a transfer to this account. */
  fails(accountNo: string): boolean {
    return this.opts.failSuffixes.some((s) => s.length > 0 && accountNo.endsWith(s));
  }

  async createTransfer(req: TransferRequest): Promise<{ providerRef: string }> {
    const known = this.accepted.get(req.payoutId);
    if (known) return { providerRef: known.providerRef };
    const providerRef = `simpo_${randomBytes(9).toString('base64url')}`;
    const fail = this.fails(req.accountNo);
    const at = this.now();
    const t: SimTransfer = {
      payoutId: req.payoutId,
      providerRef,
      amountFen: req.amountFen,
      kind: fail ? 'transfer.failed' : 'transfer.succeeded',
      reason: fail ? (req.method === 'wechat' ? '收款用户账户异常 (simulated)' : '收款账户异常：户名与卡号不符 (simulated)') : null,
      notifyId: this.channel.newNotifyId(at),
      acceptedAt: new Date(at).toISOString(),
      acknowledged: false,
    };
    // recorded before answering: the provider has the transfer once it said so
    const { acknowledged: _a, ...line } = t;
    this.journal({ t: 'accepted', ...line });
    this.accepted.set(req.payoutId, t);
    this.schedule(t);
    return { providerRef };
  }

  /** A result signed exactly as the provider would: tests use it to forge and replay. */
  signed(n: Omit<TransferNotification, 'notifyId' | 'occurredAt'> & { notifyId?: string; occurredAt?: Date }, at = this.now()) {
    return this.signResult(n, { payoutId: n.payoutId }, at);
  }

  private schedule(t: SimTransfer): void {
    // signed at each attempt (a fresh timestamp), the same notification id every time
    const make = () =>
      this.signed({
        kind: t.kind,
        payoutId: t.payoutId,
        amountFen: t.amountFen,
        providerRef: t.providerRef,
        reason: t.reason,
        notifyId: t.notifyId,
        occurredAt: new Date(t.acceptedAt),
      });
    this.channel.deliver(make, () => {
      if (!t.acknowledged)
        this.journal({ t: 'acknowledged', payoutId: t.payoutId, notifyId: t.notifyId, at: new Date(this.now()).toISOString() });
      t.acknowledged = true;
    });
  }

  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): TransferCheck {
    return this.openResult(headers, rawBody, TRANSFER_KINDS, (b) =>
      // the platform's payout ids are UUIDs: anything else is not one of its transfers
      typeof b.payoutId === 'string' && /^[0-9a-f-]{36}$/i.test(b.payoutId) ? { payoutId: b.payoutId } : null,
    );
  }
}
