/**
 * 共享直播间 of the demo base (docs/programmes.md): three studios through the service, the coming days' bookings by
 * the demo MCN, streamer and merchant through the service (so the rules and the exclusion constraint apply), and
 * the last 30 days' bookings as history (checked in; written directly, as a booking in the past cannot be made) so
 * the utilisation chart is not empty.
 */
import type { Actor, BookingRecord } from '@livehub/core';
import type { Container } from '../container.ts';
import { type RegistrySeed, seedActor } from './seed-registry.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const week = (open: number, close: number, closedOn: number[] = []) =>
  Array.from({ length: 7 }, (_, i) => (closedOn.includes(i) ? null : { open, close }));

/** The start of a China day `offset` days from `now`'s, plus `hour` hours (China time). */
function chinaAt(now: Date, offset: number, hour: number): Date {
  const day = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + offset * DAY + hour * HOUR);
}

export async function seedProgrammes(c: Container, reg: RegistrySeed): Promise<{ studios: number; bookings: number }> {
  const base = reg.bases[0];
  const mcn = reg.mcns[0];
  const streamer = reg.streamers[0];
  const merchant = reg.merchants[0];
  if (!base || !mcn || !streamer || !merchant) return { studios: 0, bookings: 0 };
  const operator = seedActor(base.operatorUserId, base.orgId, 'base_operator', 'base');
  const studios = [
    await c.programmes.createStudio(operator, {
      name: 'A1 服饰直播间',
      equipment: ['4K 摄像机 ×2', '环形补光灯', '柔光箱 ×3', '挂衣架', '提词器'],
      openingHours: week(540, 1380),
      pricePerHourFen: 30_000,
      active: true,
    }),
    await c.programmes.createStudio(operator, {
      name: 'B2 绿幕直播间',
      equipment: ['摄像机', '绿幕', '抠像导播台', '补光灯 ×4'],
      openingHours: week(600, 1320, [0]),
      pricePerHourFen: 45_000,
      active: true,
    }),
    await c.programmes.createStudio(operator, {
      name: 'C3 农产品直播间',
      equipment: ['摄像机', '展示台', '冷藏柜'],
      openingHours: week(480, 1080),
      pricePerHourFen: 15_000,
      active: true,
    }),
  ];
  const [a1, b2, c3] = studios as [(typeof studios)[0], (typeof studios)[0], (typeof studios)[0]];
  const now = c.clock.now();
  const bookers = [
    seedActor(mcn.managerUserId, mcn.orgId, 'mcn_manager', 'mcn'),
    seedActor(streamer.userId, streamer.mcnOrgId, 'streamer', 'streamer'),
    seedActor(merchant.staffUserId, merchant.orgId, 'merchant_staff', 'merchant'),
  ] as const;
  const coming: Array<[number, (typeof studios)[0], number, number, string]> = [
    [0, a1, 1, 14, '秋冬女装上新专场'],
    [1, a1, 1, 19, '晚间直播：羊毛大衣返场'],
    [2, c3, 2, 9, '产地直发：赣南脐橙'],
    [0, b2, 3, 15, '虚拟场景带货测试'],
    [1, a1, 5, 20, '粉丝福利夜'],
  ];
  let bookings = 0;
  for (const [who, studio, offset, hour, purpose] of coming) {
    const startsAt = chinaAt(now, offset, hour);
    await c.programmes.book(bookers[who] as Actor, {
      studioId: studio.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      purpose,
    });
    bookings++;
  }
  // the last 30 days: held and checked in, for the utilisation chart
  const history: BookingRecord[] = [];
  for (let d = 1; d <= 30; d++) {
    for (const [i, studio] of studios.entries()) {
      if ((d + i) % 3 === 0) continue;
      const startsAt = chinaAt(now, -d, [10, 11, 9][i] ?? 10);
      const hours = 2 + ((d * (i + 2)) % 5);
      const b = bookers[(d + i) % 3] as Actor;
      const partyId = b.role === 'streamer' ? (b.userId as string) : (b.orgId as string);
      history.push({
        id: c.ids.next(),
        studioId: studio.id,
        baseOrgId: base.orgId,
        bookerUserId: b.userId as string,
        bookerOrgId: b.orgId,
        bookerRole: b.role as BookingRecord['bookerRole'],
        partyId,
        purpose: ['日常带货', '新品首发', '品牌专场', '助农直播'][(d + i) % 4] as string,
        startsAt,
        endsAt: new Date(startsAt.getTime() + hours * HOUR),
        status: 'checked_in',
        priceFen: studio.pricePerHourFen * hours,
        sessionId: null,
        checkedInAt: new Date(startsAt.getTime() - 10 * 60_000),
        cancelledAt: null,
        createdAt: new Date(startsAt.getTime() - 3 * DAY),
        updatedAt: startsAt,
      });
    }
  }
  await c.uow.transaction(async (tx) => {
    for (const b of history) await tx.programmes.insertBooking(b);
  });
  return { studios: studios.length, bookings: bookings + history.length };
}
