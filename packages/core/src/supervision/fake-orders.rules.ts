/**
 * The fake-order (刷单) detector: finds rings of buyer accounts that one operator controls, placing orders on one
 * merchant to inflate a live session's sales, and leaves alone the households, offices and campuses that share an
 * address or an IP for honest reasons. Pure: orders in, flags out, no I/O — `livehub clues scan` runs it on a JSON
 * Lines file, and the supervision context will run it on the order stream.
 *
 * How it decides (docs/supervision.md, "The fake-order detector"):
 * 1. **Link** buyer accounts. Strongly, through a device or a payment account that two accounts both used — an
 *    honest household rarely shares either across many accounts. Weakly, through an IP or a delivery address, but
 *    only between orders on the same merchant that follow one another within the burst window — an IP shared all
 *    day by a campus never links orders hours apart, and never links orders on different merchants.
 * 2. **Group** the linked accounts (union–find) and look at each group's orders on each merchant it bought from.
 * 3. **Score** each (group, merchant) on what distinguishes a ring from people who merely share a network:
 *    how few devices / payment accounts / networks serve how many accounts (a network counting only as far as
 *    these accounts are all it ever served — a proxy, a drop address — not an office's or a campus's); how many
 *    accounts are new; how many orders were refunded once the live session was over; how bunched the orders are
 *    in time. A small group counts for less (a family of three is not a ring).
 * 4. **Flag** every order of a group whose score reaches the threshold, naming the rule (the link that formed the
 *    group), the cluster and the score.
 */

/** One order as the detector reads it (`livehub clues scan --orders FILE.jsonl`). Times in ms since the epoch. */
export interface ScanOrder {
  id: string;
  buyer: string;
  merchant: string;
  product: string;
  session: string | null;
  amountFen: number;
  paidAt: number;
  refundedAt: number | null;
  /** opaque hashes; null when unknown */
  device: string | null;
  ip: string | null;
  address: string | null;
  payAccount: string | null;
}

export type FakeOrderRule = 'shared_device' | 'shared_pay_account' | 'shared_ip_burst' | 'shared_address_burst';

export interface FakeOrderFlag {
  id: string;
  rule: FakeOrderRule;
  cluster: string;
  score: number;
}

/** Why a group scored what it did: each signal in [0, 1]. */
export interface FakeOrderSignals {
  /**
   * how much more the accounts share instruments than honest people do: 1 − (distinct values × what one value
   * honestly serves) ÷ accounts, for devices (one account each), payment accounts (two), and IPs and delivery
   * addresses (five, a household) — these two weighed by `exclusiveNetwork` — the highest of the four
   */
  sharedInstruments: number;
  /**
   * the share of all the orders ever placed from the group's shared IPs (or to its shared addresses) that are the
   * group's own: near 1 for a proxy or a drop address, small for an office, a campus or a mobile network
   */
  exclusiveNetwork: number;
  /**
   * accounts new here: 1 each with no order before the group's first (less a day), ½ with at most two elsewhere;
   * scaled down when the data starts less than `HISTORY_DAYS` before the group (their history is unknown)
   */
  newAccounts: number;
  /** orders refunded after their live session's last sale (½ for one refunded while the session ran) */
  refundedAfterSession: number;
  /** orders with at least `minBuyers` of the group's orders within half a burst window either side */
  bunched: number;
}

export interface FakeOrderCluster {
  id: string;
  rule: FakeOrderRule;
  merchant: string;
  score: number;
  buyers: number;
  orders: number;
  signals: FakeOrderSignals;
  /** the order ids flagged, in input order */
  orderIds: string[];
}

export interface FakeOrderOptions {
  /** orders on one merchant within this many minutes of each other are one burst (120) */
  burstMinutes: number;
  /** fewer accounts than this are never a ring (3) */
  minBuyers: number;
  /** a group scoring at least this is flagged (0.5) */
  threshold: number;
  /**
   * the time (ms) from which the input holds every order of its buyers — on the live path, the history the reader
   * loaded (30 days before the session); by default the earliest order's time (a file is known from its first line)
   */
  historyFrom?: number;
}

export const FAKE_ORDER_DEFAULTS: FakeOrderOptions = { burstMinutes: 120, minBuyers: 3, threshold: 0.5 };

