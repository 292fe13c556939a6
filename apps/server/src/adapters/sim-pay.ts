/**
 * The built-in simulated payment provider (模拟支付). It behaves like WeChat Pay or Alipay where it matters to the
 * platform: the buyer pays on the provider's page, the result comes back later as an asynchronous notification
 * signed with HMAC-SHA256 over `timestamp \n nonce \n body`, retried with back-off until the platform answers 2xx
 * (a 409 "already processed" also ends the retries), and refunds are answered the same way. The platform never
 * trusts the page's redirect — only a verified notification changes an order.
 *
 * It keeps no state of its own (the payment page reads the platform's payment record), so a restart loses nothing,
 * apart from the journal of what it processed, from which it serves the daily trade bill (交易账单, `downloadBill`;
 * see sim-bill.ts) — kept in files under `billDir`, so a restart keeps it too.
 * Notifications are delivered through `deliver`, which the server points at its own notification route.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  NotificationCheck,
  PaymentNotification,
  PaymentProvider,
  PaymentRecord,
  ProviderBillRow,
  ProviderBillSource,
} from '@livehub/core';
import { feeOf, formatTradeBill, parseTradeBill, TradeBillJournal } from './sim-bill.ts';
import { type Deliver, SignedSimulator } from './sim-signed-channel.ts';

export type { Deliver };

/** What the payer reads for a payment's state (never the code). */
const STATUS_LABEL: Record<PaymentRecord['status'], string> = {
  pending: '待支付 Awaiting payment',
  succeeded: '已支付 Paid',
  failed: '支付失败 Failed',
  expired: '已关闭 Closed',
};

const PAYMENT_KINDS: readonly PaymentNotification['kind'][] = ['payment.succeeded', 'payment.failed', 'refund.succeeded', 'refund.failed'];

export class SimulatedPaymentProvider extends SignedSimulator implements PaymentProvider, ProviderBillSource {
  readonly name = 'sim';
  /** every payment and refund processed, for the daily bill */
  readonly bills: TradeBillJournal;

  constructor(
    private readonly opts: {
      secret: Buffer;
      /**
       * where the payment page is served (the platform's own origin); null: the origin of each payment's return URL,
       * which the platform derives from the buyer's request — the page and the app then share one origin and cookie
       */
      baseUrl: string | null;
      /** back-off between delivery attempts, ms; the first attempt waits `retryMs[0]` */
      retryMs?: number[];
      now?: () => number;
      /** where the journal of processed transactions is kept (one file per day); null: in memory */
      billDir?: string | null;
    },
  ) {
    super({ secret: opts.secret, idPrefix: 'ntf', retryMs: opts.retryMs ?? [150, 1000, 3000, 10_000, 30_000, 60_000], now: opts.now });
    this.bills = new TradeBillJournal(opts.billDir ?? null);
  }

  /** 下载交易账单: the day's bill as the provider serves it (text), parsed as a real adapter parses the download. */
  async downloadBill(day: string): Promise<ProviderBillRow[]> {
    return parseTradeBill(this.billText(day));
  }

  billText(day: string): string {
    return formatTradeBill(this.bills.rows(day));
  }

  /** The page token: proves the payer got the URL from the platform. */
  private token(paymentId: string): string {
    return createHmac('sha256', this.opts.secret).update(`page:${paymentId}`).digest('base64url').slice(0, 32);
  }

  checkToken(paymentId: string, t: string): boolean {
    const want = Buffer.from(this.token(paymentId));
    const got = Buffer.from(t);
    return want.length === got.length && timingSafeEqual(want, got);
  }

  async createPayment(req: { paymentId: string; returnUrl: string }): Promise<{ providerRef: string; payUrl: string }> {
    const base = this.opts.baseUrl ?? new URL(req.returnUrl).origin;
    return {
      providerRef: `sim_${randomBytes(9).toString('base64url')}`,
      payUrl: `${base}/api/payments/sim/${req.paymentId}?t=${this.token(req.paymentId)}`,
    };
  }

  async refund(req: { refundId: string; paymentId: string; providerRef: string | null; amountFen: number }): Promise<void> {
    this.bills.record({
      tradeTime: new Date(this.now()),
      merchantTradeNo: req.paymentId,
      providerTradeNo: req.providerRef ?? '',
      tradeType: 'JSAPI',
      tradeState: 'REFUND',
      amountFen: 0,
      refundNo: req.refundId,
      refundFen: req.amountFen,
      feeFen: -feeOf(req.amountFen),
    });
    this.schedule({
      kind: 'refund.succeeded',
      paymentId: req.paymentId,
      refundId: req.refundId,
      amountFen: req.amountFen,
      providerRef: req.providerRef ?? '',
      reason: null,
    });
  }

  /**
   * The payer account the simulator reports for a payer (as WeChat Pay reports an openid: opaque, stable per payer
   * and merchant account, never the payer's own identifier). `payer`: the payer's wallet on the page (a per-browser
   * id the page keeps); unknown, each payment is its own payer.
   */
  payerAccount(payer: string): string {
    return `simpayer_${createHmac('sha256', this.opts.secret).update(`payer:${payer}`).digest('base64url').slice(0, 24)}`;
  }

