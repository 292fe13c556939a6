/**
 * From the other contexts' outbox events to inbox items (站内信): pure, one function per topic. Each item names
 * who must act or know (a user, or an organization's members by role), what happened in both languages (Chinese
 * first), the page that acts on it, how urgent it is and, when there is one, its deadline. Screens show names, never
 * ids: a rule declares the ids it names, the service looks them up in one batch and the rule renders its text with
 * them. Unknown or incomplete payloads give no item (the outbox must not stall on them).
 *
 * This file is the composition: the rules live per area in `<area>-feed.rules.ts` (registry, compliance, settlement,
 * complaints, reports, compensation, cases, IP notices, supply, policies), each exporting its table of topics, over
 * the helpers of `notification-feed.internal.ts`. A new topic joins the inbox by adding one function to its area's
 * table (or a new area's table spread here).
 */
import { CASES_FEED } from './cases-feed.rules.ts';
import { COMPENSATION_FEED } from './compensation-feed.rules.ts';
import { COMPLAINTS_FEED } from './complaints-feed.rules.ts';
import { COMPLIANCE_FEED } from './compliance-feed.rules.ts';
import { IP_FEED } from './ip-feed.rules.ts';
import type { FeedRules } from './notification-feed.internal.ts';
import { POLICIES_FEED } from './policies-feed.rules.ts';
import { REGISTRY_FEED } from './registry-feed.rules.ts';
import { REPORTS_FEED } from './reports-feed.rules.ts';
import { SETTLEMENT_FEED } from './settlement-feed.rules.ts';
import { SUPPLY_FEED } from './supply-feed.rules.ts';

export { caseTitleForInbox } from './cases-feed.rules.ts';
export type { NotificationDraft } from './notification-feed.internal.ts';

/** The topics the inbox listens to and how each becomes inbox items. */
export const NOTIFICATION_FEED: FeedRules = {
  ...REGISTRY_FEED,
  ...COMPLIANCE_FEED,
  ...SETTLEMENT_FEED,
  ...COMPLAINTS_FEED,
  ...REPORTS_FEED,
  ...COMPENSATION_FEED,
  ...CASES_FEED,
  ...IP_FEED,
  ...SUPPLY_FEED,
  ...POLICIES_FEED,
};
