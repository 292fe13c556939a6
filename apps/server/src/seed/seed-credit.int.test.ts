/**
 * The demo district's credit after seeding: parties in every tier A–D, each non-A party for events that came
 * through the real paths (a violation confirmed in the review queue, a penalty the admin recorded), the demo
 * streamer not in D, and the scores the seed left are exactly what a full recompute computes from those events.
 */
import { SYSTEM_ACTOR } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
});
afterAll(async () => p?.close());

describe('seeded credit', () => {
  it('spans every tier, each below A for recorded events, and the demo streamer is not in D', async () => {
    const credit = p.c.uow.read.credit;
    const scores = await credit.listScores({ limit: 1000 });
    expect(new Set(scores.map((s) => s.tier))).toEqual(new Set(['A', 'B', 'C', 'D']));
    const kinds = new Set(scores.filter((s) => s.tier !== 'A').map((s) => s.partyKind));
    expect(kinds).toEqual(new Set(['streamer', 'merchant', 'mcn']));
    for (const s of scores.filter((x) => x.tier !== 'A')) {
      const events = await credit.eventsOf(s.partyId);
      // a penalty, or a violation confirmed in review (a substantiated report of the demo data confirms its item)
      expect(
        events.some((e) => e.kind === 'case.penalty' || e.kind === 'violation.confirmed'),
        s.partyId,
      ).toBe(true);
    }
    // the C streamer's violations came from the review queue, through the outbox feed
    const c = scores.find((s) => s.tier === 'C' && s.partyKind === 'streamer');
    expect(c).toBeDefined();
    const violations = (await credit.eventsOf(c!.partyId)).filter((e) => e.kind === 'violation.confirmed');
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v.source).toMatch(/^violation:/);

    const demo = await p.c.uow.read.users.findByUsername('streamer');
    expect(demo).not.toBeNull();
    const standing = await p.c.credit.standing(demo!.id);
    expect(standing.tier).not.toBe('D');

    // the D party's payouts are held, with the credit reason
    const d = scores.find((s) => s.tier === 'D')!;
    expect((await p.c.uow.read.payouts.activeHold(d.partyId))?.reason).toMatch(/^信用等级 D/);

    // nothing was invented: a full recompute from the events finds every stored score as it is
    const r = await p.c.creditRecompute.recompute(SYSTEM_ACTOR);
    expect(r.tierChanges).toBe(0);
    expect(r.parties).toBe(scores.length);
  });
});
