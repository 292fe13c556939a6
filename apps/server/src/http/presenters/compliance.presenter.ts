/**
 * Compliance records as the API shows them: pure functions of what the service returned (names are looked up in
 * the service, one query per kind). Rule names and explanations come from the rule pack in force.
 */
import type { ingestResultSchema, ReviewItem, reviewItemDetailSchema, rulePackSummarySchema, violationSchema } from '@livehub/contracts';
import type { RulePack } from '@livehub/compliance';
import {
  type IngestResult,
  type Names,
  noNames,
  type ReviewItemView,
  type ReviewNameLookup,
  type ReviewOccurrence,
  type RulePackSummary,
  ruleName,
  SAMPLED_GROUP_PREFIX,
  type ScreeningEventRecord,
  type ScreeningHitRecord,
  type ViolationRecord,
} from '@livehub/core';
import type { z } from 'zod';

type Rules = RulePack['rules'];
type ReviewItemDetail = z.infer<typeof reviewItemDetailSchema>;

export function presentHit(h: ScreeningHitRecord): ReviewItem['hits'][number] {
  return {
    rule: h.ruleId,
    category: h.category,
    severity: h.severity,
    action: h.action,
    start: h.start,
    end: h.end,
    matched: h.matched,
    normalized: h.normalized,
    basis: h.basis,
    via: h.via,
  };
}

export function presentIngestResult(r: IngestResult): z.infer<typeof ingestResultSchema> {
  return {
    id: r.event.id,
    eventId: r.event.eventId,
    decision: r.event.decision,
    hits: r.hits.map(presentHit),
    reviewItemId: r.reviewItemId,
    duplicate: r.duplicate,
    packVersion: r.event.packVersion,
  };
}

/** A review item as the queue shows it: every id comes with the name a reviewer reads. */
export function presentReviewItem(i: ReviewItemView, now: Date, names: ReviewNameLookup, rules: Rules): ReviewItem {
  const user = (id: string | null) => (id ? (names.users.get(id) ?? null) : null);
  const session = i.event.sessionRef ? names.sessions.get(i.event.sessionRef) : undefined;
  const streamerUserId = i.event.streamerUserId ?? session?.streamerUserId ?? null;
  return {
    id: i.id,
    status: i.status,
    severity: i.severity,
    categories: i.categories,
    dueAt: i.dueAt.toISOString(),
    overdue: (i.status === 'open' || i.status === 'claimed') && i.dueAt < now,
    claimedBy: i.claimedBy,
    claimedByName: user(i.claimedBy),
    decidedBy: i.decidedBy,
    decidedByName: user(i.decidedBy),
    decidedAt: i.decidedAt?.toISOString() ?? null,
    reason: i.reason,
    createdAt: i.createdAt.toISOString(),
    occurrences: i.occurrences,
    firstSeenAt: i.firstSeenAt.toISOString(),
    lastSeenAt: i.lastSeenAt.toISOString(),
    event: {
      id: i.event.id,
      eventId: i.event.eventId,
      kind: i.event.kind,
      text: i.event.text,
      sessionRef: i.event.sessionRef,
      sessionTitle: session?.title ?? null,
      streamerUserId,
      streamerName: user(streamerUserId),
      senderUserId: i.event.senderUserId,
      senderName: user(i.event.senderUserId),
      merchantOrgId: i.event.merchantOrgId,
      merchantName: i.event.merchantOrgId ? (names.orgs.get(i.event.merchantOrgId) ?? null) : null,
      productRef: i.event.productRef,
      productName: i.event.productRef ? (names.products.get(i.event.productRef) ?? null) : null,
      productCategory: i.event.productCategory,
      occurredAt: i.event.occurredAt.toISOString(),
      decision: i.event.decision,
    },
    hits: i.hits.map(presentHit),
    ruleNames: [...new Set(i.hits.map((h) => h.ruleId))].flatMap((id) => {
      const r = rules.find((x) => x.id === id);
      return r ? [{ id, ...ruleName(r) }] : [];
    }),
    observation:
      (streamerUserId ? names.observation?.get(streamerUserId) : undefined) ??
      (i.event.merchantOrgId ? names.observation?.get(i.event.merchantOrgId) : undefined) ??
      null,
    sampled: i.groupKey?.startsWith(SAMPLED_GROUP_PREFIX) ?? false,
  };
}

