import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.ts';
import { complaintView, eventPayload, roleOf } from './complaint.internal.ts';
import type { ComplaintRecord } from './disputes.types.ts';

const vault = { encrypt: (s: string) => `sealed:${s}`, decrypt: (s: string) => s.replace(/^sealed:/, ''), blindIndex: (s: string) => s };
const actor = (role: Actor['role'], userId: string | null, orgId: string | null): Actor => ({
  userId,
  orgId,
  role,
  label: role,
  membershipId: null,
  via: 'session',
});
const c: ComplaintRecord = {
  id: 'c1',
  orderId: 'o1',
  consumerUserId: 'u1',
  merchantOrgId: 'm1',
  streamerUserId: 's1',
  liveSessionId: null,
  category: 'fraud',
  claimKind: 'compensation',
  claimAmountFen: 80_000,
  description: '直播间宣称为正品，收到的是仿冒品',
  evidenceDocumentIds: [],
  contactPhoneEnc: 'sealed:13812345678',
  paidFen: 20_000,
  refundedFen: 0,
  status: 'awaiting_merchant',
  statusSince: new Date('2026-12-01T00:00:00Z'),
  dueAt: new Date('2026-12-03T00:00:00Z'),
  answer: null,
  offerKind: null,
  offerAmountFen: null,
  outcomeRemedy: null,
  outcomeAmountFen: null,
  upheld: null,
  closingReason: null,
  filedAt: new Date('2026-12-01T00:00:00Z'),
  updatedAt: new Date('2026-12-01T00:00:00Z'),
  version: 1,
};

describe('who a caller is to a complaint', () => {
  it('the complainant, the order’s merchant, mediators and regulators; nobody else', () => {
    expect(roleOf(actor('consumer', 'u1', null), c)).toBe('consumer');
    expect(roleOf(actor('consumer', 'u2', null), c)).toBeNull();
    expect(roleOf(actor('merchant_staff', 'x', 'm1'), c)).toBe('merchant');
    expect(roleOf(actor('merchant_staff', 'x', 'm2'), c)).toBeNull();
    expect(roleOf(actor('platform_admin', 'x', 'p'), c)).toBe('mediator');
    expect(roleOf(actor('reviewer', 'x', 'p'), c)).toBe('mediator');
    expect(roleOf(actor('regulator', 'x', 'r'), c)).toBe('regulator');
    expect(roleOf(actor('system', null, null), c)).toBe('system');
    // the streamer the order is attributed to, MCNs and bases read complaints through no route of this slice
    for (const role of ['streamer', 'mcn_manager', 'base_operator', 'provider_staff'] as const)
      expect(roleOf(actor(role, 's1', 'm1'), c)).toBeNull();
  });
});

describe('the complaint as it leaves the context', () => {
  it('carries the phone masked, never sealed or whole, and whether its step is overdue', () => {
    const v = complaintView(c, vault, new Date('2026-12-03T00:00:00Z'));
    expect(v.contactPhone).toBe('138****5678');
    expect(JSON.stringify(v)).not.toContain('13812345678');
    expect('contactPhoneEnc' in v).toBe(false);
    expect(v.overdue).toBe(false);
    expect(complaintView(c, vault, new Date('2026-12-03T00:00:00.001Z')).overdue).toBe(true);
    expect(complaintView({ ...c, contactPhoneEnc: null }, vault, new Date()).contactPhone).toBeNull();
  });

  it('its events name the parties credit needs, with the severity of its category', () => {
    expect(eventPayload({ ...c, upheld: true }, 'mediator_decide')).toMatchObject({
      complaintId: 'c1',
      merchantOrgId: 'm1',
      streamerUserId: 's1',
      upheld: true,
      severity: 3,
    });
    expect(eventPayload({ ...c, category: 'quality' }, 'filed')).toMatchObject({ upheld: false, severity: 1 });
    expect(JSON.stringify(eventPayload(c, 'filed'))).not.toContain('1381234');
  });
});