  /** The payer's answer on the page; `payer` is the wallet that paid (see `payerAccount`). */
  answer(p: PaymentRecord, outcome: 'succeed' | 'fail', payer?: string): void {
    if (outcome === 'succeed')
      this.bills.record({
        tradeTime: new Date(this.now()),
        merchantTradeNo: p.id,
        providerTradeNo: p.providerRef ?? '',
        tradeType: 'JSAPI',
        tradeState: 'SUCCESS',
        amountFen: p.amountFen,
        refundNo: null,
        refundFen: 0,
        feeFen: feeOf(p.amountFen),
      });
    this.schedule({
      kind: outcome === 'succeed' ? 'payment.succeeded' : 'payment.failed',
      paymentId: p.id,
      refundId: null,
      amountFen: p.amountFen,
      providerRef: p.providerRef ?? '',
      reason: outcome === 'fail' ? 'card declined (simulated)' : null,
      ...(outcome === 'succeed' ? { payerAccount: this.payerAccount(payer ?? `payment:${p.id}`) } : {}),
    });
  }

  /** A notification signed exactly as the provider would: tests use it to forge and replay. */
  signed(n: Omit<PaymentNotification, 'notifyId' | 'occurredAt'> & { notifyId?: string; occurredAt?: Date }, at = this.now()) {
    const about = n.payerAccount
      ? { paymentId: n.paymentId, refundId: n.refundId, payerAccount: n.payerAccount }
      : { paymentId: n.paymentId, refundId: n.refundId };
    return this.signResult(n, about, at);
  }

  private schedule(n: Omit<PaymentNotification, 'notifyId' | 'occurredAt'>): void {
    const signed = this.signed(n);
    this.channel.deliver(() => signed);
  }

  verifyNotification(headers: Record<string, string | undefined>, rawBody: string): NotificationCheck {
    return this.openResult(headers, rawBody, PAYMENT_KINDS, (b) =>
      typeof b.paymentId === 'string'
        ? {
            paymentId: b.paymentId,
            refundId: typeof b.refundId === 'string' ? b.refundId : null,
            payerAccount: typeof b.payerAccount === 'string' && b.payerAccount !== '' ? b.payerAccount : null,
          }
        : null,
    );
  }

  /** The payment page: amount, order number, and the two answers a payer can give (none once it is closed). */
  page(p: PaymentRecord, orderNo: string, t: string, open = true): string {
    const yuan = (p.amountFen / 100).toFixed(2);
    const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付 · Simulated payment</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f5f5f5;margin:0;display:flex;justify-content:center}
main{background:#fff;max-width:420px;width:100%;margin:32px 12px;padding:24px;border-radius:12px;box-shadow:0 2px 12px #0001}
h1{font-size:18px;margin:0 0 4px}.amt{font-size:36px;font-weight:600;margin:16px 0;color:#222}.muted{color:#888;font-size:13px}
button{width:100%;padding:12px;border:0;border-radius:8px;font-size:16px;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff}.fail{background:#eee;color:#333}</style></head>
<body><main><h1>模拟支付 <span class="muted">Simulated payment provider</span></h1>
<div class="muted" data-testid="sim-order">订单号 Order ${esc(orderNo)} · 状态 Status <span data-testid="sim-status">${esc(STATUS_LABEL[p.status] ?? p.status)}</span></div>
<div class="amt" data-testid="sim-amount">¥${yuan}</div>
<div class="muted">这是 LiveHub 内置的模拟支付渠道，不会扣款。This is LiveHub's built-in simulator: no money moves.</div>
${
  open
    ? `<button class="pay" data-testid="sim-pay" onclick="go('succeed')">确认支付 Pay</button>
<button class="fail" data-testid="sim-fail" onclick="go('fail')">模拟失败 Decline</button>`
    : `<p data-testid="sim-closed">交易已关闭：订单已超时或已取消。 This payment is closed: the order timed out or was cancelled.</p>`
}
<p class="muted" id="msg"></p></main>
<script>function wallet(){try{let w=localStorage.getItem('livehub.sim.wallet');if(!w){w=Array.from(crypto.getRandomValues(new Uint8Array(16)),b=>b.toString(16).padStart(2,'0')).join('');localStorage.setItem('livehub.sim.wallet',w)}return w}catch(e){return undefined}}
async function go(outcome){document.querySelectorAll('button').forEach(b=>b.disabled=true);
const r=await fetch(location.pathname+'/confirm',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({t:${JSON.stringify(t)},outcome,payer:wallet()})});
const j=await r.json();document.getElementById('msg').textContent=outcome==='succeed'?'支付处理中，正在返回… Paying, returning…':'已拒绝 Declined';
setTimeout(()=>{location.href=j.returnUrl||'/'},800)}</script></body></html>`;
  }
}
