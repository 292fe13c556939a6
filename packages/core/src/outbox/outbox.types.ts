/** Records of the outbox: events written in the same transaction as the change they announce. */
export interface OutboxRecord {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  publishedAt: Date | null;
}
