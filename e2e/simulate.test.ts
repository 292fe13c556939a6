/**
 * `livehub simulate` against a real server: the demo room the seed leaves live gets real WebSocket viewers and
 * chatters; danmaku is delivered in batches and the violating share is blocked by the gateway; purchase intents
 * become real orders for the pinned product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '@livehub/cli';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('livehub simulate', () => {
  it('fills the demo room with viewers and danmaku; violations are blocked', async () => {
    const live = await server.platform.c.uow.read.live.listSessions({ status: ['live'], limit: 10 });
    const room = live.find((s) => s.title.startsWith('盐池滩羊'));
    expect(room).toBeDefined();
    // the demo room sells: its first product is pinned, as `serve` does
    const first = (await server.platform.c.uow.read.live.listProducts(room?.id ?? ''))[0];
    await server.platform.c.rooms.pin(room?.id ?? '', first?.productId ?? '');
    const r = await simulate({
      baseUrl: server.baseUrl,
      sessionId: room?.id ?? '',
      viewers: 12,
      chatters: 6,
      chatRate: 3,
      durationS: 3,
      violations: 0.5,
      buysPerMinute: 300,
    });
    expect(r.connected).toBe(12);
    expect(r.chatSent).toBeGreaterThanOrEqual(6);
    expect(r.blocked).toBeGreaterThan(0);
    // every accepted message reaches every viewer: deliveries are a multiple of the viewers
    expect(r.chatDelivered).toBeGreaterThan(0);
    const stats = await server.platform.c.rooms.stats(room?.id ?? '');
    expect(stats.chatMessages).toBeGreaterThan(0);
    // purchase intents are real orders for the pinned product, attributed to the room
    expect(r.ordersPlaced).toBeGreaterThan(0);
    const orders = await server.platform.c.uow.read.orders.listOrders({ sessionId: room?.id ?? '', limit: 200 });
    expect(orders.filter((o) => o.status === 'created').length).toBeGreaterThanOrEqual(r.ordersPlaced);
  });
});
