/**
 * Client-side format checks mirroring the server's (packages/core/src/registry/identifiers.ts), so the applicant
 * sees the same verdict as they type: 统一社会信用代码 (GB 32100-2015 check character, and for 市场监管-issued codes
 * the embedded GB 11714 organization code), 居民身份证号码 (GB 11643-1999, birth date and age) and mainland mobiles.
 * The server stays authoritative; these only spare a round trip.
 */
import type { MessageKey } from '../../i18n/index.ts';

/** Full-width ASCII and the ideographic space to half-width, trimmed, upper-cased. */
export function normalizeIdentifier(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim().toUpperCase();
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type CheckResult = { ok: true } | { ok: false; message: MessageKey };

function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

function orgValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

function orgCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgValue(first8.charAt(i));
    if (v < 0) return null;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

export function checkCreditCode(input: string): CheckResult {
  const code = normalizeIdentifier(input);
  if (code.length !== 18) return { ok: false, message: 'registry.v.creditLength' };
  for (const ch of code) if (!CREDIT_ALPHABET.includes(ch)) return { ok: false, message: 'registry.v.creditCharset' };
  if (creditCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, message: 'registry.v.creditCheck' };
  if (code.charAt(0) === '9' && orgCheckChar(code.slice(8, 16)) !== code.charAt(16))
    return { ok: false, message: 'registry.v.creditOrgCheck' };
  return { ok: true };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

export type IdCheckResult = { ok: true; birthDate: string; age: number } | { ok: false; message: MessageKey };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's calendar date in China Standard Time (UTC+8), as the server computes ages. */
function chinaToday(now: Date): { year: number; month: number; day: number } {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function checkIdNumber(input: string, now: Date = new Date()): IdCheckResult {
  const id = normalizeIdentifier(input);
  if (id.length !== 18) return { ok: false, message: 'registry.v.idLength' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: 'registry.v.idCharset' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: 'registry.v.idBirth' };
  }
  const today = chinaToday(now);
  if (year * 10_000 + month * 100 + day > today.year * 10_000 + today.month * 100 + today.day) {
    return { ok: false, message: 'registry.v.idFuture' };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  if (ID_CHECK_CHARS.charAt(sum % 11) !== id.charAt(17)) return { ok: false, message: 'registry.v.idCheck' };
  const reached = today.month > month || (today.month === month && today.day >= day);
  const age = today.year - year - (reached ? 0 : 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, birthDate: `${year}-${pad(month)}-${pad(day)}`, age };
}

/** Mainland mobile: optional +86, spaces and dashes ignored, then 1[3-9] and 9 more digits. */
export function checkMobile(input: string): boolean {
  let s = normalizeIdentifier(input).replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  return /^1[3-9]\d{9}$/.test(s);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
