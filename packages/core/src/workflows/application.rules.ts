/** Who may read an application, and whose applications a list shows. Pure: no I/O. */
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import type { ApplicationFilter, ApplicationRecord } from './workflows.types.ts';

/** Who may read an application: its applicant and organization, the platform and regulators, and whoever may act on it. */
export function mayReadApplication(actor: Actor, app: ApplicationRecord, actionable: boolean): boolean {
  return (
    isCrossTenant(actor) ||
    app.applicantUserId === actor.userId ||
    // an organization's application is read by its managing staff; a streamer's colleagues never read it
    (actor.orgId !== null && actor.role !== 'streamer' && (app.applicantOrgId === actor.orgId || app.subjectId === actor.orgId)) ||
    actionable
  );
}

/**
 * The applications a list shows: every one for the platform and regulators asking for all; an organization's for
 * its staff; otherwise the caller's own.
 */
export function applicationScope(actor: Actor, scope: 'mine' | 'all'): Pick<ApplicationFilter, 'applicantOrgId' | 'applicantUserId'> {
  if (scope === 'all' && isCrossTenant(actor)) return {};
  if (actor.orgId && actor.role !== 'streamer') return { applicantOrgId: actor.orgId };
  return { applicantUserId: actor.userId ?? '' };
}
