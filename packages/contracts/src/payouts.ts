/**
 * Payouts (提现) and merchant deposits (保证金): what the API accepts and answers. Money is integer fen. A payout's
 * bank card or WeChat account is personal information: accepted here, sealed at rest, masked in every answer.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const PAYOUT_STATUSES = ['pending_approval', 'processing', 'paid', 'failed', 'rejected'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const PAYOUT_METHODS = ['bank', 'wechat'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

/** Who withdraws: a merchant organization, a streamer, an MCN organization. */
export const PAYOUT_PARTY_KINDS = ['merchant', 'streamer', 'mcn'] as const;
export type PayoutPartyKind = (typeof PAYOUT_PARTY_KINDS)[number];

/** An amount of fen to move: a positive integer, at most ¥100,000,000. */
export const amountFen = z
  .number({ error: 'a number of fen' })
  .int({ error: 'an integer number of fen (分)' })
  .min(1, { error: 'must be greater than 0' })
  .max(10_000_000_000, { error: 'at most ¥100,000,000' });

export const payoutRequestSchema = z
  .strictObject({
    amountFen,
    method: z.enum(PAYOUT_METHODS),
    /** the account holder's name (户名 / 微信实名) */
    accountName: plainText(2, 40),
    /** a bank card number (12–30 digits) or a WeChat openid */
    accountNo: z
      .string()
      .trim()
      .min(6, { error: 'at least 6 characters' })
      .max(64, { error: 'at most 64 characters' })
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'letters, digits, - and _ only' }),
    /** 开户行, for bank cards */
    bankName: plainText(2, 60).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'bank' && !/^\d{12,30}$/.test(v.accountNo))
      ctx.addIssue({ code: 'custom', path: ['accountNo'], message: 'a bank card number of 12–30 digits' });
    if (v.method === 'bank' && !v.bankName) ctx.addIssue({ code: 'custom', path: ['bankName'], message: 'required for a bank card' });
  });
export type PayoutRequest = z.infer<typeof payoutRequestSchema>;

export const payoutDecisionSchema = z.strictObject({ reason: plainText(2, 200).optional() });
export const payoutRejectSchema = z.strictObject({ reason: plainText(2, 200) });

export const payoutListQuerySchema = z.strictObject({
  status: z.enum(PAYOUT_STATUSES).optional(),
  /** platform only: one party's payouts */
  partyId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const payoutViewSchema = z.object({
  id: idSchema,
  partyId: idSchema,
  partyKind: z.enum(PAYOUT_PARTY_KINDS),
  partyName: z.string(),
  amountFen: z.number().int(),
  method: z.enum(PAYOUT_METHODS),
  /** masked: 张* · 6222 **** **** 1234 */
  accountName: z.string(),
  accountNo: z.string(),
  bankName: z.string().nullable(),
  status: z.enum(PAYOUT_STATUSES),
  failureReason: z.string().nullable(),
  decisionNote: z.string().nullable(),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type PayoutView = z.infer<typeof payoutViewSchema>;

export const payoutHoldSchema = z.strictObject({ partyId: idSchema, reason: plainText(2, 200) });
export const payoutHoldViewSchema = z.object({
  id: idSchema,
  partyId: idSchema,
  partyName: z.string(),
  reason: z.string(),
  placedAt: z.string(),
  releasedAt: z.string().nullable(),
});
export type PayoutHoldView = z.infer<typeof payoutHoldViewSchema>;

/** What a party may withdraw now, and whether its payouts are on hold. */
export const payoutSummarySchema = z.object({
  partyId: idSchema,
  partyKind: z.enum(PAYOUT_PARTY_KINDS),
  availableFen: z.number().int(),
  inTransitFen: z.number().int(),
  approvalThresholdFen: z.number().int(),
  hold: payoutHoldViewSchema.nullable(),
});
export type PayoutSummary = z.infer<typeof payoutSummarySchema>;

// ---- deposits (保证金)

export const DEPOSIT_PAYMENT_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const depositRequirementSchema = z.strictObject({
  categoryId: z.string().min(1).max(60),
  /** 0 removes the requirement */
  amountFen: z.number({ error: 'a number of fen' }).int({ error: 'an integer number of fen (分)' }).min(0).max(10_000_000_000),
});

export const depositRequirementViewSchema = z.object({
  categoryId: z.string(),
  categoryName: z.string(),
  amountFen: z.number().int(),
  updatedAt: z.string(),
});
export type DepositRequirementView = z.infer<typeof depositRequirementViewSchema>;

export const depositPaySchema = z.strictObject({ amountFen: amountFen.optional() });

export const depositDeductionSchema = z.strictObject({
  merchantOrgId: idSchema,
  amountFen,
  reason: plainText(2, 200),
});

export const depositViewSchema = z.object({
  merchantOrgId: idSchema,
  merchantName: z.string(),
  /** the largest requirement over the categories the merchant lists */
  requiredFen: z.number().int(),
  balanceFen: z.number().int(),
  dueFen: z.number().int(),
  /** the balance fell below the requirement: the merchant must top up (补缴) */
  topUpRequired: z.boolean(),
  payments: z.array(
    z.object({
      id: idSchema,
      amountFen: z.number().int(),
      status: z.enum(DEPOSIT_PAYMENT_STATUSES),
      createdAt: z.string(),
    }),
  ),
  deductions: z.array(z.object({ id: idSchema, amountFen: z.number().int(), reason: z.string(), createdAt: z.string() })),
});
export type DepositView = z.infer<typeof depositViewSchema>;

export const depositPaymentOpenedSchema = z.object({ paymentId: idSchema, payUrl: z.string(), amountFen: z.number().int() });
