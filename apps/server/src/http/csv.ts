/**
 * CSV exports people open in Excel: a UTF-8 BOM (so Excel reads the Chinese), CRLF lines, every field quoted,
 * formula injection neutralized, Chinese headers and labels instead of codes, and times in China time
 * (`2026-12-03 15:40:00`, UTC+8 — China keeps no daylight saving) instead of UTC ISO strings.
 */
import type { MERCHANT_CATEGORIES, STREAMER_TOPICS } from '@livehub/contracts';
import type { BaseStatus, MerchantStatus, StreamerStatus } from '@livehub/core';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A time in China time, `YYYY-MM-DD HH:mm:ss`; empty for none. */
export function chinaTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const ms = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A date in China time, `YYYY-MM-DD`; empty for none. */
export const chinaDate = (at: Date | string | null | undefined): string => chinaTime(at).slice(0, 10);

/** A plain decimal number (a negative amount: a party in debt) is data, not a formula: Excel reads it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The whole file: BOM, header row first, CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export const MERCHANT_STATUS_ZH: Record<MerchantStatus, string> = {
  pending: '审核中',
  admitted: '已入驻',
  suspended: '已暂停',
  revoked: '已撤销',
  rejected: '未通过',
};

export const STREAMER_STATUS_ZH: Record<StreamerStatus, string> = {
  pending: '审核中',
  certified: '已认证',
  suspended: '已暂停',
  expired: '已过期',
  revoked: '已撤销',
  rejected: '未通过',
};

export const BASE_STATUS_ZH: Record<BaseStatus, string> = {
  pending: '审核中',
  certified: '已认定',
  downgraded: '已降级',
  revoked: '已撤销',
  rejected: '未通过',
};

export const STREAMER_TOPIC_ZH: Record<(typeof STREAMER_TOPICS)[number], string> = {
  fashion: '时尚穿搭',
  beauty: '美妆护肤',
  food: '美食',
  agri: '三农助农',
  home: '家居生活',
  electronics: '数码科技',
  culture: '文化旅游',
  medicine: '医疗卫生',
  finance: '财经金融',
  law: '法律',
  education: '教育',
};

export const MERCHANT_CATEGORY_ZH: Record<(typeof MERCHANT_CATEGORIES)[number], string> = {
  food: '食品',
  health_food: '保健食品',
  cosmetics: '美妆',
  apparel: '服饰',
  electronics: '数码',
  home: '家居',
  baby: '母婴',
  agri: '农产品',
  handicraft: '非遗手工艺',
  other: '其他',
};

export const BASE_LEVEL_ZH = { municipal: '市级', district: '区级' } as const;

/** A code's label from a table; a code the table does not know stays readable rather than blank. */
export function labelOf<K extends string>(table: Record<K, string>, code: string): string {
  return (table as Record<string, string>)[code] ?? code;
}
