import { describe, expect, it } from 'vitest';
import { CreditModesCache } from './credit-modes.hook.ts';
import { DEFAULT_MODE_SETTINGS } from './credit-modes.rules.ts';
import type { CreditCohortMemberRecord, CreditCohortRecord, CreditModeSettings } from './credit-modes.types.ts';

type Membership = { cohort: CreditCohortRecord; member: CreditCohortMemberRecord };

/** A repository that counts its reads and whose answers the test changes (what the database holds). */
function repo() {
  const state = { settings: DEFAULT_MODE_SETTINGS as CreditModeSettings, memberships: [] as Membership[], reads: 0 };
  let gate: Promise<void> | null = null;
  return {
    state,
    hold(): () => void {
      let open!: () => void;
      gate = new Promise((r) => {
        open = r;
      });
      return () => {
        gate = null;
        open();
      };
    },
    async settings() {
      state.reads++;
      const s = state.settings;
      if (gate) await gate;
      return { settings: s, updatedAt: new Date(0), updatedBy: null };
    },
    async allMemberships() {
      return state.memberships;
    },
  };
}

const member = (partyId: string): Membership => ({
  cohort: {
    id: 'c1',
    name: '沙盒',
    description: null,
    relax: [],
    extraSampling: false,
    startsAt: new Date(0),
    endsAt: new Date(1e13),
    createdBy: null,
    createdAt: new Date(0),
  },
  member: { cohortId: 'c1', partyId, partyKind: 'merchant', addedAt: new Date(0), addedBy: null, removedAt: null },
});

describe('CreditModesCache', () => {
  it('reads settings and memberships once, and again after a change', async () => {
    const r = repo();
    const cache = new CreditModesCache();
    r.state.memberships = [member('p1')];
    expect(await cache.settings(r)).toBe(DEFAULT_MODE_SETTINGS);
    expect(await cache.cohortsOf(r, 'p1')).toHaveLength(1);
    expect(await cache.cohortsOf(r, 'p2')).toEqual([]);
    expect(r.state.reads).toBe(1);
    const changed = { ...DEFAULT_MODE_SETTINGS, observation: { days: { streamer: 30 } } };
    r.state.settings = changed;
    r.state.memberships = [];
    expect(await cache.settings(r)).toBe(DEFAULT_MODE_SETTINGS);
    cache.changed();
    expect(await cache.settings(r)).toBe(changed);
    expect(await cache.cohortsOf(r, 'p1')).toEqual([]);
    expect(r.state.reads).toBe(2);
  });

  it('keeps nothing read while a change is open, and drops what it held when the change ends', async () => {
    const r = repo();
    const cache = new CreditModesCache();
    await cache.settings(r);
    const changed = { ...DEFAULT_MODE_SETTINGS, observation: { days: { streamer: 30 } } };
    await cache.changing(async () => {
      r.state.settings = changed;
      expect(await cache.settings(r)).toBe(changed);
      expect(await cache.settings(r)).toBe(changed);
    });
    expect(r.state.reads).toBe(3);
    expect(await cache.settings(r)).toBe(changed);
    expect(await cache.settings(r)).toBe(changed);
    expect(r.state.reads).toBe(4);
  });

  it('does not keep a load that a change overtook', async () => {
    const r = repo();
    const cache = new CreditModesCache();
    const release = r.hold();
    const stale = cache.settings(r);
    const changed = { ...DEFAULT_MODE_SETTINGS, observation: { days: { streamer: 30 } } };
    r.state.settings = changed;
    cache.changed();
    release();
    expect(await stale).toBe(DEFAULT_MODE_SETTINGS);
    expect(await cache.settings(r)).toBe(changed);
  });

  it('reads again once its time to live has passed', async () => {
    const r = repo();
    const cache = new CreditModesCache(0);
    await cache.settings(r);
    await cache.settings(r);
    expect(r.state.reads).toBe(2);
  });
});
