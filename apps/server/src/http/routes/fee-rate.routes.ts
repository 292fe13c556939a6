/**
 * The money flows' routes: the platform fee rates per category (平台服务费率, platform admins) and the after-sales
 * refund (售后退款) of a completed order (platform admins), whose ledger take-back runs in the refund's transaction.
 */
import { afterSalesRefundSchema, feeRateListSchema, feeRateSetSchema, feeRateViewSchema, idSchema } from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentFeeRate, presentFeeRates } from '../presenters/fee-rate.presenter.ts';
import type { Api } from './types.ts';

const tags = ['settlement'];
const ADMIN = { policy: { allow: ['platform_admin' as const] } };

export function feeRateRoutes(api: Api, c: Container): void {
  api.get(
    '/api/settlement/fee-rates',
    {
      config: ADMIN,
      schema: { tags, summary: '平台服务费率: the default and each category’s rate', response: { 200: feeRateListSchema } },
    },
    async (req) => presentFeeRates(await c.feeRates.list(requireActor(req))),
  );
  api.put(
    '/api/settlement/fee-rates/:categoryId',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: '设置类目平台服务费率 (basis points), audited',
        params: z.strictObject({ categoryId: z.string().min(1).max(60) }),
        body: feeRateSetSchema,
        response: { 200: feeRateViewSchema },
      },
    },
    async (req) => presentFeeRate(await c.feeRates.set(requireActor(req), req.params.categoryId, req.body.feeBp)),
  );
  api.post(
    '/api/orders/:id/after-sales-refund',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: '售后退款: refund part or all of a completed order; each party’s share is taken back pro rata',
        params: z.strictObject({ id: idSchema }),
        body: afterSalesRefundSchema,
      },
    },
    async (req) => c.orders.afterSalesRefund(requireActor(req), req.params.id, req.body.amountFen, req.body.reason),
  );
}
