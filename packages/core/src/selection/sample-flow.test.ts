import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { mayReadSample, nextSampleStatus, partyScope, samplePartyOf } from './sample-flow.ts';
import type { SampleRecord } from './selection.types.ts';

const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  label: role,
  orgId: 'o1',
  membershipId: 'm1',
  role,
  via: 'session',
  ...over,
});
const sample = (over: Partial<SampleRecord> = {}) =>
  ({ merchantOrgId: 'm-org', streamerUserId: 's-user', mcnOrgId: 'mcn-org', status: 'requested', ...over }) as SampleRecord;

describe('sample flow', () => {
  const merchant = actor('merchant_staff', { orgId: 'm-org' });
  const streamer = actor('streamer', { userId: 's-user', orgId: null });

  it('lets only the right party move a request, from the right state', () => {
    expect(nextSampleStatus(merchant, sample(), 'approve')).toBe('approved');
    expect(nextSampleStatus(streamer, sample(), 'cancel')).toBe('cancelled');
    expect(nextSampleStatus(streamer, sample({ status: 'received' }), 'feature')).toBe('featured');
    expect(() => nextSampleStatus(streamer, sample(), 'approve')).toThrow(AppError);
    expect(() => nextSampleStatus(merchant, sample({ status: 'shipped' }), 'approve')).toThrow(
      expect.objectContaining({ code: 'selection.sample_action_not_allowed' }),
    );
  });

  it('shows a request to its parties, the streamer’s MCN and the platform only', () => {
    expect(samplePartyOf(merchant, sample())).toBe('merchant');
    expect(samplePartyOf(actor('merchant_staff', { orgId: 'other' }), sample())).toBeNull();
    expect(mayReadSample(actor('mcn_manager', { orgId: 'mcn-org' }), sample())).toBe(true);
    expect(mayReadSample(actor('mcn_manager', { orgId: 'other' }), sample())).toBe(false);
    expect(mayReadSample(actor('platform_admin'), sample())).toBe(true);
  });

  it('scopes lists by party and refuses other roles', () => {
    expect(partyScope(merchant)).toEqual({ merchantOrgId: 'm-org' });
    expect(partyScope(streamer)).toEqual({ streamerUserId: 's-user' });
    expect(partyScope(actor('platform_admin'))).toEqual({});
    expect(() => partyScope(actor('consumer'))).toThrow(AppError);
  });
});