/**
 * The score: `size × behaviour × (FLOOR + (1 − FLOOR) × sharedInstruments) × (0.5 + 0.5 × bunched)`, where
 * behaviour is `1 − (1 − newAccounts)(1 − refundedAfterSession)`. Both halves are needed: sharing without the
 * behaviour (an office's address, a campus's IP, a family's tablet) scores 0, and the behaviour without sharing
 * (a popular session full of first-time buyers) at most FLOOR.
 */
export const FAKE_ORDER_WEIGHTS = { floor: 0.3 } as const;

const HOUR_MS = 3_600_000;
/** how many days of data before a group make its accounts' newness certain (less counts in proportion) */
export const HISTORY_DAYS = 7;

/** Union–find over 0..n−1 with path halving and union by size. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    let i = x;
    while (p[i] !== i) {
      const up = p[p[i] as number] as number;
      p[i] = up;
      i = up;
    }
    return i;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
  }
}

/** The size discount: 0.7 for three accounts, rising to 1 at six. */
export function sizeFactor(buyers: number): number {
  return 0.6 + 0.4 * Math.min(1, Math.max(0, buyers - 2) / 4);
}

/** The score of a group's signals, discounted by its size, rounded to 3 decimals. */
export function fakeOrderScore(signals: FakeOrderSignals, buyers: number): number {
  const behaviour = 1 - (1 - signals.newAccounts) * (1 - signals.refundedAfterSession);
  const sharing = FAKE_ORDER_WEIGHTS.floor + (1 - FAKE_ORDER_WEIGHTS.floor) * signals.sharedInstruments;
  return Math.round(sizeFactor(buyers) * behaviour * sharing * (0.5 + 0.5 * signals.bunched) * 1000) / 1000;
}

interface Facts {
  orders: readonly ScanOrder[];
  buyerOf: Int32Array;
  /** per buyer: its order indices, by time */
  ordersOfBuyer: number[][];
  /** per session: the time of its last sale */
  sessionEnd: Map<string, number>;
  /** the earliest order's time: before it, nobody's history is known */
  since: number;
  /** how many orders in all used each IP and each delivery address */
  useOfIp: Map<string, number>;
  useOfAddress: Map<string, number>;
}

function indexFacts(orders: readonly ScanOrder[]): Facts {
  const buyerIdx = new Map<string, number>();
  const buyerOf = new Int32Array(orders.length);
  const ordersOfBuyer: number[][] = [];
  const sessionEnd = new Map<string, number>();
  let since = Number.POSITIVE_INFINITY;
  const useOfIp = new Map<string, number>();
  const useOfAddress = new Map<string, number>();
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as ScanOrder;
    if (o.paidAt < since) since = o.paidAt;
    if (o.ip !== null) useOfIp.set(o.ip, (useOfIp.get(o.ip) ?? 0) + 1);
    if (o.address !== null) useOfAddress.set(o.address, (useOfAddress.get(o.address) ?? 0) + 1);
    let b = buyerIdx.get(o.buyer);
    if (b === undefined) {
      b = ordersOfBuyer.length;
      buyerIdx.set(o.buyer, b);
      ordersOfBuyer.push([]);
    }
    buyerOf[i] = b;
    (ordersOfBuyer[b] as number[]).push(i);
    if (o.session !== null) sessionEnd.set(o.session, Math.max(sessionEnd.get(o.session) ?? 0, o.paidAt));
  }
  for (const list of ordersOfBuyer) list.sort((a, b) => (orders[a] as ScanOrder).paidAt - (orders[b] as ScanOrder).paidAt);
  return { orders, buyerOf, ordersOfBuyer, sessionEnd, since, useOfIp, useOfAddress };
}

/**
 * How much more the accounts share one kind of instrument than honest people would: 1 − (distinct values ×
 * `perValue`) ÷ accounts, at least 0. `perValue` is how many accounts one value honestly serves — a phone one
 * account, a payment account a couple, a delivery address a household. Unknown values count as distinct.
 */
function sharing(values: Array<string | null>, buyers: number, perValue: number): number {
  const seen = new Set<string>();
  let unknown = 0;
  for (const v of values) {
    if (v === null) unknown++;
    else seen.add(v);
  }
  return Math.max(0, 1 - Math.min(buyers, (seen.size + unknown) * perValue) / buyers);
}

/** How many accounts one device, payment account or delivery address honestly serves. */
export const HONEST_SHARING = { device: 1, payAccount: 2, ip: 5, address: 5 } as const;

