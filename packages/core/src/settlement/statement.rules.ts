/**
 * Pure rules of statements (对账单): periods in China time, business keys decoded into references, entry kinds in
 * Chinese, and the statement's arithmetic (opening + the period's postings = closing).
 */
import { AppError } from '../errors.ts';
import type { DecodedKey, StatementLine, StatementPeriod, StatementTotals } from './statement.types.ts';

/** China keeps UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** The earliest and latest periods a statement may ask for. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * A period `YYYY-MM-DD` (a day) or `YYYY-MM` (a month) in Asia/Shanghai time → the instants `[from, to)`. Anything
 * else, or a date that does not exist (2026-02-30), is refused with the field `period`.
 */
export function parsePeriod(period: string, field = 'period'): StatementPeriod {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period);
  const bad = () => new AppError('statements.period_invalid', { field, details: { period } });
  if (!m) throw bad();
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) throw bad();
  if (day === null) {
    const from = Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS;
    const to = Date.UTC(year, month, 1) - CHINA_OFFSET_MS;
    return { label: period, granularity: 'month', from: new Date(from), to: new Date(to) };
  }
  const start = new Date(Date.UTC(year, month - 1, day));
  if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) throw bad();
  const from = start.getTime() - CHINA_OFFSET_MS;
  return { label: period, granularity: 'day', from: new Date(from), to: new Date(from + 86_400_000) };
}

/** Decodes the business keys of settlement-spec (`order:<id>:paid`, `refund:<id>`, `payout:<id>:failed`, …): what the
 * finance pages read (`parseBusinessKey`), and the fact's step after the id. */
export function decodeBusinessKey(key: string): DecodedKey {
  const ref = parseBusinessKey(key);
  if (ref.type === 'other') return { refType: 'other', refId: null, step: null };
  const rest = key.split(':').slice(2);
  return { refType: ref.type, refId: ref.id, step: rest.length > 0 ? rest.join(':') : null };
}

/** An entry kind's Chinese label: one table for the finance pages and the statements (finance-view.rules.ts). */
export { displayMemo, entryKindLabel } from './finance-view.rules.ts';
import { parseBusinessKey } from './finance-view.rules.ts';

/** The Chinese name of the thing a reference points at. */
export const REF_TYPE_ZH: Record<DecodedKey['refType'], string> = {
  order: '订单',
  refund: '退款单',
  payout: '提现单',
  slot_fee: '坑位费协议',
  deposit: '保证金缴纳单',
  deposit_deduction: '保证金扣款单',
  complaint_payment: '投诉赔付',
  release: '订单',
  reversal: '冲正分录',
  other: '其他',
};

/** A short, readable number for an id that has no name of its own (its last 12 hex digits, upper case). */
export function shortNumber(id: string): string {
  return id.replaceAll('-', '').slice(-12).toUpperCase();
}

/**
 * What a line's reference reads: the order number for an order (from `orderNos`, the orders' names), else the
 * kind of thing and a short number, e.g. `退款单 3F2A9C01B7D4`.
 */
export function referenceOf(decoded: DecodedKey, orderNos: ReadonlyMap<string, string>): string {
  if (!decoded.refId) return REF_TYPE_ZH.other;
  if (decoded.refType === 'order' || decoded.refType === 'release') {
    const no = orderNos.get(decoded.refId);
    return no ? `订单 ${no}` : `订单 ${shortNumber(decoded.refId)}`;
  }
  if (decoded.refType === 'slot_fee') {
    // the step is the agreement's version (`v2`), then what happened to the fee (`:released`), which the entry kind
    // already says: only the version is shown
    const version = decoded.step?.match(/^v\d+/)?.[0];
    return `${REF_TYPE_ZH.slot_fee} ${shortNumber(decoded.refId)}${version ? ` ${version}` : ''}`;
  }
  return `${REF_TYPE_ZH[decoded.refType]} ${shortNumber(decoded.refId)}`;
}

/** The totals of one account's period: credits and debits of the lines, closing = opening + credits + debits. */
export function statementTotals(opening: number, lines: readonly Pick<StatementLine, 'amount'>[]): StatementTotals {
  let credits = 0;
  let debits = 0;
  for (const l of lines) {
    if (l.amount > 0) credits += l.amount;
    else debits += l.amount;
  }
  return { opening, credits, debits, closing: opening + credits + debits, lines: lines.length };
}

/** Several accounts' totals added up. */
export function sumTotals(all: readonly StatementTotals[]): StatementTotals {
  return all.reduce(
    (s, t) => ({
      opening: s.opening + t.opening,
      credits: s.credits + t.credits,
      debits: s.debits + t.debits,
      closing: s.closing + t.closing,
      lines: s.lines + t.lines,
    }),
    { opening: 0, credits: 0, debits: 0, closing: 0, lines: 0 },
  );
}

/** Fen as yuan with two decimals, from integers only (`-123` → `-1.23`). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as written in a bill (`12.3`, `-0.05`, `1,234.50`) → fen, from the digits (no floating point). */
export function yuanToFen(text: string): number | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}
