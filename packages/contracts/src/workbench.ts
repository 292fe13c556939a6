/** The numbers a role's workbench opens with, read live from the database. */
import { z } from 'zod';

export const workbenchSummarySchema = z.object({
  role: z.string(),
  orgName: z.string().nullable(),
  cards: z.array(z.object({ key: z.string(), value: z.number(), unit: z.string().optional() })),
  recent: z.array(z.object({ at: z.string(), action: z.string(), targetType: z.string(), actorLabel: z.string().nullable() })),
});
export type WorkbenchSummary = z.infer<typeof workbenchSummarySchema>;
