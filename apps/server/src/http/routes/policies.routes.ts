/**
 * 政策服务包 (policies): a regulator's department drafts, publishes and withdraws policies, reviews their
 * applications and reads the totals granted; enterprises (merchant, MCN, base, service provider) and streamers see
 * what they qualify for and why, apply, add documents when returned, and withdraw. docs/programmes.md.
 */
import {
  idSchema,
  matchedPoliciesSchema,
  policyApplicationListSchema,
  policyApplicationViewSchema,
  policyApplySchema,
  policyInputSchema,
  policyListSchema,
  policyResubmitSchema,
  policyReviewSchema,
  policyTotalsSchema,
  policyViewSchema,
  type PolicyInputBody,
} from '@livehub/contracts';
import type { PolicyInput } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentMatched, presentPolicy, presentPolicyApplication } from '../presenters/policies.presenter.ts';
import { createdRoute, idActionRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['policies'];
const idParams = z.strictObject({ id: idSchema });
/** Who issues policies and reviews their applications: a regulator acting for a department. */
export const POLICY_ISSUERS = ['regulator'] as const;
/** Who applies for enterprise policies. */
export const POLICY_ENTERPRISES = ['merchant_staff', 'mcn_manager', 'base_operator', 'provider_staff'] as const;
/** Everyone who applies: the enterprises, and streamers for talent policies. */
export const POLICY_APPLICANTS = [...POLICY_ENTERPRISES, 'streamer'] as const;

function input(b: PolicyInputBody): PolicyInput {
  return {
    ...b,
    applyFrom: b.applyFrom ? new Date(b.applyFrom) : null,
    applyUntil: b.applyUntil ? new Date(b.applyUntil) : null,
  };
}

export function policiesRoutes(api: Api, c: Container): void {
  // ── the issuing regulator ──
  api.get(
    '/api/policies',
    {
      config: { policy: { allow: POLICY_ISSUERS } },
      schema: { tags, summary: 'The policies of the caller’s regulator organization, newest first', response: { 200: policyListSchema } },
    },
    async (req) => {
      const { policies, departmentNames } = await c.policies.listIssued(requireActor(req));
      return { items: policies.map((p) => presentPolicy(p, departmentNames.get(p.issuerDepartment) ?? null)) };
    },
  );

  createdRoute(
    api,
    '/api/policies',
    {
      allow: POLICY_ISSUERS,
      tags,
      summary: 'Drafts a policy for the caller’s department',
      body: policyInputSchema,
      response: policyViewSchema,
    },
    async (actor, body) => presentPolicy(await c.policies.create(actor, input(body)), null),
  );

  idActionRoute(
    api,
    '/api/policies/:id',
    { allow: POLICY_ISSUERS, tags, summary: 'Edits a draft policy', params: idParams, body: policyInputSchema, response: policyViewSchema },
    async (actor, id, body) => presentPolicy(await c.policies.update(actor, id, input(body)), null),
  );

  idActionRoute(
    api,
    '/api/policies/:id/publish',
    { allow: POLICY_ISSUERS, tags, summary: 'Publishes a draft policy', params: idParams, response: policyViewSchema },
    async (actor, id) => presentPolicy(await c.policies.publish(actor, id), null),
  );

  idActionRoute(
    api,
    '/api/policies/:id/withdraw',
    { allow: POLICY_ISSUERS, tags, summary: 'Withdraws a published policy', params: idParams, response: policyViewSchema },
    async (actor, id) => presentPolicy(await c.policies.withdraw(actor, id), null),
  );

  api.get(
    '/api/policies/totals',
    {
      config: { policy: { allow: POLICY_ISSUERS } },
      schema: { tags, summary: 'Applications and amounts granted per policy of the organization', response: { 200: policyTotalsSchema } },
    },
    async (req) => ({ items: await c.policies.totals(requireActor(req)) }),
  );

  api.get(
    '/api/policy-applications/queue',
    {
      config: { policy: { allow: POLICY_ISSUERS } },
      schema: {
        tags,
        summary: 'Applications for the policies of the caller’s department, newest first',
        response: { 200: policyApplicationListSchema },
      },
    },
    async (req) => ({ items: (await c.policies.queue(requireActor(req))).map(presentPolicyApplication) }),
  );

  idActionRoute(
    api,
    '/api/policy-applications/:id/review',
    {
      allow: POLICY_ISSUERS,
      tags,
      summary: 'The issuing department grants (with the amount), rejects or returns an application',
      params: idParams,
      body: policyReviewSchema,
      response: policyApplicationViewSchema,
    },
    async (actor, id, body) => presentPolicyApplication(await c.policyApplications.review(actor, id, body)),
  );

  // ── the applicants ──
  api.get(
    '/api/policies/matched',
    {
      config: { policy: { allow: POLICY_APPLICANTS } },
      schema: {
        tags,
        summary: 'Open policies for the caller (enterprise or talent), each with the verdict on the caller’s facts',
        response: { 200: matchedPoliciesSchema },
      },
    },
    async (req) => presentMatched(await c.policyApplications.matched(requireActor(req))),
  );

  idActionRoute(
    api,
    '/api/policies/:id/apply',
    {
      allow: POLICY_APPLICANTS,
      tags,
      summary: 'Applies for a policy (eligibility judged again now; refused with the unmet conditions)',
      params: idParams,
      body: policyApplySchema,
      response: policyApplicationViewSchema,
    },
    async (actor, id, body) => presentPolicyApplication(await c.policyApplications.apply(actor, id, body)),
  );

  api.get(
    '/api/policy-applications/mine',
    {
      config: { policy: { allow: POLICY_APPLICANTS } },
      schema: { tags, summary: 'The caller’s (or its organization’s) policy applications', response: { 200: policyApplicationListSchema } },
    },
    async (req) => ({ items: (await c.policyApplications.mine(requireActor(req))).map(presentPolicyApplication) }),
  );

  idActionRoute(
    api,
    '/api/policy-applications/:id/resubmit',
    {
      allow: POLICY_APPLICANTS,
      tags,
      summary: 'Adds documents to a returned application and sends it back to review',
      params: idParams,
      body: policyResubmitSchema,
      response: policyApplicationViewSchema,
    },
    async (actor, id, body) => presentPolicyApplication(await c.policyApplications.resubmit(actor, id, body.documents)),
  );

  idActionRoute(
    api,
    '/api/policy-applications/:id/withdraw',
    { allow: POLICY_APPLICANTS, tags, summary: 'Withdraws an open application', params: idParams, response: policyApplicationViewSchema },
    async (actor, id) => presentPolicyApplication(await c.policyApplications.withdraw(actor, id)),
  );
}
