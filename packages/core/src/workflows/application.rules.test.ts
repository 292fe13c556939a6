import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.ts';
import { applicationScope, mayReadApplication } from './application.rules.ts';
import type { ApplicationRecord } from './workflows.types.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u1',
  label: 'x',
  orgId: null,
  membershipId: null,
  role: 'consumer',
  via: 'session',
  ...over,
});
const app = { applicantUserId: 'u9', applicantOrgId: 'o1', subjectId: 'o1' } as ApplicationRecord;

describe('application rules', () => {
  it('lets the applicant, their organization’s staff, the platform, regulators and whoever may act read an application', () => {
    expect(mayReadApplication(actor({ userId: 'u9' }), app, false)).toBe(true);
    expect(mayReadApplication(actor({ orgId: 'o1', role: 'merchant_staff' }), app, false)).toBe(true);
    expect(mayReadApplication(actor({ role: 'platform_admin' }), app, false)).toBe(true);
    expect(mayReadApplication(actor({ role: 'reviewer' }), app, true)).toBe(true);
    // a streamer in the same organization is a colleague, not a manager
    expect(mayReadApplication(actor({ orgId: 'o1', role: 'streamer' }), app, false)).toBe(false);
    expect(mayReadApplication(actor({}), app, false)).toBe(false);
  });

  it('lists all applications only for the platform and regulators asking for all', () => {
    expect(applicationScope(actor({ role: 'regulator', orgId: 'g1' }), 'all')).toEqual({});
    expect(applicationScope(actor({ role: 'merchant_staff', orgId: 'o1' }), 'all')).toEqual({ applicantOrgId: 'o1' });
    expect(applicationScope(actor({ role: 'streamer', orgId: 'm1' }), 'mine')).toEqual({ applicantUserId: 'u1' });
    expect(applicationScope(actor({ userId: null }), 'mine')).toEqual({ applicantUserId: '' });
  });
});
