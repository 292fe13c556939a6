/**
 * What the fake-order (刷单) detector reads about an ended session (core's `SessionOrdersReader`), composed from the
 * live and orders repositories: the session's paid orders with their signals (keyed hashes), its buyers' other orders
 * and the other orders on its IPs and addresses, from `FAKE_ORDER_HISTORY_DAYS` before its start. Supervision sees
 * only this reader, not their tables.
 */
import { FAKE_ORDER_HISTORY_DAYS, type SessionOrdersReader, type UnitOfWork } from '@livehub/core';

const DAY = 86_400_000;
/** at most this many orders are read for one session (a session with more is judged on the oldest) */
const MAX_ORDERS = 50_000;

export function sessionOrdersReader(uow: UnitOfWork): SessionOrdersReader {
  return {
    async sessionOrders(sessionId) {
      const s = await uow.read.live.findSession(sessionId);
      if (!s?.startedAt || !s.endedAt) return null;
      const historyFrom = new Date(s.startedAt.getTime() - FAKE_ORDER_HISTORY_DAYS * DAY);
      const orders = await uow.read.orders.signalOrders(sessionId, historyFrom, MAX_ORDERS);
      return { sessionId, startedAt: s.startedAt, endedAt: s.endedAt, historyFrom, orders };
    },
    async sessionOfOrder(orderId) {
      return (await uow.read.orders.findOrder(orderId))?.sessionId ?? null;
    },
  };
}
