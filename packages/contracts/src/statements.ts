/**
 * Statements (对账单) and reconciliation (对账) contracts. Amounts are integer fen; times ISO strings; labels come in
 * Chinese from the server (kinds of accounts and entries, references decoded from business keys).
 */
import { z } from 'zod';

/** A day `YYYY-MM-DD` or a month `YYYY-MM` in China time (the service refuses an impossible date with the field). */
export const statementQuerySchema = z.strictObject({
  partyId: z.uuid(),
  period: z.string().min(1).max(20),
  /** one kind of account only (e.g. `merchant_available`); every account of the party when absent */
  kind: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
});
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const statementLineSchema = z.object({
  postedAt: z.string(),
  entryId: z.string(),
  seq: z.number().int(),
  businessKey: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  refType: z.string(),
  refId: z.string().nullable(),
  reference: z.string(),
  memo: z.string().nullable(),
  amountFen: z.number().int(),
  balanceAfterFen: z.number().int(),
});
export type StatementLineView = z.infer<typeof statementLineSchema>;

export const statementTotalsSchema = z.object({
  openingFen: z.number().int(),
  creditsFen: z.number().int(),
  debitsFen: z.number().int(),
  closingFen: z.number().int(),
  lines: z.number().int(),
});
export type StatementTotalsView = z.infer<typeof statementTotalsSchema>;

export const accountStatementSchema = statementTotalsSchema.extend({
  accountId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  entries: z.array(statementLineSchema),
});
export type AccountStatementView = z.infer<typeof accountStatementSchema>;

export const statementViewSchema = z.object({
  partyId: z.string(),
  partyName: z.string(),
  period: z.object({ label: z.string(), granularity: z.enum(['day', 'month']), from: z.string(), to: z.string() }),
  accounts: z.array(accountStatementSchema),
  totals: statementTotalsSchema,
  generatedAt: z.string(),
});
export type StatementView = z.infer<typeof statementViewSchema>;

export const DIFFERENCE_TYPE_CODES = ['long', 'short', 'missing_notification', 'amount_mismatch', 'duplicate', 'unposted'] as const;

export const reconciliationRunSchema = z.object({
  id: z.string(),
  day: z.string(),
  provider: z.string(),
  billRows: z.number().int(),
  matched: z.number().int(),
  differences: z.number().int(),
  /** differences not yet resolved */
  open: z.number().int().optional(),
  billPaymentsFen: z.number().int(),
  billRefundsFen: z.number().int(),
  billFeesFen: z.number().int(),
  runs: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ReconciliationRunView = z.infer<typeof reconciliationRunSchema>;

export const reconciliationItemSchema = z.object({
  id: z.string(),
  day: z.string(),
  type: z.enum(DIFFERENCE_TYPE_CODES),
  typeLabel: z.string(),
  refKind: z.enum(['payment', 'refund']),
  refId: z.string(),
  orderId: z.string().nullable(),
  orderNo: z.string().nullable(),
  providerRef: z.string().nullable(),
  billFen: z.number().int().nullable(),
  ourFen: z.number().int().nullable(),
  cause: z.string(),
  status: z.enum(['open', 'resolved']),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ReconciliationItemView = z.infer<typeof reconciliationItemSchema>;

export const reconciliationDaySchema = z.object({ run: reconciliationRunSchema, items: z.array(reconciliationItemSchema) });
export type ReconciliationDayView = z.infer<typeof reconciliationDaySchema>;

export const reconciliationRunBodySchema = z.strictObject({ day: z.string().min(1).max(20) });
export const reconciliationResolveSchema = z.strictObject({ note: z.string().max(2000) });
export type ReconciliationResolveInput = z.infer<typeof reconciliationResolveSchema>;
