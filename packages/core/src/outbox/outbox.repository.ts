/** The outbox's storage port. */
import type { OutboxRecord } from './outbox.types.ts';

export interface OutboxRepository {
  add(event: OutboxRecord): Promise<void>;
  addMany(events: OutboxRecord[]): Promise<void>;
  pending(limit: number): Promise<OutboxRecord[]>;
  markPublished(ids: string[], at: Date): Promise<void>;
}
