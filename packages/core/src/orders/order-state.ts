/**
 * The order lifecycle as one table: every status change goes through `nextStatus`, so no code path can reach a
 * transition the table does not list (a property test walks random event sequences through it).
 *
 *   created ──pay──▶ paid ──ship──▶ shipped ──deliver──▶ delivered ──complete──▶ completed
 *      │               │                                    │
 *      └─cancel/expire─┴──refund_all (before shipping)──▶   └──refund_all (every line returned)──▶ refunded
 *        ▼
 *    cancelled
 */
import type { OrderStatus } from '@livehub/contracts';

export const ORDER_EVENTS = ['pay', 'cancel', 'expire', 'ship', 'deliver', 'complete', 'refund_all'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

const TABLE: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  created: { pay: 'paid', cancel: 'cancelled', expire: 'cancelled' },
  paid: { ship: 'shipped', refund_all: 'refunded' },
  shipped: { deliver: 'delivered' },
  delivered: { complete: 'completed', refund_all: 'refunded' },
  completed: {},
  cancelled: {},
  refunded: {},
};

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['completed', 'cancelled', 'refunded']);

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(status: OrderStatus, event: OrderEvent): OrderStatus | null {
  return TABLE[status][event] ?? null;
}

/** Every (from, event, to) the table allows, for documentation and tests. */
export function allowedTransitions(): Array<{ from: OrderStatus; event: OrderEvent; to: OrderStatus }> {
  return (Object.entries(TABLE) as Array<[OrderStatus, Partial<Record<OrderEvent, OrderStatus>>]>).flatMap(([from, evs]) =>
    (Object.entries(evs) as Array<[OrderEvent, OrderStatus]>).map(([event, to]) => ({ from, event, to })),
  );
}
