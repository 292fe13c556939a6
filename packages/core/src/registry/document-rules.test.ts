/** Who reads which document, and which expiry dates are believable. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.ts';
import { chinaDate, expiryProblem, isPersonalDocument, mayReadDocument } from './document-rules.ts';

const actor = (role: Actor['role'], userId: string | null, orgId: string | null): Actor => ({
  userId,
  label: userId ?? 'system',
  orgId,
  membershipId: null,
  role,
  via: 'session',
});

describe('mayReadDocument', () => {
  const idCard = { docType: 'id_card', ownerUserId: 'u1', ownerOrgId: 'mcn1', uploadedBy: 'u1' };
  const licence = { docType: 'business_licence', ownerUserId: 'u9', ownerOrgId: 'm1', uploadedBy: 'u9' };

  it('a personal document: its owner and the cross-tenant roles, never the organization it was filed under', () => {
    expect(isPersonalDocument('id_card')).toBe(true);
    expect(mayReadDocument(actor('streamer', 'u1', 'mcn1'), idCard)).toBe(true);
    for (const role of ['reviewer', 'regulator', 'platform_admin'] as const)
      expect(mayReadDocument(actor(role, 'x', null), idCard)).toBe(true);
    expect(mayReadDocument(actor('streamer', 'u2', 'mcn1'), idCard)).toBe(false);
    expect(mayReadDocument(actor('mcn_manager', 'u3', 'mcn1'), idCard)).toBe(false);
  });

  it('an organization’s papers: its managing staff, not a streamer or consumer in it, not another organization', () => {
    expect(isPersonalDocument('business_licence')).toBe(false);
    expect(mayReadDocument(actor('merchant_staff', 'u8', 'm1'), licence)).toBe(true);
    expect(mayReadDocument(actor('streamer', 'u7', 'm1'), licence)).toBe(false);
    expect(mayReadDocument(actor('merchant_staff', 'u6', 'm2'), licence)).toBe(false);
    expect(mayReadDocument(actor('consumer', 'u5', null), licence)).toBe(false);
  });
});

describe('expiryProblem', () => {
  const now = new Date('2026-12-03T08:00:00Z');
  it('refuses a date in the past, an absurd one and an invalid one; accepts a real future date', () => {
    expect(expiryProblem(new Date('1900-01-01T00:00:00Z'), now)).toBe('document.expired');
    expect(expiryProblem(new Date('2026-12-02T15:59:59Z'), now)).toBe('document.expired');
    expect(expiryProblem(new Date('2300-01-01T00:00:00Z'), now)).toBe('document.expiry_invalid');
    expect(expiryProblem(new Date(Number.NaN), now)).toBe('document.expiry_invalid');
    expect(expiryProblem(new Date('2031-06-30T15:59:59Z'), now)).toBeNull();
  });
  it('writes dates as read in China', () => {
    expect(chinaDate(new Date('2026-12-03T20:00:00Z'))).toBe('2026-12-04');
  });
});