/** One item with its session context, its repeats, each hit's explanation and the legal basis of its rules. */
export function presentReviewItemDetail(
  d: { item: ReviewItemView; context: ScreeningEventRecord[]; occurrences: ReviewOccurrence[]; names: ReviewNameLookup },
  now: Date,
  rules: Rules,
): ReviewItemDetail {
  const { item } = d;
  const ruleOf = (id: string) => rules.find((x) => x.id === id);
  return {
    ...presentReviewItem(item, now, d.names, rules),
    hits: item.hits.map((h) => {
      const r = ruleOf(h.ruleId);
      return {
        ...presentHit(h),
        ...(r
          ? { explanation: { zh: r.explain.zh.replaceAll('{matched}', h.matched), en: r.explain.en.replaceAll('{matched}', h.matched) } }
          : {}),
      };
    }),
    context: d.context.map((e) => ({ id: e.id, kind: e.kind, text: e.text, occurredAt: e.occurredAt.toISOString() })),
    occurrenceEvents: d.occurrences.map((o) => ({ id: o.screeningEventId, eventId: o.eventId, occurredAt: o.occurredAt.toISOString() })),
    rules: [...new Set(item.hits.map((h) => h.ruleId))].flatMap((id) => {
      const r = ruleOf(id);
      return r
        ? [
            {
              id: r.id,
              category: r.category,
              law: r.basis.law,
              article: r.basis.article,
              summaryZh: r.basis.summaryZh,
              summaryEn: r.basis.summaryEn,
              nameZh: ruleName(r).zh,
              nameEn: ruleName(r).en,
            },
          ]
        : [];
    }),
  };
}

export function presentRulePack(s: RulePackSummary): z.infer<typeof rulePackSummarySchema> {
  const p = s.pack;
  return {
    id: p.id,
    version: p.version,
    publishedAt: p.publishedAt,
    stats: s.stats,
    rules: p.rules.map((r) => ({
      id: r.id,
      category: r.category,
      severity: r.severity,
      action: r.action,
      law: r.basis.law,
      article: r.basis.article,
      summaryZh: r.basis.summaryZh,
      summaryEn: r.basis.summaryEn,
      explainZh: r.explain.zh,
      explainEn: r.explain.en,
      terms: r.terms,
      termCount: r.terms.length,
      variants: r.variants,
      exemptions: [...r.exemptions, ...s.exemptions.filter((x) => x.ruleId === r.id).map((x) => x.text)],
      detector: r.detector ?? null,
      kinds: r.appliesTo.kinds ?? null,
      exceptProductCategories: r.appliesTo.exceptProductCategories ?? null,
    })),
  };
}

/** A violation, with the names of its streamer, merchant, product and session when the page's names hold them. */
export function presentViolation(
  v: ViolationRecord & { text: string; kind: string; evidenceHash: string | null },
  names: Names = noNames(),
): z.infer<typeof violationSchema> {
  const named = (map: ReadonlyMap<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);
  return {
    id: v.id,
    reviewItemId: v.reviewItemId,
    ruleIds: v.ruleIds,
    categories: v.categories,
    severity: v.severity,
    streamerUserId: v.streamerUserId,
    merchantOrgId: v.merchantOrgId,
    productRef: v.productRef,
    sessionRef: v.sessionRef,
    streamerName: named(names.users, v.streamerUserId),
    merchantName: named(names.orgs, v.merchantOrgId),
    productTitle: named(names.products, v.productRef),
    sessionTitle: named(names.sessions, v.sessionRef),
    confirmedBy: v.confirmedBy,
    confirmedAt: v.confirmedAt.toISOString(),
    reason: v.reason,
    text: v.text,
    kind: v.kind,
    evidenceHash: v.evidenceHash,
  };
}

/** What a decision left behind, as the reviewer's screen needs it. */
export function presentDecision(d: {
  item: { id: string; status: string };
  violation: { id: string } | null;
  evidence: { hash: string } | null;
}): { id: string; status: string; violationId: string | null; evidenceHash: string | null } {
  return { id: d.item.id, status: d.item.status, violationId: d.violation?.id ?? null, evidenceHash: d.evidence?.hash ?? null };
}
