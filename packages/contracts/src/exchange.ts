/**
 * 跨区域协同 (长三角 cross-region sharing, docs/supervision.md "Cross-region sharing"): clues and credit records
 * exported as a bundle signed with the region's Ed25519 key, and another region's bundle imported after its
 * signature is verified against the key the regulator registered for it. Parties travel by their 统一社会信用代码,
 * the one identifier every region shares; no personal data leaves.
 * Must never import anything but zod: the web bundle depends on it.
 */
import { z } from 'zod';
import { plainText } from './common.ts';

export const EXCHANGE_FORMAT = 'livehub.exchange/1';
export const EXCHANGE_KINDS = ['clue', 'credit', 'case'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** 统一社会信用代码 as the registry holds it */
export const creditCodeSchema = z.string().min(1).max(40);
/** a region's administrative division code (行政区划代码, 6 digits) */
export const regionCodeSchema = z.string().regex(/^\d{6}$/);

const subjectSchema = z.strictObject({
  kind: z.literal('organization'),
  creditCode: creditCodeSchema,
  name: z.string().min(1).max(200),
});

export const exchangeItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('clue'),
    /** the clue's id in the exporting region */
    id: z.string().min(1).max(64),
    rule: z.string().min(1).max(64),
    riskLevel: z.number().int().min(1).max(3),
    status: z.string().min(1).max(32),
    summary: z.strictObject({ zh: z.string().max(500), en: z.string().max(500) }),
    subject: subjectSchema,
    /** a product's title when the clue was about one of the party's products */
    productTitle: z.string().max(200).nullable(),
    signals: z.number().int().min(1),
    firstAt: z.iso.datetime({ offset: true }),
    lastAt: z.iso.datetime({ offset: true }),
  }),
  z.strictObject({
    kind: z.literal('credit'),
    id: z.string().min(1).max(64),
    subject: subjectSchema,
    tier: z.enum(['A', 'B', 'C', 'D']),
    score: z.number().min(0).max(100_000),
    tierSince: z.iso.datetime({ offset: true }).nullable(),
  }),
  z.strictObject({
    kind: z.literal('case'),
    /** the case's id in the exporting region */
    id: z.string().min(1).max(64),
    caseNo: z.string().min(1).max(64),
    subject: subjectSchema,
    /** the measures decided, in words (警告, 罚款 ¥…, 下架商品…) */
    measures: z.array(z.strictObject({ kind: z.string().min(1).max(32), zh: z.string().max(200), en: z.string().max(200) })).max(10),
    legalBasis: z.string().max(1000),
    decidedAt: z.iso.datetime({ offset: true }),
    /** the SHA-256 of the decision document (行政处罚决定书) as issued */
    documentSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  }),
]);
export type ExchangeItem = z.infer<typeof exchangeItemSchema>;

/** A bundle as exchanged: everything but `signature` is what the signature covers (canonical JSON). */
export const exchangeBundleSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  region: z.strictObject({ code: regionCodeSchema, name: z.string().min(1).max(100) }),
  /** the first 16 hex digits of the SHA-256 of the raw public key */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.iso.datetime({ offset: true }),
  items: z.array(exchangeItemSchema).max(10_000),
  /** Ed25519 over the canonical JSON of the other fields, base64 */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type ExchangeBundle = z.infer<typeof exchangeBundleSchema>;

export const exchangeExportSchema = z.strictObject({
  kinds: z.array(z.enum(EXCHANGE_KINDS)).min(1).max(3),
  /** clues with a signal since then (default: the last 90 days) */
  since: z.iso.date().optional(),
});
export type ExchangeExport = z.infer<typeof exchangeExportSchema>;

/** The bundle is taken as uploaded: its shape is checked by the service, so a malformed one gets a field-level error. */
export const exchangeImportSchema = z.strictObject({ bundle: z.unknown() });

/** A partner region the regulator trusts, with its public key (raw 32 bytes, base64, or SPKI PEM). */
export const exchangeRegionCreateSchema = z.strictObject({
  code: regionCodeSchema,
  name: plainText(2, 100),
  publicKey: z.string().trim().min(40).max(1000),
});
export type ExchangeRegionCreate = z.infer<typeof exchangeRegionCreateSchema>;

export const exchangeRegionViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  keyId: z.string(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
});
export type ExchangeRegionView = z.infer<typeof exchangeRegionViewSchema>;

export const exchangeBundleViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['export', 'import']),
  regionCode: z.string(),
  regionName: z.string(),
  sha256: z.string(),
  items: z.number(),
  /** imported items matched to a party of this region */
  matched: z.number(),
  createdAt: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
});
export type ExchangeBundleView = z.infer<typeof exchangeBundleViewSchema>;

export const exchangeOverviewSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), keyId: z.string(), publicKey: z.string() }),
  regions: z.array(exchangeRegionViewSchema),
  bundles: z.array(exchangeBundleViewSchema),
});
export type ExchangeOverview = z.infer<typeof exchangeOverviewSchema>;

/** An item another region sent, with its provenance (来源) and the local party it names, if any. */
export const exchangeRecordViewSchema = z.object({
  id: z.string(),
  kind: z.enum(EXCHANGE_KINDS),
  sourceRegionCode: z.string(),
  sourceRegionName: z.string(),
  sourceId: z.string(),
  bundleSha256: z.string(),
  subjectCreditCode: z.string(),
  subjectName: z.string(),
  /** the local organization with that credit code (null: not active here) */
  localOrgId: z.string().nullable(),
  localOrgName: z.string().nullable(),
  /** the clue raised here for it (clue items matched to a local party) */
  localClueId: z.string().nullable(),
  item: exchangeItemSchema,
  importedAt: z.string(),
});
export type ExchangeRecordView = z.infer<typeof exchangeRecordViewSchema>;
export const exchangeRecordListSchema = z.object({ items: z.array(exchangeRecordViewSchema) });

export const exchangeImportResultSchema = z.object({
  bundle: exchangeBundleViewSchema,
  imported: z.number(),
  matched: z.number(),
  cluesRaised: z.number(),
});
export type ExchangeImportResult = z.infer<typeof exchangeImportResultSchema>;
