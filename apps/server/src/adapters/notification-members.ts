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
      const orgs = await uow.read.orgs.list({ kind: orgKind, limit: 50 });
      const ids = new Set<string>();
      for (const org of orgs) for (const m of await uow.read.memberships.listForOrg(org.id)) if (roles.includes(m.role)) ids.add(m.userId);
      return [...ids];
    },
  };
}
