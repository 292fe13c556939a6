/**
 * What the inbox feed's rule files (`*-feed.rules.ts`) share, and nothing outside the notifications context imports:
 * the draft an event becomes, the payload readers (a payload is untrusted: a wrong type reads as missing), the name
 * lookup that never shows a raw id, a credit party as a recipient and a deadline in Beijing time (to the minute).
 */
import type { Role } from '@livehub/contracts';
import type { NameQuery, Names } from '../shared/name-directory.ts';
import type { Bilingual, NotificationRecipient, NotificationSeverity } from './notifications.types.ts';

export type Payload = Record<string, unknown>;

/** An item before its names are looked up: `render` builds its text once the names of `names` are known. */
export interface NotificationDraft {
  recipient: NotificationRecipient;
  kind: string;
  severity: NotificationSeverity;
  link: string;
  dueAt: Date | null;
  names: NameQuery;
  render(names: Names): { title: Bilingual; body: Bilingual };
}

/** Topics and the rule that turns each one's payload into inbox items (one table per area, merged in `NOTIFICATION_FEED`). */
export type FeedRules = Record<string, (p: Payload) => NotificationDraft[]>;

export const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const fen = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
export const date = (v: unknown): Date | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A name from the batch, or a word for the thing when it is not found (never the raw id). */
export function nameOr(names: Names, kind: keyof Names, id: string | null, fallback: Bilingual): Bilingual {
  const n = id ? names[kind].get(id) : undefined;
  return n ? { zh: `「${n}」`, en: `"${n}"` } : fallback;
}

/** The roles of an organization party that answer for it, and its page to renew its registration. */
export const ORG_PARTY: Record<string, { roles: readonly Role[]; apply: string }> = {
  merchant: { roles: ['merchant_staff'], apply: '/apply/merchant' },
  mcn: { roles: ['mcn_manager'], apply: '/apply/mcn' },
  base: { roles: ['base_operator'], apply: '/apply/base' },
};

/** A credit party (merchant, MCN, base: its members; streamer: the person) as a recipient. */
export function partyRecipient(partyId: string, partyKind: unknown): NotificationRecipient | null {
  if (partyKind === 'streamer') return { kind: 'user', userId: partyId };
  const org = typeof partyKind === 'string' ? ORG_PARTY[partyKind] : undefined;
  return org ? { kind: 'org', orgId: partyId, roles: org.roles } : null;
}

/** A moment in Beijing time to the minute (`2026-12-07 14:30`): a 48-hour deadline needs the hour. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A deadline as the text asks for it: "by <minute> (Beijing time)", or "soon" when there is none. */
export const byWhen = (due: Date | null): Bilingual =>
  due ? { zh: `请在 ${shanghaiMinute(due)} 前`, en: `by ${shanghaiMinute(due)} (Beijing time)` } : { zh: '请尽快', en: 'soon' };
