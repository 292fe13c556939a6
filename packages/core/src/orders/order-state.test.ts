/**
 * The order state table against an independent statement of the lifecycle: every (status, event) pair answers
 * exactly what the lifecycle allows, random event sequences never reach a status outside it, terminal statuses
 * accept nothing, and every status is reachable from `created`.
 */
import { ORDER_STATUSES, type OrderStatus } from '@livehub/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTransitions, nextStatus, ORDER_EVENTS, type OrderEvent, TERMINAL_STATUSES } from './order-state.ts';

/** The lifecycle as the issue and consumer law describe it, written out edge by edge. */
const LEGAL = new Set([
  'created -pay-> paid',
  'created -cancel-> cancelled',
  'created -expire-> cancelled',
  'paid -ship-> shipped',
  'paid -refund_all-> refunded',
  'shipped -deliver-> delivered',
  'delivered -complete-> completed',
  'delivered -refund_all-> refunded',
]);

describe('order state machine', () => {
  it('allows exactly the lifecycle’s edges', () => {
    for (const s of ORDER_STATUSES)
      for (const e of ORDER_EVENTS) {
        const to = nextStatus(s, e);
        expect(to === null ? false : LEGAL.has(`${s} -${e}-> ${to}`), `${s} -${e}->`).toBe(
          [...LEGAL].some((l) => l.startsWith(`${s} -${e}->`)),
        );
      }
    expect(allowedTransitions()).toHaveLength(LEGAL.size);
  });

  it('never reaches an illegal status on any sequence of events, and terminal statuses are final', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_EVENTS), { maxLength: 30 }), (events: OrderEvent[]) => {
        let s: OrderStatus = 'created';
        const seen: OrderStatus[] = [s];
        for (const e of events) {
          const to = nextStatus(s, e);
          if (to === null) continue;
          expect(LEGAL.has(`${s} -${e}-> ${to}`)).toBe(true);
          expect(TERMINAL_STATUSES.has(s)).toBe(false);
          s = to;
          seen.push(s);
        }
        // no status is ever left and re-entered: the lifecycle only moves forward
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every status from created', () => {
    const reached = new Set<OrderStatus>(['created']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of allowedTransitions())
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort());
  });
});
