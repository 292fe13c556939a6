/** Small label helpers every area uses: bilingual server labels, dynamic message keys, file sizes. */
import { isMessageKey, type Translate } from '../i18n/index.ts';

/** A bilingual label from the server in the UI language. */
export function bi(locale: string, value: { zh: string; en: string }): string {
  return locale === 'zh-CN' ? value.zh : value.en;
}

/** A message for a dynamic key, or the fallback (usually the raw code) when the dictionary lacks it. */
export function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** 1234567 → "12.0 MB" style sizes for the documents list. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
