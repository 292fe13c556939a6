/**
 * The enforcement modes of 包容审慎监管 (seed 004): what the API accepts and answers for their settings (首违不罚 per
 * rule category, 观察期 per party kind, 触发式监管's thresholds), 监管沙盒 cohorts and members, training tasks and
 * clues. docs/credit.md, "Enforcement modes".
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { SCREENING_CATEGORIES } from './compliance.ts';
import { CREDIT_PARTY_KINDS } from './credit.ts';
import { idSchema } from './identity.ts';

export const CREDIT_TRIGGERS_API = ['violations', 'tier_d', 'refund_overdue'] as const;
const category = z.enum(SCREENING_CATEGORIES);
const severityLimit = z.number().int().min(0).max(5);
const days = z.number().int().min(0).max(3650);

export const creditModeSettingsSchema = z.strictObject({
  firstOffence: z.strictObject({
    /** the highest severity waived per rule category; 0 never waives */
    byCategory: z.partialRecord(category, severityLimit),
    trainingHours: z.number().int().min(1).max(40),
    trainingDueDays: z.number().int().min(1).max(365),
  }),
  observation: z.strictObject({ days: z.partialRecord(z.enum(CREDIT_PARTY_KINDS), days) }),
  triggers: z
    .array(
      z.strictObject({
        trigger: z.enum(CREDIT_TRIGGERS_API),
        count: z.number().int().min(1).max(1000),
        windowDays: z.number().int().min(1).max(3650),
      }),
    )
    .max(CREDIT_TRIGGERS_API.length),
});
export type CreditModeSettingsInput = z.infer<typeof creditModeSettingsSchema>;

export const creditModeSettingsViewSchema = z.object({ settings: creditModeSettingsSchema, updatedAt: z.string().nullable() });
export type CreditModeSettingsView = z.infer<typeof creditModeSettingsViewSchema>;

export const creditCohortCreateSchema = z.strictObject({
  name: plainText(1, 60),
  description: plainText(1, 500).optional(),
  /** the rule categories relaxed for the cohort's members: waived, or halved */
  relax: z.array(z.strictObject({ category, mode: z.enum(['waive', 'halve']) })).max(SCREENING_CATEGORIES.length),
  extraSampling: z.boolean().default(true),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type CreditCohortCreate = z.infer<typeof creditCohortCreateSchema>;

export const creditCohortViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  relax: z.array(z.object({ category: z.string(), mode: z.enum(['waive', 'halve']) })),
  extraSampling: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  createdAt: z.string(),
});
export type CreditCohortView = z.infer<typeof creditCohortViewSchema>;

export const creditCohortMemberSchema = z.strictObject({ partyId: idSchema });
export const creditCohortMemberViewSchema = z.object({
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  partyName: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
});
export const creditCohortMembersSchema = z.object({ items: z.array(creditCohortMemberViewSchema) });

export const creditTrainingTaskViewSchema = z.object({
  id: idSchema,
  /** the waived violation */
  eventId: idSchema,
  category: z.string(),
  severity: z.number(),
  hours: z.number(),
  status: z.enum(['open', 'completed']),
  title: z.object({ zh: z.string(), en: z.string() }),
  createdAt: z.string(),
  dueAt: z.string(),
  completedAt: z.string().nullable(),
});
export type CreditTrainingTaskView = z.infer<typeof creditTrainingTaskViewSchema>;
export const creditTrainingTasksSchema = z.object({ items: z.array(creditTrainingTaskViewSchema) });

export const creditClueQuerySchema = z.strictObject({
  partyId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const creditClueViewSchema = z.object({
  id: idSchema,
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  partyName: z.string(),
  trigger: z.enum(CREDIT_TRIGGERS_API),
  detail: z.record(z.string(), z.unknown()),
  raisedAt: z.string(),
});
export const creditCluesSchema = z.object({ items: z.array(creditClueViewSchema) });

/** The outbox event a crossed threshold writes, for the supervision context. */
export const creditClueRaisedEventSchema = z.object({
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  trigger: z.enum(CREDIT_TRIGGERS_API),
  detail: z.record(z.string(), z.unknown()),
});

/** An enforcement mode in force for a party and what it changed (on /api/credit/me and the party's detail). */
export const creditModeInForceSchema = z.object({ mode: z.string(), zh: z.string(), en: z.string(), until: z.string().nullable() });
