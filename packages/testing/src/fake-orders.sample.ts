/**
 * A labelled month of orders for the fake-order (刷单) detector: an honest district — households sharing an
 * address and a home network (some sharing a payment account or a tablet), offices and campuses behind one IP,
 * mobile networks whose carrier-grade NAT puts strangers on one IP, popular flash sales, campus flash sales and
 * office group buys where many people buy one product within minutes — with planted rings of four kinds:
 *
 * - `device_farm`: a phone farm, many accounts on a few devices, refunded once the session is over;
 * - `pay_ring`: accounts on their own (emulated) devices paying with a few shared payment accounts;
 * - `proxy_ring`: accounts on emulators with their own payment accounts behind one or two proxy IPs, refunded;
 * - `drop_address`: accounts shipping empty parcels (空包) to one or two drop addresses, never refunded.
 *
 * Some ring accounts are "raised" (养号) with a few honest-looking orders elsewhere first. Only a ring's orders on
 * the merchant it boosts are labelled fake. Deterministic for a seed, so a measurement can be repeated.
 */
import { mulberry32 } from '@livehub/matching';

export interface SampleOrder {
  id: string;
  buyer: string;
  merchant: string;
  product: string;
  session: string | null;
  amountFen: number;
  paidAt: string;
  refundedAt: string | null;
  device: string | null;
  ip: string | null;
  address: string | null;
  payAccount: string | null;
}

export type HonestKind =
  | 'everyday'
  | 'household'
  | 'office'
  | 'campus'
  | 'flash_sale'
  | 'campus_flash_sale'
  | 'office_group_buy'
  | 'raising';
export type RingKind = 'device_farm' | 'pay_ring' | 'proxy_ring' | 'drop_address';

export interface FakeOrderSample {
  orders: SampleOrder[];
  /** order id → the ring kind it belongs to (fake orders only) */
  fake: Map<string, RingKind>;
  /** order id → what honest pattern produced it (everything else) */
  honest: Map<string, HonestKind>;
}

export interface SampleOptions {
  seed: number;
  buyers: number;
  days: number;
  /** planted rings, cycling through the four kinds */
  rings: number;
}

const DAY = 86_400_000;
const MIN = 60_000;

