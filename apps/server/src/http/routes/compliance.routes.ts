import {
  addExemptionRequestSchema,
  evidenceVerifySchema,
  idSchema,
  ingestEventRequestSchema,
  ingestResultSchema,
  reviewBatchDecisionRequestSchema,
  reviewBatchDecisionResultSchema,
  reviewDecisionRequestSchema,
  reviewItemDetailSchema,
  reviewItemSchema,
  reviewQueueQuerySchema,
  rulePackSummarySchema,
  screenRequestSchema,
  screenResultSchema,
  violationSchema,
} from '@livehub/contracts';
import type { Hit } from '@livehub/compliance';
import { type ReviewItemView, type ReviewNameLookup, type ReviewStatus, ruleName, type ScreeningHitRecord } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import type { Api } from './types.ts';

const REVIEWERS = ['platform_admin', 'reviewer'] as const;
const tags = ['compliance'];

const presentHit = (h: ScreeningHitRecord) => ({
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
});

/** A review item as the queue shows it: every id comes with the name a reviewer reads. */
export function presentReviewItem(i: ReviewItemView, now: Date, names: ReviewNameLookup, c: Container) {
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
      const r = c.compliance.pack.rules.find((x) => x.id === id);
      return r ? [{ id, ...ruleName(r) }] : [];
    }),
  };
}

const STATUS_FILTER: Record<string, ReviewStatus[] | undefined> = {
  open: ['open'],
  claimed: ['claimed'],
  pending: ['open', 'claimed'],
  confirmed: ['confirmed'],
  dismissed: ['dismissed'],
  all: undefined,
};

