/**
 * Contract cases of the credit port's one-statement rescore: the first score of a party is stored as given and
 * says there was none; a score in the same tier replaces the numbers but keeps when the tier began; a score in
 * another tier says the tier it left and starts its tier anew. Recording events in a transaction takes the audit
 * chain's lock and the rescore after it reads the head, so the audit entries that follow chain without reading it
 * again — and a concurrent append waits for the transaction.
 */
import type { AuditRecord, CreditEventRecord, CreditScoreRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

function score(partyId: string, over: Partial<CreditScoreRecord> = {}): CreditScoreRecord {
  return {
    partyId,
    partyKind: 'merchant',
    totalCenti: 9_500,
    tier: 'A',
    modelVersion: 'v1',
    dimensions: [{ key: 'fulfilment', score: 95 }],
    computedAt: at(1),
    tierSince: at(1),
    ...over,
  };
}

export function creditScoreCases(db: ContractDb): void {
  it('rescore stores a score in one statement and says the tier before, keeping when an unchanged tier began', async () => {
    const r = db.r();
    const party = uuid();
    expect(await r.credit.rescore(score(party))).toBeNull();
    expect(await r.credit.score(party)).toMatchObject({ tier: 'A', totalCenti: 9_500, tierSince: at(1) });

    const same = score(party, { totalCenti: 9_100, dimensions: [{ key: 'fulfilment', score: 91 }], computedAt: at(2), tierSince: at(2) });
    expect(await r.credit.rescore(same)).toBe('A');
    expect(await r.credit.score(party)).toMatchObject({
      tier: 'A',
      totalCenti: 9_100,
      dimensions: [{ key: 'fulfilment', score: 91 }],
      computedAt: at(2),
      tierSince: at(1),
    });

    expect(await r.credit.rescore(score(party, { tier: 'C', totalCenti: 6_000, computedAt: at(3), tierSince: at(3) }))).toBe('A');
    expect(await r.credit.score(party)).toMatchObject({ tier: 'C', totalCenti: 6_000, tierSince: at(3) });
    expect(await r.credit.rescore(score(party, { tier: 'C', totalCenti: 6_100, computedAt: at(4), tierSince: at(4) }))).toBe('C');
    expect((await r.credit.score(party))?.tierSince).toEqual(at(3));
  });

  it('insertEventsReading inserts new events, skips recorded sources, and reads every event of their parties in time order', async () => {
    const r = db.r();
    const [a, b] = [uuid(), uuid()];
    const event = (partyId: string, source: string, t: number, over: Partial<CreditEventRecord> = {}): CreditEventRecord => ({
      id: uuid(),
      partyId,
      partyKind: 'streamer',
      kind: 'order.completed',
      at: at(t),
      data: { onTime: true },
      source,
      voidedAt: null,
      voidReason: null,
      recordedBy: null,
      createdAt: at(t),
      ...over,
    });
    const old = event(a, 'order:1', 5);
    const voided = event(a, 'order:2', 1, { voidedAt: at(6), voidReason: '申诉成立' });
    await r.credit.insertEvents([old, voided, event(b, 'order:9', 2)]);

    const again = event(a, 'order:1', 7);
    const fresh = event(a, 'violation:1', 3, { kind: 'violation.confirmed', data: { severity: 2, category: 'false_advertising' } });
    const { inserted, partyEvents } = await r.credit.insertEventsReading([again, fresh]);
    expect(inserted.map((e) => e.id)).toEqual([fresh.id]);
    // b is not a party of these events; a's voided event comes back with when it was voided
    expect(partyEvents.map((e) => e.id)).toEqual([voided.id, fresh.id, old.id]);
    expect(partyEvents[0]).toMatchObject({ partyId: a, partyKind: 'streamer', kind: 'order.completed', at: at(1), voidedAt: at(6) });
    expect(partyEvents[1]).toMatchObject({ data: { severity: 2, category: 'false_advertising' }, voidedAt: null });
    expect(partyEvents[2]?.data).toEqual({ onTime: true });
    expect(await r.credit.insertEventsReading([])).toEqual({ inserted: [], partyEvents: [] });
  });

  it('recording events in a transaction takes the audit chain lock; the rescore reads the head the entries chain to', async () => {
    const uow = db.uow();
    const entry = (seq: number, prevHash: string, label: string): AuditRecord => ({
      seq,
      id: uuid(),
      at: at(1),
      actorUserId: null,
      actorLabel: label,
      orgId: null,
      action: 'test.credit_chain',
      targetType: 't',
      targetId: null,
      detail: {},
      changeHash: 'c',
      prevHash,
      hash: `${label}${seq}`,
      requestId: null,
      ip: null,
    });
    const append = (label: string) =>
      uow.transaction(async (tx) => {
        const head = await tx.audit.lockHead();
        await tx.audit.insert(entry((head?.seq ?? 0) + 1, head?.hash ?? '0', label));
      });
    await append('before');
    const party = uuid();
    let other: Promise<void> | undefined;
    await uow.transaction(async (tx) => {
      const { inserted } = await tx.credit.insertEventsReading([
        {
          id: uuid(),
          partyId: party,
          partyKind: 'merchant',
          kind: 'order.completed',
          at: at(1),
          data: { onTime: true },
          source: `order:${party}`,
          voidedAt: null,
          voidReason: null,
          recordedBy: null,
          createdAt: at(1),
        },
      ]);
      expect(inserted).toHaveLength(1);
      // an append of another transaction now waits for this one (on PGlite, for the one connection)
      other = append('other');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.credit.rescore(score(party));
      const head = await tx.audit.lockHead();
      expect(head?.hash).toMatch(/^before\d+$/);
      await tx.audit.insertMany([entry(head!.seq + 1, head!.hash, 'mine'), entry(head!.seq + 2, `mine${head!.seq + 1}`, 'mine')]);
      expect(await tx.audit.lockHead()).toEqual({ seq: head!.seq + 2, hash: `mine${head!.seq + 2}` });
    });
    await other;
    const rows = (await db.r().audit.scan(0, 100_000)).filter((x) => x.action === 'test.credit_chain').slice(-4);
    expect(rows.map((x) => x.actorLabel)).toEqual(['before', 'mine', 'mine', 'other']);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.seq).toBe(rows[i - 1]!.seq + 1);
      expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    }
  });
}
