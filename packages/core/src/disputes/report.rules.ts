/**
 * The pure rules of reports (举报): the state machine of handling and the anonymous reporter's tracking code.
 *
 *   received ─review─▶ under_review
 *   received / under_review ─substantiate─▶ substantiated │ ─unsubstantiate─▶ unsubstantiated │ ─refer─▶ referred
 *
 * Substantiated, unsubstantiated and referred (to supervision, as a clue) are final. Every action but `review`
 * needs a reason: it is the outcome the reporter reads.
 */
import {
  REPORT_TRACKING_CODE,
  type ReportCategory,
  type ReportHandleAction,
  type ReportStatus,
  type SCREENING_CATEGORIES,
} from '@livehub/contracts';
import { sha256Hex } from '../shared/hash.ts';

const OPEN: readonly ReportStatus[] = ['received', 'under_review'];
const TO: Record<ReportHandleAction, ReportStatus> = {
  review: 'under_review',
  substantiate: 'substantiated',
  unsubstantiate: 'unsubstantiated',
  refer: 'referred',
};

export const FINAL_REPORT_STATUSES: readonly ReportStatus[] = ['substantiated', 'unsubstantiated', 'referred'];

export type ReportStep = { ok: true; to: ReportStatus } | { ok: false; problem: 'wrong_status' | 'reason_required' };

/** Where `action` takes a report in `status`, or why it cannot. */
export function reportStep(status: ReportStatus, action: ReportHandleAction, reason: string | undefined): ReportStep {
  if (!OPEN.includes(status) || (action === 'review' && status !== 'received')) return { ok: false, problem: 'wrong_status' };
  if (action !== 'review' && !reason?.trim()) return { ok: false, problem: 'reason_required' };
  return { ok: true, to: TO[action] };
}

/** The alphabet of tracking codes: 32 characters, no 0/O/1/I to misread. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** 16 characters of 32: 80 bits, unguessable; only its hash is stored */
export const TRACKING_CODE_LENGTH = 16;

/**
 * A tracking code from a url-safe random string (the token generator's): each of its first 16 characters — 64
 * equally likely values — is folded onto the 32-character alphabet, which keeps every character equally likely.
 */
export function trackingCodeFrom(random: string): string {
  if (random.length < TRACKING_CODE_LENGTH) throw new Error('not enough randomness for a tracking code');
  let out = '';
  for (const ch of random.slice(0, TRACKING_CODE_LENGTH)) {
    const i = BASE64URL.indexOf(ch);
    if (i < 0) throw new Error('the random string is not url-safe base64');
    out += ALPHABET[i % ALPHABET.length];
  }
  return `JB-${out}`;
}

/** A code as typed (spaces, lower case, a missing prefix) in its canonical form, or null when it cannot be one. */
export function normalizeTrackingCode(typed: string): string | null {
  const raw = typed.replace(/[\s-]/g, '').toUpperCase();
  const code = `JB-${raw.startsWith('JB') ? raw.slice(2) : raw}`;
  return REPORT_TRACKING_CODE.test(code) ? code : null;
}

/** What is stored of a tracking code. */
export function trackingCodeHash(code: string): string {
  return sha256Hex(`report-tracking:${code}`);
}

/**
 * The screening categories a report's category stands for on a review item (the compliance queue filters by them):
 * only where one fits; the others carry none and are named in the item's text.
 */
export function screeningCategoriesOf(category: ReportCategory): Array<(typeof SCREENING_CATEGORIES)[number]> {
  if (category === 'prohibited_goods') return ['prohibited_goods'];
  if (category === 'fraud') return ['price_fraud'];
  if (category === 'false_advertising') return ['absolute_claim'];
  return [];
}

/** The severity a report's review item starts at: what may harm people or break the law outright ranks highest. */
export function reportSeverity(category: ReportCategory): number {
  if (category === 'prohibited_goods' || category === 'minors' || category === 'fraud') return 4;
  if (category === 'false_advertising' || category === 'vulgar') return 3;
  return 2;
}

/** The Chinese name of a category, for the review item's text. */
export const REPORT_CATEGORY_ZH: Record<ReportCategory, string> = {
  false_advertising: '虚假宣传',
  prohibited_goods: '违禁商品',
  vulgar: '色情低俗',
  fraud: '诈骗',
  infringement: '侵权',
  minors: '未成年人',
  other: '其他',
};
