/**
 * The built-in simulated carrier (模拟快递), behind the carrier port as a tracking aggregator would be (快递100's
 * 订阅推送): once a waybill is subscribed it plans the package's journey — 揽收 within the hour, 在途 through two to
 * four hub cities, 派件, 签收; about 3% end in an exception (疑难/退回) instead — and pushes each status to the
 * subscription's callback URL, signed with HMAC-SHA256 over the raw body (header `x-logistics-signature`), as its
 * time comes. Time is the platform's clock: the server's periodic tick (and tests, after advancing a manual clock)
 * calls `deliverDue`, which posts every push whose time has come. A push the platform does not answer 2xx stays due
 * (retried next tick); a 4xx other than 429 ends it (a carrier gives up on a refused waybill).
 *
 * The journey is a pure function of the waybill number and the subscription time, so the same package always travels
 * the same way. Plans are kept in memory: a restart forgets pending pushes (the buyer's 确认收货 and the automatic
 * delivery after `autoDeliverDays` still end such an order).
 */
import { createHash } from 'node:crypto';
import { type CarrierCode, type CarrierPort, PUSH_SIGNATURE_HEADER, signPush, verifyPush } from '@livehub/core';

export type PushDeliver = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

type PushStatus = 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

export interface PlannedPush {
  at: number;
  body: { trackingNo: string; carrier: CarrierCode; status: PushStatus; time: string; location: string; description: string };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const CITIES = ['广州', '深圳', '杭州', '上海', '南京', '武汉', '郑州', '成都', '西安', '北京', '天津', '长沙', '合肥', '济南'];

export class SimulatedCarrier implements CarrierPort {
  readonly name = 'sim';
  private deliverTo: PushDeliver | null = null;
  private readonly plans = new Map<string, { url: string; pushes: PlannedPush[] }>();

  constructor(
    private readonly opts: {
      key: Buffer;
      now: () => number;
      /** the share of packages ending in an exception (default 0.03) */
      exceptionRate?: number;
    },
  ) {}

  setDeliver(d: PushDeliver): void {
    this.deliverTo = d;
  }

  /** 订阅: plans the package's pushes (subscribing again keeps the plan). */
  async subscribe(req: { carrier: CarrierCode; trackingNo: string; callbackUrl: string; shippedAt: Date }): Promise<void> {
    const id = `${req.carrier}:${req.trackingNo}`;
    if (this.plans.has(id)) return;
    this.plans.set(id, {
      url: req.callbackUrl,
      pushes: this.plan(req.carrier, req.trackingNo, Math.max(req.shippedAt.getTime(), this.opts.now())),
    });
  }

  verify(headers: Record<string, string | undefined>, rawBody: string): boolean {
    return verifyPush(this.opts.key, rawBody, headers[PUSH_SIGNATURE_HEADER]);
  }

  /** A body signed as the carrier signs it: tests post it by hand, forge it, replay it. */
  signed(body: Record<string, unknown> | string): { headers: Record<string, string>; body: string } {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return { headers: { 'content-type': 'application/json', [PUSH_SIGNATURE_HEADER]: signPush(this.opts.key, raw) }, body: raw };
  }

  /** The journey of a waybill shipped at `from`: deterministic per waybill number. */
  plan(carrier: CarrierCode, trackingNo: string, from: number): PlannedPush[] {
    const h = createHash('sha256').update(`${carrier}:${trackingNo}`).digest();
    let i = 0;
    const rnd = () => (h[i++ % h.length] as number) / 256;
    const exception = (h.readUInt16BE(30) % 10_000) / 10_000 < (this.opts.exceptionRate ?? 0.03);
    const hops = 2 + Math.floor(rnd() * 3);
    const route: string[] = [];
    while (route.length < hops) {
      const c = CITIES[Math.floor(rnd() * CITIES.length)] as string;
      if (!route.includes(c)) route.push(c);
    }
    const pushes: PlannedPush[] = [];
    const add = (at: number, status: PushStatus, location: string, description: string) =>
      pushes.push({ at, body: { trackingNo, carrier, status, time: new Date(at).toISOString(), location, description } });
    let t = from + 20 * MIN + Math.floor(rnd() * 60) * MIN;
    const origin = route[0] as string;
    add(t, 'picked_up', origin, `【${origin}】快递员已揽收`);
    for (const [n, city] of route.entries()) {
      t += 4 * HOUR + Math.floor(rnd() * 8) * HOUR;
      add(t, 'in_transit', city, n === 0 ? `快件已从【${city}】转运中心发出` : `快件已到达【${city}】转运中心`);
    }
    const dest = route[route.length - 1] as string;
    t += 2 * HOUR + Math.floor(rnd() * 4) * HOUR;
    if (exception) {
      add(t, 'exception', dest, `【${dest}】收件地址不详，快件滞留待处理（疑难件）`);
      return pushes;
    }
    add(t, 'out_for_delivery', dest, `【${dest}】派件员正在派件`);
    t += HOUR + Math.floor(rnd() * 3) * HOUR;
    add(t, 'delivered', dest, `【${dest}】已签收，签收人：本人`);
    return pushes;
  }

  /** Waybills with pushes still to come. */
  pending(): number {
    return [...this.plans.values()].filter((p) => p.pushes.length > 0).length;
  }

  /** Posts every push whose time has come, oldest first per waybill; returns how many the platform took. */
  async deliverDue(now = this.opts.now()): Promise<number> {
    if (!this.deliverTo) return 0;
    let taken = 0;
    for (const [id, plan] of this.plans) {
      while (plan.pushes.length > 0 && (plan.pushes[0] as PlannedPush).at <= now) {
        const s = this.signed((plan.pushes[0] as PlannedPush).body);
        const status = await this.deliverTo(plan.url, s.headers, s.body).catch(() => 0);
        if (status >= 200 && status < 300) taken++;
        else if (!(status >= 400 && status < 500 && status !== 429)) break; // the platform is away: next tick
        plan.pushes.shift();
      }
      if (plan.pushes.length === 0) this.plans.delete(id);
    }
    return taken;
  }
}
