/**
 * Demo district history (opt-in, `livehub seed --demo --history 30d`): a month — or any 1–90 days — of the district's
 * live commerce, told day by day on the platform's own clock moved into the past (`TimeTravel`) and through the real
 * services only: live sessions of several demo streamers (scheduled, started, ended), orders from the demo consumers
 * with the signals the web app sends (a device id, the client's IP) paid on the payment simulator with the payer's
 * wallet, some refunded before shipping, the rest shipped; complaints; speech screened in the rooms with some hits
 * confirmed by the reviewer. The outbox is drained at the end of each day, so the clue detectors and the statistics
 * rollups ingest everything as it happened — no row of clues or statistics is written by the seed.
 *
 * Planted, so the clue queue has its typical work: a fake-order ring (刷单: six fresh accounts on two phones, one
 * wallet and one proxy buying in a burst, refunded after the session) raising 疑似刷单; a streamer whose violations
 * the reviewer confirms three times within the month (屡次违规); five complaints within a week against one merchant
 * (投诉激增). Deterministic: every choice comes from a seeded generator, so two runs give the same shape (the same
 * sessions, orders, buyers and clues; only ids and the real date differ).
 */
import type { Actor } from '@livehub/core';
import { cliActor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { TimeTravel } from './seed-history.ts';
import { deliverRefundsSucceeded, payOnSimulator } from './seed-payments.ts';
import { person, type RegistrySeed } from './seed-registry.ts';
import { mulberry32 } from '@livehub/matching';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** China Standard Time is UTC+8: the district's days start at 16:00 UTC the day before. */
const CST = 8 * HOUR;

/** The most days of history a seed tells (and the fewest). */
export const HISTORY_MAX_DAYS = 90;

export interface DistrictHistoryCounts {
  days: number;
  sessions: number;
  orders: number;
  refunds: number;
  complaints: number;
  screened: number;
  confirmed: number;
  ringOrders: number;
  /** who the planted clues are about: the ring's merchant, the repeat offender, the merchant of the complaint spike */
  planted: { ringMerchantOrgId: string; offenderUserId: string; spikeMerchantOrgId: string };
}

/** How many of `total` planted events fall on `day` when they are spread over the last `window` days. */
export function plantedOn(day: number, days: number, total: number, window: number): number {
  const w = Math.max(1, Math.min(window, days));
  const k = day - (days - w);
  if (k < 0) return 0;
  return Math.floor(((k + 1) * total) / w) - Math.floor((k * total) / w);
}

const REGIONS: Array<{ region: string; street: string }> = [
  { region: '上海市 嘉定区', street: '安亭镇墨玉南路' },
  { region: '上海市 徐汇区', street: '漕溪北路' },
  { region: '江苏省 苏州市', street: '工业园区星湖街' },
  { region: '浙江省 杭州市', street: '西湖区文三路' },
  { region: '四川省 成都市', street: '武侯区天府大道' },
  { region: '北京市 朝阳区', street: '望京街' },
  { region: '广东省 广州市', street: '天河区体育西路' },
];

/** What is said in a room: mostly clean, some lines the screening engine flags. */
const SPEECH: Array<{ kind: 'transcript' | 'chat' | 'overlay'; text: string; hit: boolean }> = [
  { kind: 'transcript', text: '家人们晚上好，欢迎来到直播间，今天的福利款马上上链接', hit: false },
  { kind: 'transcript', text: '这款面料我们自己穿了一个月，起球的话直接找客服退', hit: false },
  { kind: 'chat', text: '主播能讲讲尺码吗？', hit: false },
  { kind: 'chat', text: '已拍，什么时候发货', hit: false },
  { kind: 'transcript', text: '今天这个价格是全网最低价，错过再等一年', hit: true },
  { kind: 'transcript', text: '最后三单了，库存告急，抓紧下单', hit: true },
  { kind: 'chat', text: '想要的加我薇信 lily8888 私下给你便宜', hit: true },
  { kind: 'transcript', text: '这款是国家级实验室研发的，行业第一品牌', hit: true },
];
/** The planted repeat offender's line: a health claim on ordinary food, confirmed by the reviewer. */
const OFFENDER_LINE = '这个代餐粉能降血糖，喝一个月保证见效';

const COMPLAINTS = [
  { category: 'quality', description: '收到的商品有明显瑕疵，与直播间展示的不一致，要求退款。' },
  { category: 'not_as_described', description: '实物颜色和尺码与直播间讲解的完全不一样，要求退货退款。' },
  { category: 'false_advertising', description: '主播在直播间宣称的功效与实际不符，属于虚假宣传。' },
] as const;

interface Room {
  streamer: Actor;
  merchant: Actor;
  productIds: string[];
  skuIds: string[];
  title: string;
}

/**
 * Tells `days` days of the district's history ending yesterday, on `travel` (the platform's clock, put back in the
 * end whatever happens). Call it on the demo district (`seedDemo`), whose parties and products it uses.
 */
export async function seedDistrictHistory(
  c: Container,
  travel: TimeTravel,
  reg: RegistrySeed,
  days: number,
  onDay?: (done: number, total: number) => void,
): Promise<DistrictHistoryCounts> {
  if (!Number.isInteger(days) || days < 1 || days > HISTORY_MAX_DAYS)
    throw new Error(`the history is 1 to ${HISTORY_MAX_DAYS} days, not ${String(days)}`);
  const rnd = mulberry32(20_261_212);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const rooms = await openRooms(c, reg, days);
  if (rooms.length < 3) throw new Error(`seed: the demo district has ${rooms.length} streamer–merchant pairs for the history (3 needed)`);
  const buyers = await consumers(c, 6, 179);
  const ring = await consumers(c, 180, 185);
  if (buyers.length < 20) throw new Error('seed: the demo district has too few consumers for the history');
  const reviewer = person(reg.reviewerId, 'reviewer', reg.platformId);
  const source: Actor = { ...cliActor('seed'), orgId: reg.platformId };
  // the planted parties: the ring buys from the first room's merchant, the offender is the second room's streamer,
  // the complaints pile up on the third room's merchant
  const [ringRoom, offenderRoom, spikeRoom] = rooms as [Room, Room, Room];
  const ringDay = Math.max(0, days - 2);
  const counts: DistrictHistoryCounts = {
    days,
    sessions: 0,
    orders: 0,
    refunds: 0,
    complaints: 0,
    screened: 0,
    confirmed: 0,
    ringOrders: 0,
    planted: {
      ringMerchantOrgId: ringRoom.merchant.orgId ?? '',
      offenderUserId: offenderRoom.streamer.userId ?? '',
      spikeMerchantOrgId: spikeRoom.merchant.orgId ?? '',
    },
  };

  const drain = async () => {
    for (;;) {
      const r = await c.outbox.dispatch();
      if (r.error) throw new Error(`seed: the outbox failed while telling the history: ${r.error}`);
      if (r.published === 0 && !r.pending) return;
    }
  };
  // everything pending goes out on today's clock first (retries are not left waiting in the future of the past)
  await drain();
  const today = c.clock.now().getTime();
  // the start of the Chinese day `back` days ago, in UTC milliseconds
  const dayStart = (back: number) => Math.floor((today + CST) / DAY) * DAY - CST - back * DAY;
  const moveTo = (t: number) => travel.shift(t - c.clock.now().getTime());

  let eventSeq = 0;
  try {
    for (let d = 0; d < days; d++) {
      const start = dayStart(days - d);
      const offenderHits = plantedOn(d, days, 3, 3);
      const spikeComplaints = plantedOn(d, days, 5, 5);
      // the day's lineup: two to four rooms, the planted ones whenever they have something to do that day
      const lineup = new Set<Room>();
      if (offenderHits > 0) lineup.add(offenderRoom);
      if (spikeComplaints > 0) lineup.add(spikeRoom);
      if (d === ringDay) lineup.add(ringRoom);
      const want = int(2, 4);
      for (let guard = 0; lineup.size < want && guard < 20; guard++) lineup.add(pick(rooms));
      const shipments: Array<{ merchant: Actor; orderId: string }> = [];
      let slot = 0;
      for (const room of lineup) {
        // sessions from 10:00 China time, one every two hours and a half
        moveTo(start + 10 * HOUR + slot++ * 150 * MINUTE);
        const s = await c.live.schedule(room.streamer, {
          title: room.title,
          scheduledAt: c.clock.now().toISOString(),
          productIds: room.productIds,
          coHostUserIds: [],
        });
        const sessionId = s.session.id;
        await c.live.start(room.streamer, sessionId);
        counts.sessions++;
        // what is said: a few lines screened as they are spoken
        const lines = [pick(SPEECH), pick(SPEECH), pick(SPEECH)];
        for (const [i, line] of lines.entries()) {
          travel.shift(3 * MINUTE);
          await c.compliance.ingest(source, {
            eventId: `history-${d}-${++eventSeq}`,
            kind: line.kind,
            text: line.text,
            sessionRef: sessionId,
            streamerUserId: line.kind === 'chat' ? undefined : (room.streamer.userId ?? undefined),
            senderUserId:
              line.kind === 'chat' ? (buyers[(d * 7 + i) % buyers.length]?.userId ?? undefined) : (room.streamer.userId ?? undefined),
            merchantOrgId: room.merchant.orgId ?? undefined,
            occurredAt: c.clock.now(),
          });
          counts.screened++;
        }
        if (room === offenderRoom) {
          for (let k = 0; k < offenderHits; k++) {
            travel.shift(2 * MINUTE);
            const r = await c.compliance.ingest(source, {
              eventId: `history-${d}-${++eventSeq}`,
              kind: 'transcript',
              text: OFFENDER_LINE,
              sessionRef: sessionId,
              streamerUserId: room.streamer.userId ?? undefined,
              senderUserId: room.streamer.userId ?? undefined,
              merchantOrgId: room.merchant.orgId ?? undefined,
              productCategory: 'food',
              occurredAt: c.clock.now(),
            });
            counts.screened++;
            if (!r.reviewItemId) throw new Error('seed: the offender’s line was not flagged for review');
            await c.compliance.decide(reviewer, r.reviewItemId, {
              decision: 'confirm',
              reason: '普通食品宣称降血糖并保证见效，违反广告法第十七条、第二十八条',
            });
            counts.confirmed++;
          }
        }
        // orders: three to nine buyers, each with their own phone, network and wallet
        const placed: Array<{ buyer: Actor; orderId: string }> = [];
        const n = int(3, 9);
        for (let k = 0; k < n; k++) {
          travel.shift(int(1, 6) * MINUTE);
          const bi = Math.floor(rnd() * buyers.length);
          const buyer = buyers[bi] as Actor;
          const place = REGIONS[bi % REGIONS.length] as (typeof REGIONS)[number];
          const r = await c.orders.create(
            buyer,
            {
              lines: [{ skuId: pick(room.skuIds), qty: rnd() < 0.8 ? 1 : 2 }],
              address: {
                name: `用户${String(bi + 6).padStart(5, '0')}`,
                phone: `139${String(20_000_000 + bi * 131).padStart(8, '0')}`,
                region: place.region,
                detail: `${place.street} ${10 + bi} 号 ${1 + (bi % 6)} 单元 ${100 + bi} 室`,
              },
              sessionId,
            },
            undefined,
            { deviceId: `history-phone-${String(bi).padStart(4, '0')}`, ip: `100.64.${Math.floor(bi / 200)}.${(bi % 200) + 1}` },
          );
          await payOnSimulator(c, buyer, r.body.id);
          placed.push({ buyer, orderId: r.body.id });
          counts.orders++;
        }
        // the ring: in one session, six fresh accounts on two phones, one wallet and one proxy, within minutes
        const ringOrders: Array<{ buyer: Actor; orderId: string }> = [];
        if (d === ringDay && room === ringRoom) {
          for (const [k, buyer] of ring.entries()) {
            travel.shift(int(20, 90) * 1000);
            const r = await c.orders.create(
              buyer,
              {
                lines: [{ skuId: room.skuIds[0] as string, qty: 1 }],
                address: {
                  name: `收货人${k + 1}`,
                  phone: `1370001000${k}`,
                  region: '江苏省 苏州市',
                  detail: `吴中区东吴北路 ${60 + k} 号`,
                },
                sessionId,
              },
              undefined,
              { deviceId: `history-farm-phone-${(k % 2) + 1}`, ip: '203.0.113.77' },
            );
            await payOnSimulator(c, buyer, r.body.id, 'history-ring-wallet');
            ringOrders.push({ buyer, orderId: r.body.id });
            counts.ringOrders++;
          }
        }
        travel.shift(20 * MINUTE);
        await c.live.end(room.streamer, sessionId);
        // after the session: complaints against the planted merchant, now and then one against another
        const complaining = room === spikeRoom ? spikeComplaints : rnd() < 0.15 ? 1 : 0;
        const complained = new Set<string>();
        for (const o of placed.slice(0, complaining)) {
          travel.shift(5 * MINUTE);
          const order = await c.orders.get(o.buyer, o.orderId);
          const f = pick(COMPLAINTS);
          await c.complaints.filing.file(o.buyer, {
            orderId: o.orderId,
            category: f.category,
            claim: { kind: 'refund', amountFen: order.totalFen },
            description: f.description,
            evidenceDocumentIds: [],
          });
          complained.add(o.orderId);
          counts.complaints++;
        }
        // some buyers change their mind before shipping (申请退款); the rest is shipped that evening
        for (const o of placed) {
          if (complained.has(o.orderId) || rnd() >= 0.12) {
            shipments.push({ merchant: room.merchant, orderId: o.orderId });
            continue;
          }
          travel.shift(4 * MINUTE);
          await c.orders.refundUnshipped(o.buyer, o.orderId, '拍错了，不想要了');
          await deliverRefundsSucceeded(c, o.orderId);
          counts.refunds++;
        }
        // the ring asks for its money back once the session is over (the detector counts refunds after a session)
        for (const o of ringOrders) {
          travel.shift(3 * MINUTE);
          await c.orders.refundUnshipped(o.buyer, o.orderId, '不需要了');
          await deliverRefundsSucceeded(c, o.orderId);
          counts.refunds++;
        }
      }
      moveTo(start + 22 * HOUR);
      for (const s of shipments)
        await c.orders.ship(s.merchant, s.orderId, {
          carrier: '顺丰速运',
          trackingNo: `SF${s.orderId.replaceAll('-', '').slice(-10).toUpperCase()}`,
        });
      // the day's events reach the clue detectors, the statistics and the inboxes
      await drain();
      onDay?.(d + 1, days);
    }
  } finally {
    travel.reset();
  }
  await drain();
  return counts;
}

/** The demo consumers `consumer_<from>` … `consumer_<to>` (those that exist): who buys in the history. */
async function consumers(c: Container, from: number, to: number): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = from; i <= to; i++) {
    const u = await c.uow.read.users.findByUsername(`consumer_${String(i).padStart(5, '0')}`);
    if (u) out.push(person(u.id, 'consumer', null));
  }
  return out;
}

