/**
 * Contract cases of the enforcement modes' port (credit): one settings row replaced in place; cohorts listed newest
 * first; members added once, removed (the row kept) and brought back; a party's memberships with their cohorts;
 * training tasks once per violation and completed once; the latest clue per party and trigger; a party's first
 * credit event.
 */
import type { CreditCohortRecord, CreditTrainingTaskRecord } from '@livehub/core';
import { DEFAULT_MODE_SETTINGS } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

function cohort(over: Partial<CreditCohortRecord> = {}): CreditCohortRecord {
  return {
    id: uuid(),
    name: '数字人主播',
    description: null,
    relax: [{ category: 'medical_claim', mode: 'halve' }],
    extraSampling: true,
    startsAt: at(0),
    endsAt: at(24),
    createdBy: null,
    createdAt: at(0),
    ...over,
  };
}

function task(over: Partial<CreditTrainingTaskRecord> = {}): CreditTrainingTaskRecord {
  return {
    id: uuid(),
    partyId: uuid(),
    partyKind: 'streamer',
    eventId: uuid(),
    category: 'absolute_claim',
    severity: 1,
    hours: 2,
    status: 'open',
    createdAt: at(0),
    dueAt: at(720),
    completedAt: null,
    completionEventId: null,
    ...over,
  };
}

