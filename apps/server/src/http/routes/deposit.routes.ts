/**
 * Deposit routes (保证金): the merchant's deposit card and its payment through the payment provider; the platform
 * admin's requirements per category and deductions for compensation.
 */
import {
  depositDeductionSchema,
  depositPaymentOpenedSchema,
  depositPaySchema,
  depositRequirementSchema,
  depositRequirementViewSchema,
  depositViewSchema,
  idSchema,
} from '@livehub/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentDeposit, presentRequirement } from '../presenters/payouts.presenter.ts';
import { publicOrigin } from '../public-origin.ts';
import type { Api } from './types.ts';

const tags = ['deposits'];
const ADMIN = ['platform_admin'] as const;

const originOf = (req: FastifyRequest, c: Container) =>
  publicOrigin({ headers: req.headers, protocol: req.protocol, host: req.host, localPort: req.socket?.localPort }, c.config);

export function depositRoutes(api: Api, c: Container): void {
  api.get(
    '/api/deposit',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'regulator'] } },
      schema: {
        tags,
        summary: '保证金: required / paid / due, payments and deductions (a merchant its own; the platform any merchant’s)',
        querystring: z.strictObject({ merchantOrgId: idSchema.optional() }),
        response: { 200: depositViewSchema },
      },
    },
    async (req) => presentDeposit(await c.deposits.view(requireActor(req), req.query.merchantOrgId)),
  );

  api.post(
    '/api/deposit/pay',
    {
      config: { policy: { allow: ['merchant_staff'] } },
      schema: {
        tags,
        summary: '缴纳保证金: opens a payment for the amount due (or the amount given) and returns its page',
        body: depositPaySchema.optional(),
        response: { 200: depositPaymentOpenedSchema },
      },
    },
    async (req) => c.deposits.pay(requireActor(req), req.body?.amountFen, originOf(req, c)),
  );

  api.get(
    '/api/deposit-requirements',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'regulator'] } },
      schema: { tags, summary: 'Deposit required per product category', response: { 200: z.array(depositRequirementViewSchema) } },
    },
    async () => (await c.deposits.requirements()).map(presentRequirement),
  );

  api.put(
    '/api/deposit-requirements',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Set a category’s deposit requirement (0 removes it)',
        body: depositRequirementSchema,
        response: { 200: z.object({ categoryId: z.string(), amountFen: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await c.deposits.setRequirement(requireActor(req), req.body.categoryId, req.body.amountFen);
      return { categoryId: r.categoryId, amountFen: r.amountFen };
    },
  );

  api.post(
    '/api/deposit-deductions',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: '扣除保证金 for compensation (to the advance-compensation fund); a top-up notice when it falls short',
        body: depositDeductionSchema,
        response: {
          201: z.object({
            id: idSchema,
            amountFen: z.number().int(),
            requiredFen: z.number().int(),
            balanceFen: z.number().int(),
            dueFen: z.number().int(),
            topUpRequired: z.boolean(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await c.deposits.deduct(requireActor(req), req.body);
      return reply
        .status(201)
        .send({ id: r.deduction.id, amountFen: r.deduction.amountFen, ...r.standing, topUpRequired: r.topUpRequired });
    },
  );
}
