/**
 * Test helpers that wait or check across the platform: `until` reads `f` again every `everyMs` until `ok` holds or
 * `ms` have passed (then it returns the last value, for the test's own expectation to judge), and
 * `expectLedgerBalanced` asserts the ledger verifies with every entry balanced and no account drifted.
 */
import { expect } from 'vitest';
import type { Container } from '../container.ts';

export async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 8000, everyMs = 50): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function expectLedgerBalanced(c: Container): Promise<void> {
  const v = await c.ledger.verify();
  expect({ ok: v.ok, balanceTotal: v.balanceTotal, unbalanced: v.unbalancedEntries.length, drifted: v.driftedAccounts.length }).toEqual({
    ok: true,
    balanceTotal: 0,
    unbalanced: 0,
    drifted: 0,
  });
}