export function creditModeCases(db: ContractDb): void {
  it('keeps one settings row and replaces it', async () => {
    const r = db.r();
    await r.creditModes.saveSettings({ settings: DEFAULT_MODE_SETTINGS, updatedAt: at(1), updatedBy: null });
    const changed = { ...DEFAULT_MODE_SETTINGS, observation: { days: { streamer: 30 } } };
    await r.creditModes.saveSettings({ settings: changed, updatedAt: at(2), updatedBy: uuid() });
    const got = await r.creditModes.settings();
    expect(got?.settings).toEqual(changed);
    expect(got?.updatedAt).toEqual(at(2));
  });

  it('stores cohorts, adds a member once, removes it keeping the row, and brings it back', async () => {
    const r = db.r();
    const older = cohort({ createdAt: at(-1) });
    const c = cohort();
    await r.creditModes.insertCohort(older);
    await r.creditModes.insertCohort(c);
    expect(await r.creditModes.findCohort(c.id)).toEqual(c);
    expect(await r.creditModes.findCohort(uuid())).toBeNull();
    const ids = (await r.creditModes.listCohorts()).map((x) => x.id);
    expect(ids.indexOf(c.id)).toBeLessThan(ids.indexOf(older.id));

    const partyId = uuid();
    const member = { cohortId: c.id, partyId, partyKind: 'base' as const, addedAt: at(1), addedBy: null, removedAt: null };
    expect(await r.creditModes.addMember(member)).toBe(true);
    expect(await r.creditModes.addMember({ ...member, addedAt: at(2) })).toBe(false);
    expect(await r.creditModes.removeMember(c.id, partyId, at(3))).toBe(true);
    expect(await r.creditModes.removeMember(c.id, partyId, at(4))).toBe(false);
    expect(await r.creditModes.membersOf(c.id)).toEqual([{ ...member, removedAt: at(3) }]);
    expect(await r.creditModes.addMember({ ...member, addedAt: at(5) })).toBe(true);
    const mine = await r.creditModes.cohortsOf(partyId);
    expect(mine).toEqual([{ cohort: c, member: { ...member, addedAt: at(5) } }]);
    expect((await r.creditModes.allMemberships()).some((m) => m.member.partyId === partyId)).toBe(true);
  });

  it('inserts a training task once per violation, lists a party’s newest first, and completes it once', async () => {
    const r = db.r();
    const a = task({ createdAt: at(1) });
    const b = task({ partyId: a.partyId, createdAt: at(2) });
    expect(await r.creditModes.insertTrainingTasks([a, b])).toEqual([a, b]);
    expect(await r.creditModes.insertTrainingTasks([{ ...a, id: uuid() }])).toEqual([]);
    expect(await r.creditModes.insertTrainingTasks([])).toEqual([]);
    expect((await r.creditModes.trainingTasksOf(a.partyId)).map((t) => t.id)).toEqual([b.id, a.id]);
    const done = uuid();
    expect(await r.creditModes.completeTrainingTask(a.id, at(3), done)).toBe(true);
    expect(await r.creditModes.completeTrainingTask(a.id, at(4), uuid())).toBe(false);
    expect(await r.creditModes.findTrainingTask(a.id, { lock: false })).toEqual({
      ...a,
      status: 'completed',
      completedAt: at(3),
      completionEventId: done,
    });
    expect(await r.creditModes.findTrainingTask(uuid())).toBeNull();
  });

  it('finds the latest clue per party and trigger and lists clues newest first', async () => {
    const r = db.r();
    const partyId = uuid();
    const clue = (h: number, trigger: 'violations' | 'tier_d') => ({
      id: uuid(),
      partyId,
      partyKind: 'merchant' as const,
      trigger,
      detail: { count: h },
      raisedAt: at(h),
    });
    const [c1, c2, c3] = [clue(1, 'violations'), clue(5, 'violations'), clue(3, 'tier_d')];
    for (const c of [c1, c2, c3]) await r.creditModes.insertClue(c);
    expect(await r.creditModes.lastClue(partyId, 'violations')).toEqual(c2);
    expect(await r.creditModes.lastClue(partyId, 'refund_overdue')).toBeNull();
    expect((await r.creditModes.listClues({ partyId, limit: 2 })).map((c) => c.id)).toEqual([c2.id, c3.id]);
  });

  it('the score’s statement reads what the modes act on next: the training tasks’ events and the last clue per trigger', async () => {
    const r = db.r();
    const a = task({ createdAt: at(1) });
    const b = task({ partyId: a.partyId, createdAt: at(2) });
    await r.creditModes.insertTrainingTasks([a, b, task({ createdAt: at(2) })]);
    const clue = (h: number, trigger: 'violations' | 'tier_d') => ({
      id: uuid(),
      partyId: a.partyId,
      partyKind: 'merchant' as const,
      trigger,
      detail: { count: h },
      raisedAt: at(h),
    });
    for (const c of [clue(1, 'violations'), clue(5, 'violations'), clue(3, 'tier_d')]) await r.creditModes.insertClue(c);
    const score = {
      partyId: a.partyId,
      partyKind: 'merchant' as const,
      totalCenti: 9_000,
      tier: 'A' as const,
      modelVersion: 'v1',
      dimensions: [{ key: 'compliance', score: 90 }],
      computedAt: at(6),
      tierSince: at(6),
    };
    // the party has no events: a `seen` of none is current, and the score is stored
    const both = await r.credit.rescoreChecked(score, { seen: { events: 0, voided: 0 }, followUps: { trainingTasks: true, clues: true } });
    expect(both.before).toBeNull();
    expect(both.stored).toBe(true);
    expect([...(both.followUps?.trainingEventIds ?? [])].sort()).toEqual([a.eventId, b.eventId].sort());
    expect(both.followUps?.lastClues).toEqual({ violations: at(5), tier_d: at(3) });
    const tasksOnly = await r.credit.rescoreChecked({ ...score, totalCenti: 8_900 }, { followUps: { trainingTasks: true } });
    expect(tasksOnly).toMatchObject({ before: 'A', stored: true });
    expect(tasksOnly.followUps?.lastClues).toBeUndefined();
    expect(tasksOnly.followUps?.trainingEventIds).toHaveLength(2);
    expect((await r.credit.rescoreChecked({ ...score, totalCenti: 8_800 }, {})).followUps).toBeUndefined();
    expect((await r.credit.score(a.partyId))?.totalCenti).toBe(8_800);
  });

  it('finds when each party’s first credit event happened', async () => {
    const r = db.r();
    const partyId = uuid();
    const other = uuid();
    expect(await r.creditModes.firstEventsAt([partyId])).toEqual(new Map());
    expect(await r.creditModes.firstEventsAt([])).toEqual(new Map());
    const event = (h: number) => ({
      id: uuid(),
      partyId,
      partyKind: 'streamer' as const,
      kind: 'streaming.clean' as const,
      at: at(h),
      data: { hours: 1 },
      source: `contract:${uuid()}`,
      voidedAt: null,
      voidReason: null,
      recordedBy: null,
      createdAt: at(h),
    });
    await r.credit.insertEvents([event(7), event(2), { ...event(5), partyId: other }]);
    expect(await r.creditModes.firstEventsAt([partyId, other, uuid(), partyId])).toEqual(
      new Map([
        [partyId, at(2)],
        [other, at(5)],
      ]),
    );
  });
}
