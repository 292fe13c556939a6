/** The identity context's public entry: users, organizations, memberships, invitations, sessions and API tokens. */
export type * from './identity.repository.ts';
export { IdentityService } from './identity.service.ts';
export type { IdentityDeps, SessionAuth } from './identity.service.ts';
export { AUTH_POLICY, ORG_MANAGER_ROLES } from './identity.types.ts';
export type * from './identity.types.ts';
export { ImportService } from './import.service.ts';
export type { ImportBatch, ImportMembership, ImportOrg, ImportResult, ImportUser } from './import.service.ts';
export { InvitationService } from './invitation.service.ts';
export { OrganizationService } from './organization.service.ts';
export { WorkbenchService } from './workbench.service.ts';
