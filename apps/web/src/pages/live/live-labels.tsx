/** Labels the live pages share: session status, checklist items, room refusals, localized server texts, covers. */
import type { Locale } from '@livehub/contracts';
import { Tag } from 'antd';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { LiveSessionStatus } from '../../lib/api-types.ts';
import { labelOr } from '../../lib/labels.ts';

const STATUS_COLOR: Record<LiveSessionStatus, string> = {
  scheduled: 'processing',
  live: 'red',
  ended: 'default',
  cancelled: 'default',
};

export function SessionStatusTag({ status }: { status: LiveSessionStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={STATUS_COLOR[status]}
      variant={status === 'live' ? 'solid' : 'filled'}
      data-testid="session-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`live.status.${status}`)}
    </Tag>
  );
}

/** The name of a checklist item (开播前检查) by its key. */
export const checkLabel = (t: Translate, key: string) => labelOr(t, `live.check.${key}`, key);

/**
 * A refusal from the room gateway in the UI's language: its code's own text here, else the server's message, which
 * is "中文 / English" — the half for the locale (codes newer than this page still read well).
 */
export function roomErrorMessage(t: Translate, locale: Locale, code: string, message: string): string {
  const cut = message.indexOf(' / ');
  const text = cut < 0 ? { zh: message, en: message } : { zh: message.slice(0, cut), en: message.slice(cut + 3) };
  return labelOr(t, `live.roomError.${code.replace(/^room\./, '')}`, localized(locale, text));
}

/** A `{ zh, en }` text from the server in the UI's language. */
export function localized(locale: Locale, text: { zh: string; en: string }): string {
  return locale === 'en-US' ? text.en : text.zh;
}

const COVERS = [
  'linear-gradient(160deg, #ff9a8b 0%, #ff6a88 55%, #c2255c 100%)',
  'linear-gradient(160deg, #f6d365 0%, #fda085 60%, #e8590c 100%)',
  'linear-gradient(160deg, #84fab0 0%, #8fd3f4 60%, #1c7ed6 100%)',
  'linear-gradient(160deg, #a18cd1 0%, #fbc2eb 60%, #ae3ec9 100%)',
  'linear-gradient(160deg, #ffd3a5 0%, #fd6585 60%, #c92a2a 100%)',
];

/** A stable poster background per session until covers and video exist. */
export function coverFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COVERS[h % COVERS.length] ?? COVERS[0] ?? '';
}

/** 12345 → "1.2万" (zh) / "12.3k" (en); small numbers as they are. */
export function compactCount(locale: Locale, n: number): string {
  if (locale === 'zh-CN') return n >= 10_000 ? `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万` : String(n);
  return n >= 1000 ? `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k` : String(n);
}
