/** Audit-log contracts: one hash-chained entry per write. */
import { z } from 'zod';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** what the target is called (a user's name, an order's number, a product's title…), when it has a name */
  targetName: z.string().nullable().optional(),
  changeHash: z.string(),
  hash: z.string(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  action: z.string().max(100).optional(),
  orgId: z.uuid().optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
