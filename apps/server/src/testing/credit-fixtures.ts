/**
 * A clean credit slate for tests that count points from zero: the demo district's parties come with credit history
 * (docs/credit.md, "The demo district's credit"), so a test voids those parties' events — as an upheld appeal does,
 * the history kept — and rescores them to full marks.
 */
import type { Container } from '../container.ts';

export async function clearCredit(c: Container, partyIds: string[]): Promise<void> {
  for (const partyId of partyIds) {
    await c.uow.transaction(async (tx) => {
      const events = await tx.credit.eventsOf(partyId);
      if (events.length === 0) return;
      for (const e of events) if (!e.voidedAt) await tx.credit.voidEvent(e.id, c.clock.now(), 'test: clean slate');
      await c.credit.rescoreIn(tx, partyId, events[0]!.partyKind, 'appeal');
    });
  }
}
