/**
 * What the built-in simulators (payments: sim-pay.ts, payouts: sim-payout.ts) share with each other and with the real
 * providers they stand for: asynchronous results signed with HMAC-SHA256 over `timestamp \n nonce \n body` (headers
 * `x-sim-timestamp`, `x-sim-nonce`, `x-sim-signature`), refused outside a five-minute window, and delivered with
 * back-off until the platform answers 2xx (a 409 "already processed" also ends the retries).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Deliver = (headers: Record<string, string>, body: string) => Promise<number>;

/** How long a notification's timestamp stays acceptable (replays beyond it are refused as stale). */
export const WINDOW_MS = 5 * 60_000;

export interface Envelope {
  headers: Record<string, string>;
  body: string;
}

export type Opened = { ok: true; body: Record<string, unknown> } | { ok: false; reason: 'bad_signature' | 'stale' | 'malformed' };

export class SignedChannel {
  private deliverTo: Deliver | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private seq = 0;

  constructor(
    private readonly opts: {
      secret: Buffer;
      /** the notification ids' prefix (`ntf` for payments, `tfn` for transfers) */
      idPrefix: string;
      /** back-off between delivery attempts, ms; the first attempt waits `retryMs[0]` */
      retryMs: number[];
      now: () => number;
    },
  ) {}

  setDeliver(d: Deliver): void {
    this.deliverTo = d;
  }

  sign(timestamp: string, nonce: string, body: string): string {
    return createHmac('sha256', this.opts.secret).update(`${timestamp}\n${nonce}\n${body}`).digest('base64');
  }

  /** A fresh notification id (the provider's own, unique per result). */
  newNotifyId(at: number): string {
    return `${this.opts.idPrefix}_${at.toString(36)}_${(++this.seq).toString(36)}_${randomBytes(4).toString('hex')}`;
  }

  /** A JSON body of `fields` (a fresh notification id, unless given) with its signed headers, as of `at`. */
  envelope(fields: Record<string, unknown> & { notifyId?: string | undefined }, at: number): Envelope {
    const notifyId = fields.notifyId ?? this.newNotifyId(at);
    const body = JSON.stringify({ ...fields, notifyId });
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

  /**
   * Delivers a notification, retrying on the back-off until answered 2xx or 409 (then `onAcknowledged`). `make` gives
   * the signed notification of each attempt: the same one every time, or one signed afresh with the same id.
   */
  deliver(make: () => Envelope, onAcknowledged?: () => void): void {
    const delays = this.opts.retryMs;
    const attempt = (i: number) => {
      if (i >= delays.length || !this.deliverTo) return;
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        const n = make();
        const status = await (this.deliverTo as Deliver)(n.headers, n.body).catch(() => 0);
        if ((status >= 200 && status < 300) || status === 409) onAcknowledged?.();
        else attempt(i + 1);
      }, delays[i]);
      timer.unref?.();
      this.timers.add(timer);
    };
    attempt(0);
  }

  /** Checks a notification's signature and freshness and parses its body (the caller checks the fields). */
  open(headers: Record<string, string | undefined>, rawBody: string): Opened {
    const ts = headers['x-sim-timestamp'];
    const nonce = headers['x-sim-nonce'];
    const sig = headers['x-sim-signature'];
    if (!ts || !nonce || !sig || !/^\d{9,11}$/.test(ts)) return { ok: false, reason: 'malformed' };
    const want = Buffer.from(this.sign(ts, nonce, rawBody));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'bad_signature' };
    if (Math.abs(this.opts.now() - Number(ts) * 1000) > WINDOW_MS) return { ok: false, reason: 'stale' };
    try {
      const body = JSON.parse(rawBody) as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'malformed' };
      return { ok: true, body: body as Record<string, unknown> };
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * What each simulator does the same way around its channel: one clock (the injected one in tests), signing with the
 * shared secret, where results are delivered, and stopping the pending retries on shutdown.
 */
export abstract class SignedSimulator {
  protected readonly channel: SignedChannel;
  private readonly clock: (() => number) | undefined;

  constructor(opts: { secret: Buffer; idPrefix: string; retryMs: number[]; now?: (() => number) | undefined }) {
    this.clock = opts.now;
    this.channel = new SignedChannel({ secret: opts.secret, idPrefix: opts.idPrefix, retryMs: opts.retryMs, now: () => this.now() });
  }

  protected now(): number {
    return this.clock?.() ?? Date.now();
  }

  setDeliver(d: Deliver): void {
    this.channel.setDeliver(d);
  }

  sign(timestamp: string, nonce: string, body: string): string {
    return this.channel.sign(timestamp, nonce, body);
  }

  /**
   * A result signed as the provider signs it: its id and kind, what it is about (`subject`), its amount, then the
   * fields every result ends with; a result without its own time occurred when it is signed.
   */
  protected signResult(
    n: {
      notifyId?: string | undefined;
      kind: string;
      amountFen: number;
      providerRef: string;
      reason: string | null;
      occurredAt?: Date | undefined;
    },
    subject: Record<string, unknown>,
    at: number,
  ): Envelope {
    return this.channel.envelope(
      {
        notifyId: n.notifyId,
        kind: n.kind,
        ...subject,
        amountFen: n.amountFen,
        providerRef: n.providerRef,
        reason: n.reason,
        occurredAt: (n.occurredAt ?? new Date(at)).toISOString(),
      },
      at,
    );
  }

  /**
   * A result as the platform reads it, once its signature and freshness are checked: its id, one of `kinds`, what it
   * is about (`subject` reads it from the body, null where it is missing or malformed), its amount, then the fields
   * every result ends with.
   */
  protected openResult<K extends string, S extends Record<string, unknown>>(
    headers: Record<string, string | undefined>,
    rawBody: string,
    kinds: readonly K[],
    subject: (b: Record<string, unknown>) => S | null,
  ):
    | { ok: true; notification: { notifyId: string; kind: K } & S & ResultTail }
    | { ok: false; reason: 'bad_signature' | 'stale' | 'malformed' } {
    const opened = this.channel.open(headers, rawBody);
    if (!opened.ok) return opened;
    const b = opened.body;
    const about = subject(b);
    if (typeof b.notifyId !== 'string' || !kinds.includes(b.kind as K) || about === null || !Number.isInteger(b.amountFen))
      return { ok: false, reason: 'malformed' };
    return {
      ok: true,
      notification: {
        notifyId: b.notifyId,
        kind: b.kind as K,
        ...about,
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

/** The fields every provider result ends with. */
interface ResultTail {
  amountFen: number;
  providerRef: string;
  reason: string | null;
  occurredAt: Date;
}