/**
 * The rooms of the history: certified human streamers without a room of their own in the demo, each with an admitted
 * merchant of their trade and a live service agreement signed (today, in force since before the history begins) on
 * up to three of its approved products — the same agreement path the selection center takes.
 */
async function openRooms(c: Container, reg: RegistrySeed, days: number): Promise<Room[]> {
  const admitted = reg.merchants.slice(0, Math.max(0, reg.merchants.length - 3));
  const n = reg.streamers.length;
  // the demo streamer (0), the lamb room's (3) and the hot-pot exclusive's (11) keep their own stories; the last three
  // are not certified; digital humans stay out
  const streamers = reg.streamers.filter((s, i) => i !== 0 && i !== 3 && i !== 11 && i < n - 3 && !s.info.virtual);
  const now = c.clock.now().getTime();
  const cstDate = (t: number) => new Date(t + CST).toISOString().slice(0, 10);
  const rooms: Room[] = [];
  const used = new Set<string>();
  for (const s of streamers) {
    const order = [...admitted.keys()].filter((i) => i !== 0);
    const topical = order.filter((i) => s.info.topics.includes(admitted[i]?.info.category ?? ''));
    const mi = [...topical, ...order].find((i) => !used.has(admitted[i]?.orgId ?? ''));
    const m = mi === undefined ? undefined : admitted[mi];
    if (!m) continue;
    const products = await c.uow.read.catalog.listProducts({ merchantOrgId: m.orgId, status: ['approved'], limit: 10 });
    // a product under an exclusive or targeted plan belongs to its partners
    const plans = await c.uow.read.selection.listPlans({ merchantOrgId: m.orgId, limit: 100 });
    const reserved = new Set(plans.filter((x) => x.type !== 'open').map((x) => x.productId));
    const chosen: Array<{ id: string; skuId: string }> = [];
    for (const p of products) {
      if (chosen.length === 3) break;
      if (reserved.has(p.id)) continue;
      const sku = (await c.uow.read.catalog.listSkus([p.id]))[0];
      if (sku) chosen.push({ id: p.id, skuId: sku.id });
    }
    if (chosen.length === 0) continue;
    const merchant = person(m.staffUserId, 'merchant_staff', m.orgId);
    const streamer = person(s.userId, 'streamer', s.mcnOrgId);
    const a = await c.agreements.create(merchant, {
      streamerUserId: s.userId,
      withMcn: false,
      terms: {
        products: chosen.map((x) => ({ productId: x.id, commissionBp: 2000 })),
        streamerShareBp: 10_000,
        slotFeeFen: 0,
        startsOn: cstDate(now - (days + 1) * DAY),
        endsOn: cstDate(now + 60 * DAY),
        obligations: ['truthful_claims', 'no_off_platform_selling', 'price_honesty', 'disclose_commercial_nature', 'keep_records_3y'],
      },
    });
    const v = a.versions[0];
    if (!v) continue;
    await c.agreements.accept(streamer, a.agreement.id, { version: 1, contentHash: v.contentHash });
    used.add(m.orgId);
    rooms.push({
      streamer,
      merchant,
      productIds: chosen.map((x) => x.id),
      skuIds: chosen.map((x) => x.skuId),
      title: `${s.info.displayName} · ${m.info.category}好物专场`,
    });
  }
  return rooms;
}
