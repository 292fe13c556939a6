/**
 * The registry's pure rules: which documents a registration needs, what stops a streamer going live or a merchant
 * listing, how a record is masked for lists and exports. No I/O: the job services read and write, these decide.
 */
import { DOCUMENT_KINDS } from '@livehub/contracts';
import type { ErrorCode } from '../errors.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../shared/masking.ts';
import type { UploadFailure } from './file-sniff.ts';
import type {
  BaseProfileRecord,
  DocRef,
  MaskedBase,
  MaskedMerchant,
  MaskedStreamer,
  MerchantProfileRecord,
  QualificationRecord,
  StreamerProfileRecord,
} from './registry.types.ts';

/** Kinds of uploaded document: one vocabulary, shared with the API (packages/contracts). */
export const DOCUMENT_TYPES = DOCUMENT_KINDS;
export type DocumentKind = (typeof DOCUMENT_TYPES)[number];

/** Topics whose content needs a professional licence on file (网络主播行为规范, 2022). */
export const LICENSED_TOPICS = ['medicine', 'finance', 'law', 'education'] as const;
const TOPIC_ZH: Record<string, string> = { medicine: '医疗卫生', finance: '财经金融', law: '法律', education: '教育' };

/** Category qualifications (网络直播营销选品规范 Art. 4–6): food needs a food licence, cosmetics a filing. */
const CATEGORY_QUALIFICATIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['food', 'food_licence', '食品'],
  ['health_food', 'food_licence', '保健食品'],
  ['agri', 'food_licence', '农产品（食用）'],
  ['cosmetics', 'cosmetics_filing', '化妆品'],
];

const DAY_MS = 86_400_000;
/** Documents are kept three years (电子商务法 Art. 31). */
export const RETENTION_MS = 3 * 366 * DAY_MS;
/** A streamer's or a base's certification lasts a year. */
export const CERTIFICATION_MS = 365 * DAY_MS;
/** Qualifications warn thirty days before they expire. */
export const WARN_BEFORE_MS = 30 * DAY_MS;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** 张三丰 → 张** ; keeps the surname, which the public list may show. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** The error code of a refused upload. */
export function uploadErrorCode(reason: UploadFailure): ErrorCode {
  const codes: Record<UploadFailure, ErrorCode> = {
    empty: 'document.empty',
    too_large: 'document.too_large',
    type_mismatch: 'document.type_mismatch',
    malformed: 'document.malformed',
    unsupported_type: 'document.unsupported_type',
  };
  return codes[reason];
}

/** The first of a merchant's categories whose qualification document is missing, or null when none is. */
export function missingCategoryQualification(
  categories: readonly string[],
  documents: readonly DocRef[],
): { category: string; document: string } | null {
  for (const [category, docType, zh] of CATEGORY_QUALIFICATIONS) {
    if (categories.includes(category) && !documents.some((x) => x.docType === docType)) return { category: zh, document: docType };
  }
  return null;
}

/** What a streamer's registration lacks, given the age rule of their ID number: the first problem, or null. */
export function streamerDocumentProblem(input: {
  ageRule: 'refused_under_16' | 'guardian_consent_required' | 'adult';
  topics: readonly string[];
  documents: readonly DocRef[];
  likenessConsentDocId?: string | undefined;
  virtual: boolean;
}):
  | { code: 'registry.under_16'; field: string }
  | { code: 'registry.guardian_consent_required'; field: string }
  | { code: 'registry.professional_licence_required'; field: string; topic: string }
  | { code: 'registry.virtual_operator_required'; field: string }
  | null {
  if (input.ageRule === 'refused_under_16') return { code: 'registry.under_16', field: 'idNumber' };
  const has = (t: string) => input.documents.some((x) => x.docType === t);
  if (input.ageRule === 'guardian_consent_required' && !has('guardian_consent'))
    return { code: 'registry.guardian_consent_required', field: 'documents' };
  for (const topic of input.topics) {
    if ((LICENSED_TOPICS as readonly string[]).includes(topic) && !has('professional_licence'))
      return { code: 'registry.professional_licence_required', field: 'documents', topic: TOPIC_ZH[topic] ?? topic };
  }
  if (input.virtual && !input.documents.some((x) => x.id === input.likenessConsentDocId && x.docType === 'likeness_consent'))
    return { code: 'registry.virtual_operator_required', field: 'virtual.likenessConsentDocId' };
  return null;
}

/** Why a streamer may not go live now (empty: they may). */
export function liveGateReasons(p: StreamerProfileRecord | null, now: Date): string[] {
  if (!p) return ['not_registered'];
  const reasons: string[] = [];
  if (p.status !== 'certified') reasons.push(`status_${p.status}`);
  if (p.status === 'certified' && p.certifiedUntil && p.certifiedUntil <= now) reasons.push('certification_expired');
  if (p.virtual === 'yes' && (!p.operatorUserId || !p.virtualLabel)) reasons.push('virtual_label_missing');
  return reasons;
}

/** Why a merchant may not list products now (empty: they may). */
export function listingGateReasons(p: MerchantProfileRecord | null, qualifications: readonly QualificationRecord[]): string[] {
  if (!p) return ['not_registered'];
  const reasons: string[] = [];
  if (p.status !== 'admitted') reasons.push(`status_${p.status}`);
  for (const q of qualifications) if (q.status === 'expired') reasons.push(`qualification_expired:${q.type}`);
  return reasons;
}

/** A qualification's expiry date (YYYY-MM-DD, China time) as the instant it ends. */
export function qualificationExpiry(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

type Decrypt = (cipher: string) => string;

/** A streamer's profile as lists show it: name and ID number masked. */
export function maskStreamer(p: StreamerProfileRecord, decrypt: Decrypt): MaskedStreamer {
  return {
    userId: p.userId,
    realName: maskName(decrypt(p.realNameEnc)),
    idNumber: maskIdNumber(decrypt(p.idNumberEnc)),
    birthYear: p.birthYear,
    mcnOrgId: p.mcnOrgId,
    topics: p.topics,
    marketerLevel: p.marketerLevel,
    virtual: p.virtual === 'yes',
    operatorUserId: p.operatorUserId,
    virtualLabel: p.virtualLabel,
    status: p.status,
    statusReason: p.statusReason,
    certifiedUntil: p.certifiedUntil?.toISOString() ?? null,
  };
}

/** A merchant's profile as lists show it: representative, phone and address masked. */
export function maskMerchant(p: MerchantProfileRecord, decrypt: Decrypt): MaskedMerchant {
  return {
    orgId: p.orgId,
    creditCode: p.creditCode,
    legalName: p.legalName,
    legalRepresentative: maskName(p.legalRepresentative),
    contactPhone: p.contactPhoneEnc ? maskPhone(decrypt(p.contactPhoneEnc)) : null,
    address: p.addressEnc ? maskAddress(decrypt(p.addressEnc)) : null,
    categories: p.categories,
    depositFen: p.depositFen,
    status: p.status,
    statusReason: p.statusReason,
  };
}

/** A live base's profile as the public list shows it: address and operator masked. */
export function maskBase(p: BaseProfileRecord & { name?: string }, decrypt: Decrypt): MaskedBase {
  return {
    orgId: p.orgId,
    name: p.name ?? null,
    address: maskAddress(decrypt(p.addressEnc)),
    district: p.district,
    areaM2: p.areaM2,
    operatorName: maskName(p.operatorName),
    focus: p.focus,
    level: p.level,
    status: p.status,
    certifiedUntil: p.certifiedUntil?.toISOString() ?? null,
  };
}
