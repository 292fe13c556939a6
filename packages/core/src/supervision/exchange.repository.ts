/**
 * The port of cross-region sharing. Bundles are insert-once per direction and hash; an item from a region is kept
 * once per its source id (a later bundle refreshes it). Writes run in the caller's transaction.
 */
import type { ExchangeKind } from '@livehub/contracts';
import type { ExchangeBundleRecord, ExchangeKeyRecord, ExchangeRecord, ExchangeRegionRecord } from './exchange.types.ts';

export interface ExchangeRepository {
  findKey(): Promise<ExchangeKeyRecord | null>;
  /** false when a key is stored already (another process made it first) */
  insertKey(k: ExchangeKeyRecord): Promise<boolean>;
  listRegions(): Promise<ExchangeRegionRecord[]>;
  findRegion(code: string): Promise<ExchangeRegionRecord | null>;
  /** adds or replaces (a partner's new key) */
  upsertRegion(r: ExchangeRegionRecord): Promise<void>;
  /** false when a bundle with this direction and hash is stored already */
  insertBundle(b: ExchangeBundleRecord): Promise<boolean>;
  listBundles(limit: number): Promise<ExchangeBundleRecord[]>;
  /** the SHA-256 of each of these bundles, by id */
  bundleHashes(ids: readonly string[]): Promise<Map<string, string>>;
  /** inserts, or refreshes the item a region sent before under the same source id */
  upsertRecord(r: ExchangeRecord): Promise<void>;
  findRecord(sourceRegionCode: string, kind: ExchangeKind, sourceId: string): Promise<ExchangeRecord | null>;
  listRecords(opts: { kind?: ExchangeKind | undefined; limit: number }): Promise<ExchangeRecord[]>;
}
