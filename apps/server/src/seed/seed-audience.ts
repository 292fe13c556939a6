/**
 * The demo streamer's audience (观众画像, docs/matching.md): thirty demo consumers take the optional real-name
 * verification (实名认证, with consent: only the birth year and gender are kept) with varied ages and genders, keep a
 * default shipping address in a few provinces, and join the demo session's room — through the room hub, so the
 * aggregate in `match_audiences` is produced by the same code path as a real viewer's join, never inserted here.
 */
import { idNumberCheckChar, type RoomConnection } from '@livehub/core';
import type { Container } from '../container.ts';
import { person } from './seed-registry.ts';

/** The viewers: age this year and gender. Mostly women of 25–34 (a coats and skincare session); one minor. */
const VIEWERS: ReadonlyArray<readonly [number, 'female' | 'male']> = [
  ...Array.from({ length: 12 }, (_, i) => [26 + (i % 8), 'female'] as const),
  ...Array.from({ length: 2 }, (_, i) => [28 + i, 'male'] as const),
  ...Array.from({ length: 6 }, (_, i) => [19 + i, 'female'] as const),
  ...Array.from({ length: 2 }, (_, i) => [21 + i, 'male'] as const),
  ...Array.from({ length: 4 }, (_, i) => [36 + i * 2, 'female'] as const),
  [41, 'male'],
  [48, 'female'],
  [52, 'male'],
  [16, 'female'],
];

const REGIONS = ['上海市 浦东新区', '江苏省 苏州市', '浙江省 杭州市', '上海市 徐汇区', '北京市 朝阳区', '广东省 深圳市'];

/** A valid ID number of someone born in `year` (the 17th digit odd for a man, even for a woman). */
export function viewerIdNumber(i: number, year: number, gender: 'female' | 'male'): string {
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + ((i * 5) % 28)).padStart(2, '0');
  const seq = String(10 * (10 + (i % 90)) + (gender === 'female' ? 2 : 1));
  const body = `320506${year}${month}${day}${seq}`;
  return body + idNumberCheckChar(body);
}

/** Verifies the demo consumers, gives them addresses and joins them to `sessionId`; returns how many joined. */
export async function seedAudience(c: Container, sessionId: string, consumerIds: string[]): Promise<number> {
  const year = Number(new Date(c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  let joined = 0;
  for (const [i, userId] of consumerIds.slice(0, VIEWERS.length).entries()) {
    const [age, gender] = VIEWERS[i] as readonly [number, 'female' | 'male'];
    const actor = person(userId, 'consumer', null);
    // the band is the age reached this year (only the birth year is kept)
    await c.audience.verify(actor, { name: `观众${i + 1}`, idNumber: viewerIdNumber(i, year - age, gender), consent: true });
    if ((await c.uow.read.orders.listAddresses(userId)).length === 0)
      await c.orders.saveAddress(actor, {
        name: `观众${i + 1}`,
        phone: `1370001${String(1000 + i).padStart(4, '0')}`,
        region: REGIONS[i % REGIONS.length] as string,
        detail: `演示路 ${i + 1} 号`,
        isDefault: true,
      });
    const conn: RoomConnection = {
      id: `seed-viewer-${i}`,
      userId,
      name: `观众${i + 1}`,
      canManage: false,
      send: () => {},
      close: () => {},
      buffered: () => 0,
    };
    await c.rooms.join(sessionId, conn, { title: '', status: 'ended' });
    await c.rooms.leave(sessionId, conn.id);
    joined++;
  }
  await c.audience.idle();
  return joined;
}
