/**
 * Pure validators for the mainland-China identifiers the registry collects: 统一社会信用代码 (GB 32100-2015, with the
 * embedded 组织机构代码 of GB 11714-1997), 居民身份证号码 (GB 11643-1999) and mainland mobile numbers, plus the
 * streamer age rule of 网络直播营销管理办法（试行）第十七条. No I/O, no clock: callers pass `today`.
 *
 * What is deliberately NOT checked: that a 行政区划码 exists in GB/T 2260 (the list changes every year and old codes
 * stay valid on old documents), and that a number is actually issued — only the structure and check characters.
 */

/** A bilingual, user-facing message. */
export interface BilingualMessage {
  zh: string;
  en: string;
}

/**
 * Input normalization shared by all identifiers: full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000)
 * become their half-width forms, then the result is trimmed and upper-cased.
 */
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

// ---------------------------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------------------------------------------

/** The 31 characters of GB 32100-2015, in value order (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i-1) mod 31 for positions 1..17. */
const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714-1997 weights for the 8 body characters of a 组织机构代码. */
const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

function creditValue(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch);
}

/**
 * The 18th character of a unified social credit code, from its first 17.
 * @throws RangeError unless `first17` is exactly 17 characters of {@link CREDIT_CODE_ALPHABET} (no normalization).
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`credit code body must be 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = creditValue(first17.charAt(i));
    if (v < 0) throw new RangeError(`invalid credit code character at position ${i + 1}: ${JSON.stringify(first17.charAt(i))}`);
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const value = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(value);
}

/** GB 11714 character value: digits 0–9, letters A=10 … Z=35; -1 otherwise. */
function orgValue(ch: string): number {
  if (ch.length !== 1) return -1;
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/**
 * The 9th (check) character of a 组织机构代码 (GB 11714-1997) from its first 8: C9 = 11 − (Σ mod 11), 10 → 'X', 11 → '0'.
 * @throws RangeError unless `first8` is exactly 8 characters of 0–9 / A–Z.
 */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError(`organization code body must be 8 characters, got ${first8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgValue(first8.charAt(i));
    if (v < 0) throw new RangeError(`invalid organization code character at position ${i + 1}: ${JSON.stringify(first8.charAt(i))}`);
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

export type CreditCodeFailure = 'length' | 'charset' | 'check_char' | 'org_code_check';

export type CreditCodeResult =
  | { ok: true; code: string; regionCode: string; registrationAuthority: string; orgCode: string }
  | { ok: false; reason: CreditCodeFailure; message: BilingualMessage };

const CREDIT_CODE_MESSAGES: Readonly<Record<CreditCodeFailure, BilingualMessage>> = {
  length: { zh: '统一社会信用代码应为18位', en: 'The unified social credit code must be 18 characters long' },
  charset: {
    zh: '统一社会信用代码含有非法字符（只允许数字和除 I、O、Z、S、V 以外的大写字母）',
    en: 'The unified social credit code contains invalid characters (digits and capital letters except I, O, Z, S, V only)',
  },
  check_char: { zh: '统一社会信用代码校验位错误', en: 'Wrong check character in the unified social credit code' },
  org_code_check: {
    zh: '统一社会信用代码中的组织机构代码校验位错误',
    en: 'Wrong check character in the organization code embedded in the unified social credit code',
  },
};

function creditFail(reason: CreditCodeFailure): CreditCodeResult {
  return { ok: false, reason, message: CREDIT_CODE_MESSAGES[reason] };
}

/**
 * Validates a unified social credit code after {@link normalizeIdentifier}.
 *
 * Checks, in order: length 18, charset, the GB 32100 check character (position 18), then — only when position 1 is
 * '9' (工商/市场监管, i.e. enterprises and 个体工商户, the merchants this platform registers) — the GB 11714 check
 * character of the embedded 组织机构代码 (positions 9–17). Codes from other registration authorities (1 机构编制,
 * 5 民政, Y 其他 …) are issued with 主体标识码 that are not always valid organization codes (e.g. codes given to
 * individuals or migrated from other numbering schemes), so the embedded check is not enforced for them: refusing
 * a genuine code is worse than accepting one whose only defect is in a sub-field the issuing authority vouches for.
 *
 * `regionCode` (positions 3–8) is returned as-is; it is not checked against GB/T 2260.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeIdentifier(input);
  if (code.length !== 18) return creditFail('length');
  for (const ch of code) if (creditValue(ch) < 0) return creditFail('charset');
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return creditFail('check_char');
  const orgCode = code.slice(8, 17);
  if (code.charAt(0) === '9' && orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode.charAt(8)) return creditFail('org_code_check');
  return { ok: true, code, regionCode: code.slice(2, 8), registrationAuthority: code.charAt(0), orgCode };
}

// ---------------------------------------------------------------------------------------------------------------
// 居民身份证号码 (GB 11643-1999)
// ---------------------------------------------------------------------------------------------------------------

/** Weights 2^(18-i) mod 11 for positions 1..17. */
const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/**
 * The 18th character of a resident identity card number, from its first 17 digits: ('10X98765432')[Σ mod 11].
 * @throws RangeError unless `first17` is exactly 17 ASCII digits (no normalization).
 */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('identity number body must be exactly 17 ASCII digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS.charAt(sum % 11);
}

export type IdNumberFailure = 'length' | 'charset' | 'birth_date' | 'future_birth' | 'check_char';

export type IdNumberResult =
  | { ok: true; id: string; birthDate: string; sex: 'male' | 'female'; regionCode: string; age: number }
  | { ok: false; reason: IdNumberFailure; message: BilingualMessage };

const ID_MESSAGES: Readonly<Record<IdNumberFailure, BilingualMessage>> = {
  length: { zh: '居民身份证号码应为18位', en: 'The resident identity card number must be 18 characters long' },
  charset: {
    zh: '居民身份证号码格式错误（前17位为数字，最后一位为数字或X）',
    en: 'Malformed resident identity card number (17 digits followed by a digit or X)',
  },
  birth_date: { zh: '居民身份证号码中的出生日期无效', en: 'The birth date in the resident identity card number is not a valid date' },
  future_birth: { zh: '居民身份证号码中的出生日期晚于今天', en: 'The birth date in the resident identity card number is in the future' },
  check_char: { zh: '居民身份证号码校验位错误', en: 'Wrong check character in the resident identity card number' },
};

function idFail(reason: IdNumberFailure): IdNumberResult {
  return { ok: false, reason, message: ID_MESSAGES[reason] };
}

/** A calendar date without time or zone. Months are 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date of an instant in China Standard Time (UTC+8). Identity documents are Chinese, so "today" is
 * the date in Beijing regardless of the server's time zone.
 * @throws RangeError for an invalid Date.
 */
export function chinaCalendarDate(instant: Date): CalendarDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  const d = new Date(t + CST_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Age in whole years on `today`: one less if this year's birthday has not been reached. Someone born on 29 February
 * has their birthday on 1 March in non-leap years (on 28 February they are still the younger age) — which is what the
 * plain (month, day) comparison gives, since 29 February never occurs in such a year.
 */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const reached = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (reached ? 0 : 1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Validates a resident identity card number after {@link normalizeIdentifier} (trim, full-width → half-width,
 * x → X). Checks, in order: length 18, charset (17 digits + digit/X), birth date (a real calendar date, year ≥ 1900),
 * birth date not after `today` (taken as the date in China Standard Time), then the check character.
 *
 * The 15-digit first-generation numbers are not accepted: they expired with the cards on 1 January 2013.
 * @throws RangeError if `today` is an invalid Date.
 */
export function validateIdNumber(input: string, today: Date): IdNumberResult {
  const id = normalizeIdentifier(input);
  if (id.length !== 18) return idFail('length');
  if (!/^\d{17}[\dX]$/.test(id)) return idFail('charset');
  const birth: CalendarDate = {
    year: Number(id.slice(6, 10)),
    month: Number(id.slice(10, 12)),
    day: Number(id.slice(12, 14)),
  };
  if (birth.year < 1900 || birth.month < 1 || birth.month > 12 || birth.day < 1 || birth.day > daysInMonth(birth.year, birth.month)) {
    return idFail('birth_date');
  }
  const now = chinaCalendarDate(today);
  if (compareDates(birth, now) > 0) return idFail('future_birth');
  if (idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return idFail('check_char');
  const sequence = Number(id.slice(14, 17));
  return {
    ok: true,
    id,
    birthDate: `${pad(birth.year, 4)}-${pad(birth.month, 2)}-${pad(birth.day, 2)}`,
    sex: sequence % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
    age: ageOn(birth, now),
  };
}

/**
 * 网络直播营销管理办法（试行）第十七条: nobody under 16 may be a live-marketing streamer (直播营销人员); at 16 or 17
 * the guardian's consent is required.
 * @throws RangeError unless `age` is a non-negative integer.
 */
export function streamerAgeRule(age: number): 'refused_under_16' | 'guardian_consent_required' | 'adult' {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a non-negative integer, got ${age}`);
  if (age < 16) return 'refused_under_16';
  if (age < 18) return 'guardian_consent_required';
  return 'adult';
}

