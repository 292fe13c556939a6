/**
 * 举报: anyone — signed in or not — reports a live room, a product, an organization or a user. The target must
 * exist; evidence is for signed-in reporters (documents they uploaded through the content-sniffed document store);
 * an anonymous reporter gets a tracking code once, of which only the hash is kept. A report on a live room or a
 * product opens a review item in the compliance queue in the same transaction (without the reporter); one on an
 * organization or a user waits in the platform's queue (举报受理). Rate-limited per reporter or client address.
 */
import type { ReportCreate } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { RateLimitStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault, TokenGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { EvidenceReader, ReportReviewPort, ReportTargetReader } from './disputes.repository.ts';
import { REPORT_CATEGORY_ZH, reportSeverity, screeningCategoriesOf, trackingCodeFrom, trackingCodeHash } from './report.rules.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { type ReportReceiptView, receiptView, reportEvent, reportNameQuery } from './report.internal.ts';
import type { ReportRecord } from './report.types.ts';

export interface ReportFilingDeps {
  uow: ScopedUnitOfWork<'reports' | 'compliance' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  vault: PiiVault;
  tokens: TokenGenerator;
  rateLimits: RateLimitStore;
  targets: ReportTargetReader;
  evidence: EvidenceReader;
  /** the compliance context's in-transaction form: a review item for a live room or a product */
  review: ReportReviewPort;
  names: NameReader;
}

/** Reports per reporter (or client address, when anonymous) per window. */
export const REPORT_LIMIT = 20;
const WINDOW_MS = 10 * 60_000;

export class ReportFilingService {
  constructor(private readonly d: ReportFilingDeps) {}

  /** Files a report as `actor` (null: anonymous, from `client`); the receipt carries the tracking code this once. */
  async file(actor: Actor | null, input: ReportCreate, client: string): Promise<ReportReceiptView> {
    const reporter = actor?.userId ?? null;
    const hit = await this.d.rateLimits.hit(`reports:file:${reporter ?? client}`, WINDOW_MS);
    if (hit.count > REPORT_LIMIT)
      throw new AppError('reports.rate_limited', { details: { seconds: Math.max(1, Math.ceil(hit.resetInMs / 1000)) } });
    const target = await this.d.targets.targetOf(input.targetKind, input.targetId);
    if (!target) throw new AppError('reports.target_not_found', { field: 'targetId' });
    if (input.evidenceDocumentIds.length > 0 && !reporter) throw new AppError('reports.evidence_sign_in', { field: 'evidenceDocumentIds' });
    for (const [i, id] of input.evidenceDocumentIds.entries())
      if ((await this.d.evidence.uploaderOf(id)) !== reporter)
        throw new AppError('reports.evidence_invalid', { field: `evidenceDocumentIds.${i}` });
    const now = this.d.clock.now();
    const trackingCode = reporter ? null : trackingCodeFrom(this.d.tokens.random(24));
    const who: Actor = actor ?? { ...SYSTEM_ACTOR, label: 'public:anonymous', via: 'session', ip: client };

    const filed = await this.d.uow.transaction(async (tx) => {
      const r: ReportRecord = {
        id: this.d.ids.next(),
        targetKind: target.kind,
        targetId: target.id,
        subjectOrgId: target.subjectOrgId,
        subjectUserId: target.subjectUserId,
        category: input.category,
        description: input.description,
        evidenceDocumentIds: [...new Set(input.evidenceDocumentIds)],
        reporterUserId: reporter,
        contactPhoneEnc: input.contactPhone ? this.d.vault.encrypt(input.contactPhone) : null,
        trackingCodeHash: trackingCode ? trackingCodeHash(trackingCode) : null,
        status: 'received',
        outcome: null,
        handledBy: null,
        handledAt: null,
        reviewItemId: null,
        filedAt: now,
        updatedAt: now,
        version: 1,
      };
      if (target.kind === 'live_session' || target.kind === 'product') {
        // the review item carries the target and the report's words, not who reported
        r.reviewItemId = await this.d.review.openReportItemIn(tx, {
          reportId: r.id,
          targetKind: target.kind,
          categories: screeningCategoriesOf(r.category),
          severity: reportSeverity(r.category),
          text: `【举报·${REPORT_CATEGORY_ZH[r.category]}】${target.name}：${r.description}`,
          sessionRef: target.sessionRef,
          productRef: target.productRef,
          streamerUserId: target.streamerUserId,
          merchantOrgId: target.merchantOrgId,
          at: now,
        });
      }
      await tx.reports.insertReport(r);
      await this.d.audit.record(tx, who, {
        action: 'reports.filed',
        targetType: 'report',
        targetId: r.id,
        orgId: null,
        detail: {
          targetKind: r.targetKind,
          targetId: r.targetId,
          category: r.category,
          evidence: r.evidenceDocumentIds.length,
          anonymous: reporter === null,
          reviewItemId: r.reviewItemId,
        },
      });
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'reports.report_filed',
        payload: reportEvent(r, 'filed'),
        createdAt: now,
        publishedAt: null,
      });
      return r;
    });
    return receiptView(filed, await this.d.names.namesFor(reportNameQuery([filed])), this.d.vault, trackingCode);
  }
}