/** The signals of one group's orders on one merchant. `idx` is sorted by time. */
function groupSignals(
  facts: Facts,
  idx: readonly number[],
  burstMinutes: number,
  minBuyers: number,
): { signals: FakeOrderSignals; buyers: number } {
  const { orders, buyerOf, ordersOfBuyer, sessionEnd, since, useOfIp, useOfAddress } = facts;
  const first = orders[idx[0] as number] as ScanOrder;
  const merchant = first.merchant;
  const start = first.paidAt;
  const buyerSet = new Set<number>();
  for (const i of idx) buyerSet.add(buyerOf[i] as number);
  const buyers = buyerSet.size;

  // one instrument per account at most: the first device / payment account each account used here
  const devices: Array<string | null> = [];
  const pays: Array<string | null> = [];
  const ips: Array<string | null> = [];
  const addresses: Array<string | null> = [];
  const seenBuyer = new Set<number>();
  const groupUseOfIp = new Map<string, number>();
  const groupUseOfAddress = new Map<string, number>();
  for (const i of idx) {
    const o = orders[i] as ScanOrder;
    if (o.ip !== null) groupUseOfIp.set(o.ip, (groupUseOfIp.get(o.ip) ?? 0) + 1);
    if (o.address !== null) groupUseOfAddress.set(o.address, (groupUseOfAddress.get(o.address) ?? 0) + 1);
    const b = buyerOf[i] as number;
    if (seenBuyer.has(b)) continue;
    seenBuyer.add(b);
    devices.push(o.device);
    pays.push(o.payAccount);
    ips.push(o.ip);
    addresses.push(o.address);
  }
  // a network's share of its whole life spent by these accounts: ~1 for a proxy or a drop address (whichever
  // session the ring was boosting), small for an office, a campus or a mobile network
  const exclusive = (key: 'ip' | 'address', group: Map<string, number>, all: Map<string, number>) => {
    let mine = 0;
    let total = 0;
    for (const [v, n] of group) {
      if (n < 2) continue;
      total += all.get(v) ?? n;
      for (const b of buyerSet) for (const i of ordersOfBuyer[b] as number[]) if ((orders[i] as ScanOrder)[key] === v) mine++;
    }
    return total === 0 ? 0 : Math.min(1, mine / total);
  };
  const exclusiveIp = exclusive('ip', groupUseOfIp, useOfIp);
  const exclusiveAddress = exclusive('address', groupUseOfAddress, useOfAddress);
  const sharedInstruments = Math.max(
    sharing(devices, buyers, HONEST_SHARING.device),
    sharing(pays, buyers, HONEST_SHARING.payAccount),
    exclusiveIp * sharing(ips, buyers, HONEST_SHARING.ip),
    exclusiveAddress * sharing(addresses, buyers, HONEST_SHARING.address),
  );

  // an account is only known to be new if the data reaches back far enough before the group's first order
  const known = Math.min(1, Math.max(0, start - since) / (HISTORY_DAYS * 24 * HOUR_MS));
  let fresh = 0;
  for (const b of buyerSet) {
    const mine = ordersOfBuyer[b] as number[];
    const earliest = orders[mine[0] as number] as ScanOrder;
    if (earliest.paidAt >= start - 24 * HOUR_MS) {
      fresh += 1;
      continue;
    }
    let elsewhere = 0;
    for (const i of mine) if ((orders[i] as ScanOrder).merchant !== merchant) elsewhere++;
    if (elsewhere <= 2) fresh += 0.5;
  }

  let refunded = 0;
  for (const i of idx) {
    const o = orders[i] as ScanOrder;
    if (o.refundedAt === null) continue;
    const end = o.session === null ? undefined : sessionEnd.get(o.session);
    refunded += end === undefined || o.refundedAt >= end ? 1 : 0.5;
  }

  // bunched: at least `minBuyers` of the group's orders within half a window either side (two pointers)
  const half = (burstMinutes * 60_000) / 2;
  let bunched = 0;
  for (let k = 0, lo = 0, hi = 0; k < idx.length; k++) {
    const t = (orders[idx[k] as number] as ScanOrder).paidAt;
    while ((orders[idx[lo] as number] as ScanOrder).paidAt < t - half) lo++;
    while (hi + 1 < idx.length && (orders[idx[hi + 1] as number] as ScanOrder).paidAt <= t + half) hi++;
    if (hi - lo + 1 >= minBuyers) bunched++;
  }

  return {
    buyers,
    signals: {
      sharedInstruments,
      newAccounts: (known * fresh) / buyers,
      refundedAfterSession: refunded / idx.length,
      bunched: bunched / idx.length,
      exclusiveNetwork: Math.max(exclusiveIp, exclusiveAddress),
    },
  };
}