export function complianceRoutes(app: Api, c: Container): void {
  app.post(
    '/api/compliance/screen',
    {
      // the text is what is screened: control characters in it are evasion to catch, not input to refuse
      config: { policy: { allow: 'authenticated', scope: 'read' }, screensRawText: true },
      schema: {
        tags,
        summary: 'Screen text without storing it (preview product copy, check a script)',
        body: screenRequestSchema,
        response: { 200: screenResultSchema },
      },
    },
    async (req) => c.compliance.screen(req.body),
  );

  app.post(
    '/api/compliance/events',
    {
      config: { policy: { allow: REVIEWERS, scope: 'compliance:ingest' }, screensRawText: true },
      schema: {
        tags,
        summary: 'Ingest a live event (transcript segment, chat, overlay text, product card); screened inline, idempotent on eventId',
        body: ingestEventRequestSchema,
        response: { 200: ingestResultSchema, 201: ingestResultSchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await c.compliance.ingest(requireActor(req), { ...b, occurredAt: b.occurredAt ? new Date(b.occurredAt) : undefined });
      // A hit during a live session warns the room's managers within the next batch (streamer console).
      if (!r.duplicate && r.hits.length > 0 && b.sessionRef && /^[0-9a-f-]{36}$/.test(b.sessionRef)) {
        const first = r.hits[0];
        const explain = first ? c.compliance.pack.rules.find((x) => x.id === first.ruleId)?.explain : undefined;
        await c.rooms.publishStaff(b.sessionRef, {
          k: 'warning',
          source: b.kind === 'chat' ? 'chat' : 'transcript',
          ruleIds: [...new Set(r.hits.map((h) => h.ruleId))],
          text: b.text.slice(0, 200),
          // the rule's explanation with what was said filled in, as the engine renders it
          message: explain
            ? { zh: explain.zh.replaceAll('{matched}', first?.matched ?? ''), en: explain.en.replaceAll('{matched}', first?.matched ?? '') }
            : { zh: '检测到违规表述', en: 'A violation was detected' },
          at: Date.now(),
        });
      }
      return reply.status(r.duplicate ? 200 : 201).send({
        id: r.event.id,
        eventId: r.event.eventId,
        decision: r.event.decision,
        hits: r.hits.map(presentHit),
        reviewItemId: r.reviewItemId,
        duplicate: r.duplicate,
        packVersion: r.event.packVersion,
      });
    },
  );

  app.get(
    '/api/compliance/rules',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'The rule pack in force, with legal bases', response: { 200: rulePackSummarySchema } },
    },
    async () => {
      const p = c.compliance.pack;
      const extra = await c.compliance.listExemptions();
      return {
        id: p.id,
        version: p.version,
        publishedAt: p.publishedAt,
        stats: c.compliance.stats,
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
          exemptions: [...r.exemptions, ...extra.filter((x) => x.ruleId === r.id).map((x) => x.text)],
          detector: r.detector ?? null,
          kinds: r.appliesTo.kinds ?? null,
          exceptProductCategories: r.appliesTo.exceptProductCategories ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/compliance/exemptions',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: {
        tags,
        summary: 'Add an exemption to a rule (rule editor), e.g. from a dismissed review item',
        body: addExemptionRequestSchema,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await c.compliance.addExemption(requireActor(req), req.body);
      await c.kv.pubsub.publish('compliance:pack', 'reload');
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/api/review/items',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: {
        tags: ['review'],
        summary: 'The human review queue, most urgent first',
        querystring: reviewQueueQuerySchema,
        // generatedAt: the `asOf` of a batch decision on "all matching this filter"
        response: { 200: z.object({ items: z.array(reviewItemSchema), generatedAt: z.string() }) },
      },
    },
    async (req) => {
      const q = req.query;
      const status = STATUS_FILTER[q.status];
      const { items, names } = await c.compliance.listQueue({
        limit: q.limit,
        ...(status ? { status } : {}),
        ...(q.category ? { category: q.category } : {}),
        ...(q.minSeverity ? { minSeverity: q.minSeverity } : {}),
      });
      const now = c.clock.now();
      return { items: items.map((i) => presentReviewItem(i, now, names, c)), generatedAt: now.toISOString() };
    },
  );

  app.get(
    '/api/review/items/:id',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: { tags: ['review'], params: z.strictObject({ id: idSchema }), response: { 200: reviewItemDetailSchema } },
    },
    async (req) => {
      const { item, context, occurrences, names } = await c.compliance.getItem(req.params.id);
      const rules = [...new Set(item.hits.map((h) => h.ruleId))].flatMap((id) => {
        const r = c.compliance.pack.rules.find((x) => x.id === id);
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
      });
      return {
        ...presentReviewItem(item, c.clock.now(), names, c),
        hits: item.hits.map((h) => {
          const r = c.compliance.pack.rules.find((x) => x.id === h.ruleId);
          return {
            ...presentHit(h),
            ...(r
              ? {
                  explanation: { zh: r.explain.zh.replaceAll('{matched}', h.matched), en: r.explain.en.replaceAll('{matched}', h.matched) },
                }
              : {}),
          };
        }),
        context: context.map((e) => ({ id: e.id, kind: e.kind, text: e.text, occurredAt: e.occurredAt.toISOString() })),
        occurrenceEvents: occurrences.map((o) => ({ id: o.screeningEventId, eventId: o.eventId, occurredAt: o.occurredAt.toISOString() })),
        rules,
      };
    },
  );

  app.post(
    '/api/review/items/:id/claim',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: {
        tags: ['review'],
        params: z.strictObject({ id: idSchema }),
        response: { 200: z.object({ id: z.string(), status: z.string(), claimedBy: z.string().nullable() }) },
      },
    },
    async (req) => {
      const r = await c.compliance.claim(requireActor(req), req.params.id);
      return { id: r.id, status: r.status, claimedBy: r.claimedBy };
    },
  );

  app.post(
    '/api/review/items/:id/decide',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: {
        tags: ['review'],
        summary: 'Confirm (→ violation with hash-chained evidence) or dismiss with a reason',
        params: z.strictObject({ id: idSchema }),
        body: reviewDecisionRequestSchema,
        response: {
          200: z.object({ id: z.string(), status: z.string(), violationId: z.string().nullable(), evidenceHash: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const r = await c.compliance.decide(requireActor(req), req.params.id, req.body);
      return { id: r.item.id, status: r.item.status, violationId: r.violation?.id ?? null, evidenceHash: r.evidence?.hash ?? null };
    },
  );

  app.post(
    '/api/review/items/batch-decide',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: {
        tags: ['review'],
        summary:
          'Confirm or dismiss several items at once (selected ids, or all undecided items matching a filter as of a time; at most 200): all or nothing, each item audited',
        body: reviewBatchDecisionRequestSchema,
        response: { 200: reviewBatchDecisionResultSchema },
      },
    },
    async (req) => {
      const b = req.body;
      const input = { decision: b.decision, reason: b.reason };
      const target = b.ids
        ? { ids: b.ids }
        : {
            filter: {
              ...(b.filter?.category ? { category: b.filter.category } : {}),
              ...(b.filter?.minSeverity ? { minSeverity: b.filter.minSeverity } : {}),
              createdBefore: new Date(b.filter?.asOf ?? 0),
            },
          };
      const r = await c.compliance.decideMany(requireActor(req), target, input);
      return {
        count: r.decided.length,
        items: r.decided.map((d) => ({
          id: d.item.id,
          status: d.item.status,
          violationId: d.violation?.id ?? null,
          evidenceHash: d.evidence?.hash ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/violations',
    {
      config: { policy: { allow: ['platform_admin', 'reviewer', 'regulator', 'merchant_staff', 'streamer'] } },
      schema: {
        tags: ['review'],
        summary: 'Confirmed violations; merchants see their own, streamers their own',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(violationSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope =
        actor.role === 'merchant_staff'
          ? { merchantOrgIds: actor.orgId ? [actor.orgId] : [] }
          : actor.role === 'streamer'
            ? { streamerUserId: actor.userId ?? '00000000-0000-0000-0000-000000000000' }
            : {};
      const rows = await c.compliance.listViolations({ limit: req.query.limit, ...scope });
      // names instead of ids on the screen: one look-up per distinct streamer, merchant, product and session
      const r = c.uow.read;
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      const distinct = (pick: (v: (typeof rows)[number]) => string | null) => [
        ...new Set(rows.map(pick).filter((x): x is string => x !== null && uuid.test(x))),
      ];
      const named = async (ids: string[], find: (id: string) => Promise<string | null | undefined>) =>
        new Map(await Promise.all(ids.map(async (id) => [id, (await find(id)) ?? null] as const)));
      const streamers = new Map((await r.users.findByIds(distinct((v) => v.streamerUserId))).map((u) => [u.id, u.displayName]));
      const merchants = await named(
        distinct((v) => v.merchantOrgId),
        async (id) => (await r.orgs.findById(id))?.name,
      );
      const products = await named(
        distinct((v) => v.productRef),
        async (id) => (await r.catalog.findProduct(id))?.title,
      );
      const sessions = await named(
        distinct((v) => v.sessionRef),
        async (id) => (await r.live.findSession(id))?.title,
      );
      const items = rows.map((v) => ({
        id: v.id,
        reviewItemId: v.reviewItemId,
        ruleIds: v.ruleIds,
        categories: v.categories,
        severity: v.severity,
        streamerUserId: v.streamerUserId,
        merchantOrgId: v.merchantOrgId,
        productRef: v.productRef,
        sessionRef: v.sessionRef,
        streamerName: v.streamerUserId ? (streamers.get(v.streamerUserId) ?? null) : null,
        merchantName: v.merchantOrgId ? (merchants.get(v.merchantOrgId) ?? null) : null,
        productTitle: v.productRef ? (products.get(v.productRef) ?? null) : null,
        sessionTitle: v.sessionRef ? (sessions.get(v.sessionRef) ?? null) : null,
        confirmedBy: v.confirmedBy,
        confirmedAt: v.confirmedAt.toISOString(),
        reason: v.reason,
        text: v.text,
        kind: v.kind,
        evidenceHash: v.evidenceHash,
      }));
      return { items };
    },
  );

  app.get(
    '/api/evidence/verify',
    {
      config: { policy: { allow: ['platform_admin', 'reviewer', 'regulator'], scope: 'audit:read' } },
      schema: { tags: ['review'], summary: 'Recompute the evidence hash chain', response: { 200: evidenceVerifySchema } },
    },
    async () => c.compliance.verifyEvidence(),
  );
}

export type { Hit };
