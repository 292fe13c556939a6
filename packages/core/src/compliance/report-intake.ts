/**
 * Review items from reports (举报, docs/reports.md): a report on a live room or a product becomes an item of the
 * review queue, in the reporting context's transaction. The item stands on a screened event of its own — kind
 * `transcript` for a live room, `product_copy` for a product, event id `report:<report id>` from the reports source
 * (REPORT_SOURCE_ORG), no hits, the report's category and words as its text — and carries nothing of the reporter:
 * no actor, no sender. Never grouped: each report is decided on its own.
 */
import type { Category } from '@livehub/compliance';
import type { Repositories } from '../ports/repositories.ts';
import type { IdGenerator } from '../ports/runtime.ts';
import type { ComplianceSettings, ReviewItemRecord, ScreeningEventRecord } from './compliance.types.ts';

/** The source organization of screened events opened by reports (no organization sends them). */
export const REPORT_SOURCE_ORG = '00000000-0000-7000-8000-00000000a11e';
/** The event id prefix that marks a review item as opened by a report. */
export const REPORT_EVENT_PREFIX = 'report:';

export interface ReportItemInput {
  reportId: string;
  targetKind: 'live_session' | 'product';
  text: string;
  categories: Category[];
  severity: number;
  sessionRef: string | null;
  productRef: string | null;
  streamerUserId: string | null;
  merchantOrgId: string | null;
  at: Date;
}

export async function openReportItem(
  tx: Pick<Repositories, 'compliance'>,
  d: { ids: IdGenerator; settings: ComplianceSettings; packVersion: string },
  input: ReportItemInput,
): Promise<string> {
  const event: ScreeningEventRecord = {
    id: d.ids.next(),
    eventId: `${REPORT_EVENT_PREFIX}${input.reportId}`,
    sourceOrgId: REPORT_SOURCE_ORG,
    actorUserId: null,
    senderUserId: null,
    kind: input.targetKind === 'live_session' ? 'transcript' : 'product_copy',
    text: input.text,
    sessionRef: input.sessionRef,
    streamerUserId: input.streamerUserId,
    merchantOrgId: input.merchantOrgId,
    productRef: input.productRef,
    productCategory: null,
    card: null,
    decision: 'review',
    hitCount: 0,
    maxSeverity: input.severity,
    packVersion: d.packVersion,
    occurredAt: input.at,
    receivedAt: input.at,
  };
  await tx.compliance.insertEvent(event, []);
  const sla = d.settings.slaMinutes[input.severity] ?? 60;
  const item: ReviewItemRecord = {
    id: d.ids.next(),
    screeningEventId: event.id,
    status: 'open',
    severity: input.severity,
    categories: input.categories,
    dueAt: new Date(input.at.getTime() + sla * 60_000),
    claimedBy: null,
    claimedAt: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    createdAt: input.at,
    groupKey: null,
    occurrences: 1,
    firstSeenAt: input.at,
    lastSeenAt: input.at,
  };
  return (await tx.compliance.openOrGroupReviewItem(item, input.at)).id;
}
