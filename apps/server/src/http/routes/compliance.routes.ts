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
import type { ReviewStatus } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import {
  presentDecision,
  presentIngestResult,
  presentReviewItem,
  presentReviewItemDetail,
  presentRulePack,
  presentViolation,
} from '../presenters/compliance.presenter.ts';
import type { Api } from './types.ts';

const REVIEWERS = ['platform_admin', 'reviewer'] as const;
const tags = ['compliance'];

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
      const r = await c.compliance.ingestLive(requireActor(req), { ...b, occurredAt: b.occurredAt ? new Date(b.occurredAt) : undefined });
      return reply.status(r.duplicate ? 200 : 201).send(presentIngestResult(r));
    },
  );

  app.get(
    '/api/compliance/rules',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'The rule pack in force, with legal bases', response: { 200: rulePackSummarySchema } },
    },
    async () => presentRulePack(await c.compliance.rulePackSummary()),
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
      return { items: items.map((i) => presentReviewItem(i, now, names, c.compliance.pack.rules)), generatedAt: now.toISOString() };
    },
  );

  app.get(
    '/api/review/items/:id',
    {
      config: { policy: { allow: REVIEWERS } },
      schema: { tags: ['review'], params: z.strictObject({ id: idSchema }), response: { 200: reviewItemDetailSchema } },
    },
    async (req) => presentReviewItemDetail(await c.compliance.getItem(req.params.id), c.clock.now(), c.compliance.pack.rules),
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
    async (req) => presentDecision(await c.compliance.decide(requireActor(req), req.params.id, req.body)),
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
      return { count: r.decided.length, items: r.decided.map(presentDecision) };
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
      const page = await c.compliance.violationPage(requireActor(req), req.query.limit);
      return { items: page.items.map((v) => presentViolation(v, page.names)) };
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
