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
    async platformMembers(roles) {
      const orgs = await uow.read.orgs.list({ kind: 'platform', limit: 20 });
      const members = (await Promise.all(orgs.map((o) => uow.read.memberships.listForOrg(o.id)))).flat();
      return [...new Set(members.filter((m) => roles.includes(m.role)).map((m) => m.userId))];
    },
  };
}
