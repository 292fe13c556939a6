/** Response types derived from the shared contracts (types only; nothing here reaches the bundle). */
import type { apiTokenSchema, createdApiTokenSchema, memberSchema } from '@livehub/contracts';

export type Member = ReturnType<typeof memberSchema.parse>;
export type ApiToken = ReturnType<typeof apiTokenSchema.parse>;
export type CreatedApiToken = ReturnType<typeof createdApiTokenSchema.parse>;

export interface ItemsResponse<T> {
  items: T[];
}
