/** The port of the credit model's published versions. */
import type { CreditModel } from '@livehub/credit';

export interface CreditModelRecord {
  version: string;
  model: CreditModel;
  effectiveFrom: string;
  publishedBy: string | null;
  publishedAt: Date;
}

export interface CreditModelRepository {
  /** false when the version exists already */
  insert(m: CreditModelRecord): Promise<boolean>;
  /** the newest published version, if any */
  latest(): Promise<CreditModelRecord | null>;
  /** every version, newest first, without the model bodies' size mattering (few rows) */
  list(): Promise<CreditModelRecord[]>;
}
