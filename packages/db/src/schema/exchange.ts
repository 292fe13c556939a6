/**
 * 跨区域协同 (cross-region sharing): this region's Ed25519 signing key (the private half sealed by the vault), the
 * partner regions the regulator trusts with their public keys, the bundles exported and imported (one import per
 * bundle: its SHA-256 is unique), and the items other regions sent, kept with their provenance.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const exchangeKeys = pgTable('exchange_keys', {
  regionCode: text('region_code').primaryKey(),
  regionName: text('region_name').notNull(),
  /** raw 32-byte Ed25519 public key, base64 */
  publicKey: text('public_key').notNull(),
  /** PKCS#8 DER private key, base64, sealed by the PII vault */
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const exchangeRegions = pgTable('exchange_regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull(),
  keyId: text('key_id').notNull(),
  addedByUserId: uuid('added_by_user_id'),
  addedAt: ts('added_at').notNull(),
});

export const exchangeBundles = pgTable(
  'exchange_bundles',
  {
    id: uuid('id').primaryKey(),
    direction: text('direction', { enum: ['export', 'import'] }).notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    sha256: text('sha256').notNull(),
    items: integer('items').notNull(),
    matched: integer('matched').notNull(),
    /** the bundle's own creation time (the exporter's clock) */
    createdAt: ts('created_at').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
  },
  (t) => [uniqueIndex('exchange_bundles_uq').on(t.direction, t.sha256), index('exchange_bundles_at_idx').on(t.at)],
);

export const exchangeRecords = pgTable(
  'exchange_records',
  {
    id: uuid('id').primaryKey(),
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => exchangeBundles.id),
    kind: text('kind', { enum: ['clue', 'credit', 'case'] }).notNull(),
    sourceRegionCode: text('source_region_code').notNull(),
    sourceId: text('source_id').notNull(),
    subjectCreditCode: text('subject_credit_code').notNull(),
    subjectName: text('subject_name').notNull(),
    localOrgId: uuid('local_org_id'),
    localClueId: uuid('local_clue_id'),
    item: jsonb('item').$type<Record<string, unknown>>().notNull(),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    uniqueIndex('exchange_records_source_uq').on(t.sourceRegionCode, t.kind, t.sourceId),
    index('exchange_records_imported_idx').on(t.importedAt),
    index('exchange_records_org_idx').on(t.localOrgId),
  ],
);
