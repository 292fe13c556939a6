/**
 * Test helpers for what the outbox carries: `drainOutbox` dispatches until nothing is left to publish (the way the
 * outbox worker would, at once), and `testActor` is a hand-made actor of `role` for calling services directly.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';

export async function drainOutbox(c: Container): Promise<void> {
  for (;;) {
    const r = await c.outbox.dispatch();
    if (r.error) throw new Error(r.error);
    if (r.published === 0 && !r.pending) return;
  }
}

export function testActor(userId: string, role: Actor['role'], orgId: string | null): Actor {
  return { userId, label: `test:${role}`, orgId, membershipId: null, role, via: 'cli' };
}