export function fakeOrderSample(options: Partial<SampleOptions> = {}): FakeOrderSample {
  const o: SampleOptions = { seed: 42, buyers: 20_000, days: 30, rings: 0, ...options };
  const rings = options.rings ?? Math.max(8, Math.round(o.buyers / 500));
  const rnd = mulberry32(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let serial = 0;
  const hash = (prefix: string) => `${prefix}${(++serial).toString(36)}${Math.floor(rnd() * 1e9).toString(36)}`;
  const poisson = (lambda: number) => {
    let k = 0;
    let p = Math.exp(-lambda);
    let s = p;
    const u = rnd();
    while (u > s && k < 50) {
      k++;
      p *= lambda / k;
      s += p;
    }
    return k;
  };
  const start = Date.UTC(2026, 9, 1, 0, 0, 0);

  // merchants, products, sessions (most merchants go live most evenings, 2–3 hours)
  const merchantCount = Math.max(20, Math.round(o.buyers / 250));
  interface Merchant {
    id: string;
    weight: number;
    products: Array<{ id: string; priceFen: number }>;
    sessions: Array<{ id: string; day: number; start: number; end: number } | null>;
  }
  const merchants: Merchant[] = [];
  for (let m = 0; m < merchantCount; m++) {
    const id = `m${m + 1}`;
    const products = Array.from({ length: int(3, 12) }, (_, k) => ({ id: `${id}-p${k + 1}`, priceFen: int(1990, 39900) }));
    const sessions = Array.from({ length: o.days }, (_, d) => {
      if (rnd() > 0.6) return null;
      const s = start + d * DAY + int(11, 13) * 60 * MIN; // 19:00–21:00 China time
      return { id: `${id}-s${d + 1}`, day: d, start: s, end: s + int(120, 180) * MIN };
    });
    merchants.push({ id, weight: 1 / (m + 1) ** 0.9, products, sessions });
  }
  const totalWeight = merchants.reduce((n, m) => n + m.weight, 0);
  const pickMerchant = () => {
    let r = rnd() * totalWeight;
    for (const m of merchants) {
      r -= m.weight;
      if (r <= 0) return m;
    }
    return merchants[merchants.length - 1] as Merchant;
  };

  // people: households, offices, campuses, a mobile carrier's NAT pool
  interface Buyer {
    id: string;
    device: string;
    tablet: string | null;
    pay: string;
    homeIp: string;
    address: string;
    office: { ip: string; address: string } | null;
    campus: { ips: string[] } | null;
    joinDay: number;
    rate: number;
    kind: HonestKind;
  }
  const mobilePool = Array.from({ length: Math.max(50, Math.round(o.buyers / 20)) }, () => hash('ip'));
  const offices = Array.from({ length: Math.max(3, Math.round(o.buyers / 150)) }, () => ({ ip: hash('ip'), address: hash('addr') }));
  const campuses = Array.from({ length: Math.max(2, Math.round(o.buyers / 6000)) }, () => ({ ips: [hash('ip'), hash('ip')] }));
  const buyers: Buyer[] = [];
  while (buyers.length < o.buyers) {
    const r = rnd();
    const size = r < 0.5 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 3 : int(4, 5);
    const student = size === 1 && rnd() < 0.16;
    const address = hash('addr');
    const homeIp = hash('ip');
    const familyPay = size >= 2 && rnd() < 0.2 ? hash('pay') : null;
    const tablet = size >= 2 && rnd() < 0.1 ? hash('dev') : null;
    const dorm = student ? hash('addr') : null;
    for (let k = 0; k < size && buyers.length < o.buyers; k++) {
      const campus = student ? pick(campuses) : null;
      buyers.push({
        id: hash('u'),
        device: hash('dev'),
        tablet: tablet && k < 2 ? tablet : null,
        pay: familyPay && k < 2 ? familyPay : hash('pay'),
        homeIp,
        address: dorm ?? address,
        office: !student && rnd() < 0.4 ? pick(offices) : null,
        campus,
        joinDay: rnd() < 0.9 ? 0 : int(1, o.days - 1),
        rate: Math.exp(Math.log(0.12) + 0.8 * (rnd() * 2 - 1)),
        kind: student ? 'campus' : size > 1 ? 'household' : 'everyday',
      });
    }
  }

  const orders: SampleOrder[] = [];
  const fake = new Map<string, RingKind>();
  const honest = new Map<string, HonestKind>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const place = (
    b: { id: string },
    m: Merchant,
    session: Merchant['sessions'][number],
    at: number,
    product: { id: string; priceFen: number },
    net: { device: string; ip: string; address: string; pay: string },
    refundAt: number | null,
  ) => {
    const id = `o${orders.length + 1}`;
    orders.push({
      id,
      buyer: b.id,
      merchant: m.id,
      product: product.id,
      session: session?.id ?? null,
      amountFen: product.priceFen * (rnd() < 0.85 ? 1 : 2),
      paidAt: iso(at),
      refundedAt: refundAt === null ? null : iso(refundAt),
      device: net.device,
      ip: net.ip,
      address: net.address,
      payAccount: net.pay,
    });
    return id;
  };
  const honestNet = (b: Buyer, at: number) => {
    const hourOfDay = new Date(at + 8 * 60 * MIN).getUTCHours();
    const weekday = new Date(at + 8 * 60 * MIN).getUTCDay() % 6 !== 0;
    const u = rnd();
    let ip = b.homeIp;
    let address = b.address;
    if (b.campus) ip = u < 0.7 ? pick(b.campus.ips) : pick(mobilePool);
    else if (b.office && weekday && hourOfDay >= 9 && hourOfDay < 18 && u < 0.7) {
      ip = b.office.ip;
      if (rnd() < 0.3) address = b.office.address;
    } else if (u < 0.35) ip = pick(mobilePool);
    return { device: b.tablet && rnd() < 0.3 ? b.tablet : b.device, ip, address, pay: b.pay };
  };
  const honestRefund = (at: number) => (rnd() < 0.08 ? at + int(1, 10) * DAY : null);

  // everyday orders, mostly during the merchant's live session of the day
  for (const b of buyers) {
    for (let d = b.joinDay; d < o.days; d++) {
      const n = poisson(b.rate);
      for (let k = 0; k < n; k++) {
        const m = pickMerchant();
        const s = m.sessions[d] ?? null;
        const live = s !== null && rnd() < 0.8;
        const at = live ? s.start + Math.floor(rnd() * (s.end - s.start)) : start + d * DAY + Math.floor(rnd() * DAY);
        const product = m.products[Math.floor(rnd() ** 2 * m.products.length)] as Merchant['products'][number];
        const id = place(b, m, live ? s : null, at, product, honestNet(b, at), honestRefund(at));
        honest.set(id, b.kind === 'everyday' && b.office ? 'office' : b.kind);
      }
    }
  }

  // popular flash sales: many strangers buy one product within twenty minutes (some new to the platform)
  const liveSessions = merchants
    .slice(0, Math.max(5, Math.round(merchantCount / 10)))
    .flatMap((m) => m.sessions.filter((s) => s !== null).map((s) => ({ m, s })));
  const flashCount = Math.max(10, Math.round(o.buyers / 400));
  for (let f = 0; f < flashCount; f++) {
    const { m, s } = pick(liveSessions);
    if (!s) continue;
    const product = pick(m.products);
    const at0 = s.start + int(10, 60) * MIN;
    const n = int(30, 120);
    for (let k = 0; k < n; k++) {
      const b = rnd() < 0.15 ? { ...pick(buyers), id: hash('u'), device: hash('dev'), pay: hash('pay') } : pick(buyers);
      const at = at0 + Math.floor(rnd() * 20 * MIN);
      honest.set(place(b, m, s, at, product, honestNet(b as Buyer, at), rnd() < 0.05 ? at + int(1, 5) * DAY : null), 'flash_sale');
    }
  }
  // campus flash sales: a campus buys one product within half an hour behind its two IPs, many students new
  const students = buyers.filter((b) => b.campus !== null);
  for (let f = 0; f < Math.max(2, Math.round(flashCount / 5)); f++) {
    const campus = pick(campuses);
    const mine = students.filter((b) => b.campus === campus);
    if (mine.length < 10) continue;
    const { m, s } = pick(liveSessions);
    if (!s) continue;
    const product = pick(m.products);
    const at0 = s.start + int(5, 60) * MIN;
    for (let k = 0, n = Math.min(mine.length, int(30, 90)); k < n; k++) {
      const b = pick(mine);
      const at = at0 + Math.floor(rnd() * 30 * MIN);
      const net = { device: b.device, ip: pick(campus.ips), address: b.address, pay: b.pay };
      honest.set(place(b, m, s, at, product, net, rnd() < 0.05 ? at + int(1, 5) * DAY : null), 'campus_flash_sale');
    }
  }
  // office group buys (团购): colleagues buy one product in an hour, delivered to the office
  for (let f = 0; f < Math.max(3, Math.round(flashCount / 3)); f++) {
    const office = pick(offices);
    const colleagues = buyers.filter((b) => b.office === office);
    if (colleagues.length < 5) continue;
    const m = pickMerchant();
    const d = int(0, o.days - 1);
    const s = m.sessions[d] ?? null;
    const product = pick(m.products);
    const at0 = start + d * DAY + int(2, 8) * 60 * MIN; // working hours, China time
    for (let k = 0, n = Math.min(colleagues.length, int(8, 25)); k < n; k++) {
      const b = pick(colleagues);
      const at = at0 + Math.floor(rnd() * 60 * MIN);
      const net = { device: b.device, ip: office.ip, address: office.address, pay: b.pay };
      honest.set(place(b, m, s && at >= s.start && at <= s.end ? s : null, at, product, net, honestRefund(at)), 'office_group_buy');
    }
  }

  // rings
  const kinds: RingKind[] = ['device_farm', 'pay_ring', 'proxy_ring', 'drop_address'];
  for (let r = 0; r < rings; r++) {
    const kind = kinds[r % kinds.length] as RingKind;
    const accounts = int(8, 40);
    const m = merchants[int(Math.floor(merchantCount / 4), merchantCount - 1)] as Merchant;
    const targets = m.sessions.filter((s) => s !== null).slice(-int(1, 3));
    const devices = Array.from({ length: Math.ceil(accounts / int(5, 10)) }, () => hash('dev'));
    const pays = Array.from({ length: int(1, 3) }, () => hash('pay'));
    const proxies = Array.from({ length: int(1, 2) }, () => hash('ip'));
    const drops = Array.from({ length: int(1, 2) }, () => hash('addr'));
    const refundShare = { device_farm: 0.7, pay_ring: 0.5, proxy_ring: 0.8, drop_address: 0 }[kind];
    const products = m.products.slice(0, int(1, 2));
    const members = Array.from({ length: accounts }, () => ({
      id: hash('u'),
      device: kind === 'device_farm' ? pick(devices) : hash('dev'),
      pay: kind === 'pay_ring' ? pick(pays) : kind === 'device_farm' && rnd() < 0.5 ? pick(pays) : hash('pay'),
      address: kind === 'drop_address' ? pick(drops) : kind === 'device_farm' && rnd() < 0.5 ? pick(drops) : hash('addr'),
    }));
    const netOf = (a: (typeof members)[number]) => ({
      device: a.device,
      ip: kind === 'proxy_ring' || kind === 'device_farm' ? pick(proxies) : pick(mobilePool),
      address: a.address,
      pay: a.pay,
    });
    const firstTarget = targets[0]?.start ?? start + (o.days - 1) * DAY;
    for (const a of members) {
      // 养号: some accounts get a few honest-looking orders elsewhere first
      if (rnd() < 0.4) {
        for (let k = int(1, 3); k > 0; k--) {
          const other = pickMerchant();
          const at = firstTarget - int(3, 20) * DAY + int(0, 600) * MIN;
          honest.set(place(a, other, null, at, pick(other.products), netOf(a), null), 'raising');
        }
      }
    }
    for (const s of targets) {
      if (!s) continue;
      const at0 = s.start + int(5, 40) * MIN;
      for (const a of members) {
        for (let k = rnd() < 0.2 ? 2 : 1; k > 0; k--) {
          const at = at0 + Math.floor(rnd() * int(15, 60) * MIN);
          const refund = rnd() < refundShare ? s.end + int(1, 24) * 60 * MIN : null;
          fake.set(place(a, m, s, at, pick(products), netOf(a), refund), kind);
        }
      }
    }
  }

  orders.sort((a, b) => (a.paidAt < b.paidAt ? -1 : a.paidAt > b.paidAt ? 1 : 0));
  return { orders, fake, honest };
}
