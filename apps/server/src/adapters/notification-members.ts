/**
 * Who holds a role in an organization, over identity's memberships: the inbox addresses an organization's items to
 * these users. The notifications context sees only this directory, not identity's tables.
 */
import type { NotificationMemberDirectory, UnitOfWork } from '@livehub/core';

export function notificationMembers(uow: UnitOfWork): NotificationMemberDirectory {
  return {
    async membersOf(orgId, roles) {
      const members = await uow.read.memberships.listForOrg(orgId);
      return [...new Set(members.filter((m) => roles.includes(m.role)).map((m) => m.userId))];
    },
    async membersOfKind(orgKind, roles) {
      const out: Array<{ orgId: string; userId: string }> = [];
      for (const org of await uow.read.orgs.list({ kind: orgKind, limit: 50 })) {
        const members = await uow.read.memberships.listForOrg(org.id);
        for (const userId of new Set(members.filter((m) => roles.includes(m.role)).map((m) => m.userId)))
          out.push({ orgId: org.id, userId });
      }
      return out;
    },
    async membersOfDepartment(departmentCode, roles) {
      const out: Array<{ orgId: string; userId: string }> = [];
      for (const org of await uow.read.orgs.list({ kind: 'regulator', limit: 50 })) {
        const members = await uow.read.memberships.listForOrg(org.id);
        const ids = members.filter((m) => m.departmentCode === departmentCode && roles.includes(m.role)).map((m) => m.userId);
        for (const userId of new Set(ids)) out.push({ orgId: org.id, userId });
      }
      return out;
    },
  };
}
