/** Drizzle implementation of the credit model versions' port. */
import type { CreditModelRecord, CreditModelRepository } from '@livehub/core';
import { desc } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { creditModels } from '../schema/credit-models.ts';

export class DrizzleCreditModelRepository implements CreditModelRepository {
  constructor(private readonly db: Db) {}

  async insert(m: CreditModelRecord): Promise<boolean> {
    const rows = await this.db
      .insert(creditModels)
      .values({ ...m, model: m.model as unknown as Record<string, unknown> })
      .onConflictDoNothing()
      .returning({ version: creditModels.version });
    return rows.length === 1;
  }
  async latest(): Promise<CreditModelRecord | null> {
    const [row] = await this.db.select().from(creditModels).orderBy(desc(creditModels.publishedAt), desc(creditModels.version)).limit(1);
    return (row as unknown as CreditModelRecord | undefined) ?? null;
  }
  async list(): Promise<CreditModelRecord[]> {
    return (await this.db
      .select()
      .from(creditModels)
      .orderBy(desc(creditModels.publishedAt), desc(creditModels.version))) as unknown as CreditModelRecord[];
  }
}
