/**
 * The settlement money flows' requests and views shared by the server and the web app: the after-sales refund
 * (售后退款) on a completed order, the platform fee rates (平台服务费率) per category, and a settle run's result.
 */
import { z } from 'zod';
import { plainText } from './common.ts';

/** 售后退款: a platform admin refunds part or all of a completed order (fen, at most what is left to refund). */
export const afterSalesRefundSchema = z.strictObject({
  amountFen: z.number().int().positive().max(900_000_000_000),
  reason: plainText(2, 200),
});
export type AfterSalesRefundInput = z.infer<typeof afterSalesRefundSchema>;

/** 设置平台服务费率: basis points (500 = 5 %). */
export const feeRateSetSchema = z.strictObject({ feeBp: z.number().int().min(0).max(10_000) });

export const feeRateViewSchema = z.object({
  categoryId: z.string(),
  feeBp: z.number().int(),
  updatedAt: z.string(),
});
export type FeeRateView = z.infer<typeof feeRateViewSchema>;

export const feeRateListSchema = z.object({
  /** the rate of a category without one of its own */
  defaultFeeBp: z.number().int(),
  rates: z.array(feeRateViewSchema),
});
export type FeeRateList = z.infer<typeof feeRateListSchema>;
