/**
 * 人货匹配 routes (docs/matching.md): a streamer's recommendations (为你推荐) and "why not" (为什么不能带), a
 * product's streamers (找达人), clicks, the personalisation choice (电子商务法 第十八条), the model (retrain on
 * demand) and a base's match activity. Thin: validate, call the matching service, present. Who may see which
 * streamer or product is the service's (others get 404); the roles here are the outer gate.
 */
import {
  consumerVerificationSchema,
  consumerVerifyInputSchema,
  idSchema,
  matchActivitySchema,
  matchClickSchema,
  matchModelSchema,
  matchModelStatusSchema,
  matchPreferenceSchema,
  matchQuerySchema,
  productRecommendationsSchema,
  streamerRecommendationsSchema,
  whyNotQuerySchema,
  whyNotSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import { AGE_BAND_LABELS, type ConsumerVerification } from '@livehub/core';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import type { Api } from './types.ts';

const tags = ['matching'];
/** a streamer's list: the streamer themself, its MCN, the platform admin (the service narrows to the streamer's own) */
const STREAMER_SIDE = ['streamer', 'mcn_manager', 'platform_admin'] as const;
const MERCHANT_SIDE = ['merchant_staff', 'platform_admin'] as const;
const ADMIN = ['platform_admin'] as const;

const personalisedOf = (q: { personalised?: 'true' | 'false' | undefined }) =>
  q.personalised === undefined ? undefined : q.personalised === 'true';
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function matchingRoutes(api: Api, c: Container): void {
  const streamerParams = z.strictObject({ userId: idSchema });

  api.get(
    '/api/matching/streamers/:userId/recommendations',
    {
      config: { policy: { allow: STREAMER_SIDE } },
      schema: {
        tags,
        summary: '为你推荐: products for a streamer with the reasons in words (personalised=false: the non-personalised ranking)',
        params: streamerParams,
        querystring: matchQuerySchema,
        response: { 200: productRecommendationsSchema },
      },
    },
    async (req) => {
      const personalised = personalisedOf(req.query);
      const r = await c.matching.recommend(requireActor(req), req.params.userId, {
        k: req.query.k,
        ...(personalised === undefined ? {} : { personalised }),
      });
      return { ...r, modelTrainedAt: iso(r.modelTrainedAt) };
    },
  );

  api.get(
    '/api/matching/streamers/:userId/why-not',
    {
      config: { policy: { allow: STREAMER_SIDE } },
      schema: {
        tags,
        summary: '为什么不能带: every hard constraint that keeps a product from a streamer, in words',
        params: streamerParams,
        querystring: whyNotQuerySchema,
        response: { 200: whyNotSchema },
      },
    },
    async (req) => c.matching.whyNot(requireActor(req), req.params.userId, req.query.productId),
  );

  api.get(
    '/api/matching/products/:id/streamers',
    {
      config: { policy: { allow: MERCHANT_SIDE } },
      schema: {
        tags,
        summary: '找达人: streamers for one of the merchant’s products, with the reasons in words',
        params: z.strictObject({ id: idSchema }),
        querystring: matchQuerySchema,
        response: { 200: streamerRecommendationsSchema },
      },
    },
    async (req) => {
      const personalised = personalisedOf(req.query);
      const r = await c.matching.streamersFor(requireActor(req), req.params.id, {
        k: req.query.k,
        ...(personalised === undefined ? {} : { personalised }),
      });
      return { ...r, modelTrainedAt: iso(r.modelTrainedAt) };
    },
  );

  api.post(
    '/api/matching/clicks',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: { tags, summary: 'A recommendation opened (a click)', body: matchClickSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await c.matching.recordClick(requireActor(req), req.body.productId, req.body.personalised);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/matching/preference',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: { tags, summary: 'The caller’s choice of ranking (personalised or not)', response: { 200: matchPreferenceSchema } },
    },
    async (req) => c.matching.preference(requireActor(req)),
  );

  api.put(
    '/api/matching/preference',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: {
        tags,
        summary: 'Choose the non-personalised ranking (电子商务法 第十八条) or the personalised one',
        body: matchPreferenceSchema,
        response: { 200: matchPreferenceSchema },
      },
    },
    async (req) => c.matching.setPreference(requireActor(req), req.body.personalised),
  );

  api.get(
    '/api/matching/model',
    {
      config: { policy: { allow: ['base_operator', 'platform_admin'] } },
      schema: {
        tags,
        summary: 'The newest stored model (version, trained at, sample counts), the one this process ranks with, the schedule',
        response: { 200: matchModelStatusSchema },
      },
    },
    async (req) => {
      const s = await c.matching.modelStatus(requireActor(req));
      return {
        ...s,
        latest: s.latest ? { ...s.latest, trainedAt: s.latest.trainedAt.toISOString() } : null,
        nextRetrainAt: iso(s.nextRetrainAt),
      };
    },
  );

  api.post(
    '/api/matching/model/retrain',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Train the learned part on the current pool and history, stored as the next version (every process loads it)',
        response: { 200: matchModelSchema },
      },
    },
    async (req) => {
      const m = await c.matching.retrain(requireActor(req));
      return { ...m, trainedAt: m.trainedAt.toISOString() };
    },
  );

  api.get(
    '/api/matching/activity',
    {
      config: { policy: { allow: ['base_operator', 'platform_admin'] } },
      schema: {
        tags,
        summary: 'Match activity of the hosted MCNs’ streamers (last 30 days): impressions, clicks, invitations, agreements',
        response: { 200: matchActivitySchema },
      },
    },
    async (req) =>
      (await c.matching.activity(requireActor(req))).map((r) => ({
        streamerUserId: r.partyId,
        displayName: r.displayName,
        impressions: r.impressions,
        clicks: r.clicks,
        invitations: r.invitations,
        agreements: r.agreements,
      })),
  );

  // 实名认证 for the audience (观众画像, ADR 0037): optional, consented; keeps the birth year and gender only
  const verification = (v: ConsumerVerification) => ({
    verified: v.verified,
    ageBand: v.ageBand,
    ageBandName: v.ageBand ? AGE_BAND_LABELS[v.ageBand].zh : null,
    gender: v.gender,
    province: v.province,
    consentedAt: v.consentedAt ? v.consentedAt.toISOString() : null,
  });

  api.get(
    '/api/audience/verification',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'The caller’s real-name verification for the audience (age band and gender only)',
        response: { 200: consumerVerificationSchema },
      },
    },
    async (req) => verification(await c.audience.verification(requireActor(req))),
  );

  api.put(
    '/api/audience/verification',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '实名认证 with consent: the ID number is checked and dropped; its birth year and gender are kept',
        body: consumerVerifyInputSchema,
        response: { 200: consumerVerificationSchema },
      },
    },
    async (req) => verification(await c.audience.verify(requireActor(req), req.body)),
  );

  api.delete(
    '/api/audience/verification',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'Withdraw the consent: the verification is deleted', response: { 200: consumerVerificationSchema } },
    },
    async (req) => verification(await c.audience.withdraw(requireActor(req))),
  );
}