/**
 * Finds fake-order rings in `orders` (any order; ids unique). Returns the flagged orders (in input order) and the
 * clusters they belong to with their signals, so a clue can show why.
 */
export function detectFakeOrders(
  orders: readonly ScanOrder[],
  options: Partial<FakeOrderOptions> = {},
): { flags: FakeOrderFlag[]; clusters: FakeOrderCluster[] } {
  const opts = { ...FAKE_ORDER_DEFAULTS, ...options };
  const facts = indexFacts(orders);
  if (opts.historyFrom !== undefined) facts.since = Math.min(facts.since, opts.historyFrom);
  const buyerCount = facts.ordersOfBuyer.length;
  const byTime = (a: number, b: number) => (orders[a] as ScanOrder).paidAt - (orders[b] as ScanOrder).paidAt;
  const flagged = new Map<number, { cluster: number; rule: FakeOrderRule; score: number }>();
  const found: Array<Omit<FakeOrderCluster, 'id' | 'orderIds'> & { idx: number[] }> = [];

  const evaluate = (groups: Map<string, number[]>, ruleOf: (idx: number[]) => FakeOrderRule) => {
    for (const idx of groups.values()) {
      idx.sort(byTime);
      const { signals, buyers } = groupSignals(facts, idx, opts.burstMinutes, opts.minBuyers);
      if (buyers < opts.minBuyers) continue;
      const score = fakeOrderScore(signals, buyers);
      if (score < opts.threshold) continue;
      const cluster = found.length;
      const rule = ruleOf(idx);
      found.push({ rule, merchant: (orders[idx[0] as number] as ScanOrder).merchant, score, buyers, orders: idx.length, signals, idx });
      for (const i of idx) flagged.set(i, { cluster, rule, score });
    }
  };

  // 1. strong links: a device or a payment account used by two accounts
  const strong = new DisjointSets(buyerCount);
  const firstBuyerOf = (key: 'device' | 'payAccount') => {
    const seen = new Map<string, number>();
    for (let i = 0; i < orders.length; i++) {
      const v = (orders[i] as ScanOrder)[key];
      if (v === null) continue;
      const b = facts.buyerOf[i] as number;
      const other = seen.get(v);
      if (other === undefined) seen.set(v, b);
      else strong.union(other, b);
    }
  };
  firstBuyerOf('device');
  firstBuyerOf('payAccount');
  const strongGroups = new Map<string, number[]>();
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as ScanOrder;
    const key = `${strong.find(facts.buyerOf[i] as number)}\u0000${o.merchant}`;
    const list = strongGroups.get(key);
    if (list) list.push(i);
    else strongGroups.set(key, [i]);
  }
  for (const [key, idx] of strongGroups) if (idx.length < opts.minBuyers) strongGroups.delete(key);
  evaluate(strongGroups, (idx) => {
    const devices = new Set(idx.map((i) => (orders[i] as ScanOrder).device));
    const pays = new Set(idx.map((i) => (orders[i] as ScanOrder).payAccount));
    return devices.size <= pays.size ? 'shared_device' : 'shared_pay_account';
  });

  // 2. weak links, for what is not flagged yet: an IP or an address shared by consecutive orders on one merchant
  const weak = new DisjointSets(orders.length);
  const viaIp = new Uint8Array(orders.length);
  const chain = (key: 'ip' | 'address') => {
    const runs = new Map<string, number[]>();
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i] as ScanOrder;
      const v = o[key];
      if (v === null || flagged.has(i)) continue;
      const k = `${v}\u0000${o.merchant}`;
      const list = runs.get(k);
      if (list) list.push(i);
      else runs.set(k, [i]);
    }
    const window = opts.burstMinutes * 60_000;
    for (const list of runs.values()) {
      if (list.length < 2) continue;
      list.sort(byTime);
      for (let j = 1; j < list.length; j++) {
        const a = list[j - 1] as number;
        const b = list[j] as number;
        if ((orders[b] as ScanOrder).paidAt - (orders[a] as ScanOrder).paidAt > window) continue;
        weak.union(a, b);
        if (key === 'ip') {
          viaIp[a] = 1;
          viaIp[b] = 1;
        }
      }
    }
  };
  chain('ip');
  chain('address');
  const weakGroups = new Map<string, number[]>();
  for (let i = 0; i < orders.length; i++) {
    if (flagged.has(i)) continue;
    const key = String(weak.find(i));
    const list = weakGroups.get(key);
    if (list) list.push(i);
    else weakGroups.set(key, [i]);
  }
  for (const [key, idx] of weakGroups) if (idx.length < opts.minBuyers) weakGroups.delete(key);
  evaluate(weakGroups, (idx) => {
    const ipLinked = idx.reduce((n, i) => n + (viaIp[i] as number), 0);
    return ipLinked * 2 >= idx.length ? 'shared_ip_burst' : 'shared_address_burst';
  });

  // clusters named in the order of their first order
  const order = found
    .map((_, k) => k)
    .sort((a, b) => byTime((found[a] as { idx: number[] }).idx[0] as number, (found[b] as { idx: number[] }).idx[0] as number));
  const name = new Map<number, string>();
  for (const [n, k] of order.entries()) name.set(k, `ring-${String(n + 1).padStart(3, '0')}`);
  const flags: FakeOrderFlag[] = [];
  for (let i = 0; i < orders.length; i++) {
    const f = flagged.get(i);
    if (f) flags.push({ id: (orders[i] as ScanOrder).id, rule: f.rule, cluster: name.get(f.cluster) as string, score: f.score });
  }
  const clusters: FakeOrderCluster[] = order.map((k) => {
    const { idx, ...rest } = found[k] as (typeof found)[number];
    return { id: name.get(k) as string, ...rest, orderIds: [...idx].sort((a, b) => a - b).map((i) => (orders[i] as ScanOrder).id) };
  });
  return { flags, clusters };
}