// ---------------------------------------------------------------------------------------------------------------
// Mainland mobile numbers
// ---------------------------------------------------------------------------------------------------------------

export type MobileFailure = 'charset' | 'length' | 'prefix';

export type MobileResult = { ok: true; mobile: string } | { ok: false; reason: MobileFailure; message: BilingualMessage };

const MOBILE_MESSAGES: Readonly<Record<MobileFailure, BilingualMessage>> = {
  charset: { zh: '手机号码只能包含数字', en: 'A mobile number may contain digits only' },
  length: { zh: '手机号码应为11位数字', en: 'A mobile number must have 11 digits' },
  prefix: { zh: '手机号码应以13至19开头', en: 'A mainland mobile number must start with 13 to 19' },
};

function mobileFail(reason: MobileFailure): MobileResult {
  return { ok: false, reason, message: MOBILE_MESSAGES[reason] };
}

/**
 * Validates a mainland-China mobile number: after {@link normalizeIdentifier}, spaces and dashes are removed and
 * an optional `+86` / `86` country prefix is dropped (a bare `86` only when 13 digits remain, since no mobile number
 * itself starts with 8); the rest must be 11 digits matching 1[3-9]xxxxxxxxx. Returns the bare 11 digits.
 */
export function validateMobile(input: string): MobileResult {
  let s = normalizeIdentifier(input).replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  if (!/^\d*$/.test(s)) return mobileFail('charset');
  if (s.length !== 11) return mobileFail('length');
  if (!/^1[3-9]/.test(s)) return mobileFail('prefix');
  return { ok: true, mobile: s };
}
