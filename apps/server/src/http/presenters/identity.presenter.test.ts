/** Identity presenters: pure record → contract shapes, checked against the contract schemas themselves. */
import { meSchema, organizationSchema, userSchema, WORKBENCH_BY_ROLE } from '@livehub/contracts';
import type { MembershipView, MeView } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { presentMe, presentOrganization, presentUser } from './identity.presenter.ts';

const at = new Date('2026-03-01T00:00:00Z');
const membership: MembershipView = {
  id: '0b6f3a52-8a8e-4c1e-9a55-2f1f3c9a0e11',
  userId: '1b6f3a52-8a8e-4c1e-9a55-2f1f3c9a0e11',
  orgId: '2b6f3a52-8a8e-4c1e-9a55-2f1f3c9a0e11',
  role: 'merchant_staff',
  departmentId: null,
  createdAt: at,
  orgName: '桐乡优品',
  orgKind: 'merchant',
  departmentCode: null,
  departmentName: null,
  username: 'li',
  displayName: '李四',
};

describe('identity presenters', () => {
  it('presents the signed-in user with the workbench of the active role, in the contract shape', () => {
    const me: MeView = {
      user: { id: membership.userId, username: 'li', displayName: '李四', phone: '138****5678', locale: 'zh-CN' },
      memberships: [membership],
      active: membership,
      role: 'merchant_staff',
      csrfToken: 'csrf',
    };
    const out = presentMe(me);
    expect(meSchema.parse(out)).toEqual(out);
    expect(out.workbench).toBe(WORKBENCH_BY_ROLE.merchant_staff);
    expect(out.active).toEqual(out.memberships[0]);
    expect(out.active).not.toHaveProperty('username');
    expect(presentMe({ ...me, active: null, role: 'consumer', memberships: [] }).workbench).toBe(WORKBENCH_BY_ROLE.consumer);
  });

  it('presents users and organizations with ISO times and only their own departments', () => {
    const u = presentUser({ id: membership.userId, username: 'li', displayName: '李四', phone: null, status: 'active', createdAt: at });
    expect(userSchema.parse(u)).toEqual(u);
    expect(u.createdAt).toBe('2026-03-01T00:00:00.000Z');
    const org = presentOrganization({
      id: membership.orgId,
      kind: 'merchant',
      name: '桐乡优品',
      district: null,
      parentId: null,
      createdAt: at,
      departments: [{ id: membership.id, orgId: membership.orgId, code: 'sales', name: '销售部' }],
    });
    expect(organizationSchema.parse(org)).toEqual(org);
    expect(org.departments).toEqual([{ id: membership.id, code: 'sales', name: '销售部' }]);
  });
});