export type ScanOrderParse = { ok: true; order: ScanOrder } | { ok: false; field: string; error: string };

const OPTIONAL_HASHES = ['device', 'ip', 'address', 'payAccount'] as const;

/**
 * Reads one order of the scan format from a parsed JSON value, naming the first field that is wrong.
 * `{"id","buyer","merchant","product","session","amountFen","paidAt","refundedAt","device","ip","address","payAccount"}`.
 */
export function parseScanOrder(v: unknown): ScanOrderParse {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, field: '', error: 'expected a JSON object' };
  const o = v as Record<string, unknown>;
  const bad = (field: string, error: string): ScanOrderParse => ({ ok: false, field, error: `${field}: ${error}` });
  if (!((typeof o.id === 'string' && o.id !== '') || (typeof o.id === 'number' && Number.isFinite(o.id)))) {
    return bad('id', 'expected a non-empty string');
  }
  for (const f of ['buyer', 'merchant', 'product'] as const) {
    if (typeof o[f] !== 'string' || o[f] === '') return bad(f, 'expected a non-empty string');
  }
  if (o.session !== undefined && o.session !== null && typeof o.session !== 'string') return bad('session', 'expected a string or null');
  if (typeof o.amountFen !== 'number' || !Number.isSafeInteger(o.amountFen) || o.amountFen < 0) {
    return bad('amountFen', 'expected a whole number of fen, 0 or more');
  }
  const time = (f: 'paidAt' | 'refundedAt'): number | null | undefined => {
    const t = o[f];
    if (typeof t !== 'string') return undefined;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
  };
  const paidAt = time('paidAt');
  if (paidAt === undefined || paidAt === null) return bad('paidAt', 'expected an ISO 8601 time');
  let refundedAt: number | null = null;
  if (o.refundedAt !== undefined && o.refundedAt !== null) {
    const r = time('refundedAt');
    if (r === undefined || r === null) return bad('refundedAt', 'expected an ISO 8601 time or null');
    if (r < paidAt) return bad('refundedAt', 'is before paidAt');
    refundedAt = r;
  }
  const hashes: Partial<Record<(typeof OPTIONAL_HASHES)[number], string | null>> = {};
  for (const f of OPTIONAL_HASHES) {
    const h = o[f];
    if (h !== undefined && h !== null && typeof h !== 'string') return bad(f, 'expected a string or null');
    hashes[f] = typeof h === 'string' && h !== '' ? h : null;
  }
  return {
    ok: true,
    order: {
      id: String(o.id),
      buyer: o.buyer as string,
      merchant: o.merchant as string,
      product: o.product as string,
      session: typeof o.session === 'string' && o.session !== '' ? o.session : null,
      amountFen: o.amountFen,
      paidAt,
      refundedAt,
      device: hashes.device ?? null,
      ip: hashes.ip ?? null,
      address: hashes.address ?? null,
      payAccount: hashes.payAccount ?? null,
    },
  };
}
