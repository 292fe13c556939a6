/**
 * The web UI's message dictionary. zh-CN is the source of truth; en-US must provide every key
 * (enforced by the type). Every visible string goes through `t()`.
 */
import type { Locale, OrgKind, Role } from '@livehub/contracts';
import { createContext, useContext } from 'react';
import { activityEn, activityZh } from './activity.ts';
import { complaintsEn, complaintsZh } from './complaints.ts';
import { complianceEn, complianceZh } from './compliance.ts';
import { creditEn, creditZh } from './credit.ts';
import { financeEn, financeZh } from './finance.ts';
import { identityEn, identityZh } from './identity.ts';
import { liveEn, liveZh } from './live.ts';
import { ordersEn, ordersZh } from './orders.ts';
import { notificationsEn, notificationsZh } from './notifications.ts';
import { supervisionEn, supervisionZh } from './supervision.ts';
import { exchangeEn, exchangeZh } from './exchange.ts';
import { wallEn, wallZh } from './wall.ts';
import { payoutsEn, payoutsZh } from './payouts.ts';
import { registryEn, registryZh } from './registry.ts';
import { reviewEn, reviewZh } from './review.ts';
import { selectionEn, selectionZh } from './selection.ts';
import { matchingEn, matchingZh } from './matching.ts';
import { shellEn, shellZh } from './shell.ts';
import { statementsEn, statementsZh } from './statements.ts';
import { creditAppealsEn, creditAppealsZh } from './credit-appeals.ts';
import { reportsEn, reportsZh } from './reports.ts';
import { ipNoticesEn, ipNoticesZh } from './ip-notices.ts';
import { programmesEn, programmesZh } from './programmes.ts';
import { presalesEn, presalesZh } from './presales.ts';
import { supplyEn, supplyZh } from './supply.ts';
import { campaignsEn, campaignsZh } from './campaigns.ts';
import { policiesEn, policiesZh } from './policies.ts';
import { fundingEn, fundingZh } from './funding.ts';
import { inventoryEn, inventoryZh } from './inventory.ts';

/** The areas merged; an area file may add keys under another prefix (live adds nav.liveConsole), never twice. */
const zhCN = {
  ...shellZh,
  ...identityZh,
  ...registryZh,
  ...complianceZh,
  ...reviewZh,
  ...selectionZh,
  ...matchingZh,
  ...liveZh,
  ...activityZh,
  ...ordersZh,
  ...financeZh,
  ...statementsZh,
  ...payoutsZh,
  ...notificationsZh,
  ...supervisionZh,
  ...exchangeZh,
  ...wallZh,
  ...complaintsZh,
  ...creditAppealsZh,
  ...creditZh,
  ...reportsZh,
  ...ipNoticesZh,
  ...programmesZh,
  ...supplyZh,
  ...presalesZh,
  ...campaignsZh,
  ...policiesZh,
  ...fundingZh,
  ...inventoryZh,
} as const;

export type MessageKey = keyof typeof zhCN;
type Dictionary = Record<MessageKey, string>;

const enUS: Dictionary = {
  ...shellEn,
  ...identityEn,
  ...registryEn,
  ...complianceEn,
  ...reviewEn,
  ...selectionEn,
  ...matchingEn,
  ...liveEn,
  ...activityEn,
  ...ordersEn,
  ...financeEn,
  ...statementsEn,
  ...payoutsEn,
  ...notificationsEn,
  ...supervisionEn,
  ...exchangeEn,
  ...wallEn,
  ...complaintsEn,
  ...creditAppealsEn,
  ...creditEn,
  ...reportsEn,
  ...ipNoticesEn,
  ...programmesEn,
  ...supplyEn,
  ...presalesEn,
  ...campaignsEn,
  ...policiesEn,
  ...fundingEn,
  ...inventoryEn,
};

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'en-US': enUS };

export const LOCALE_STORAGE_KEY = 'livehub.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when `key` is a message key (used for dynamic keys such as workbench card keys). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en-US') return stored;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return DEFAULT_LOCALE;
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nContextValue | null>(null);

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function orgKindLabel(t: Translate, kind: OrgKind): string {
  return t(`orgKind.${kind}`);
}

/** Label for a workbench card key; a key this build does not know gets a neutral label, never the raw key. */
export function cardLabel(t: Translate, key: string): string {
  const messageKey = `card.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : t('card.unknown');
}

/**
 * What an audit action means, in words: its own wording when it has one (auth.login → 登录), else the entity's and
 * the verb's names (order.ship → 订单发货), else the entity with a neutral verb, else 其他操作 — never the raw key.
 */
export function activityLabel(t: Translate, action: string): string {
  const own = `activity.action.${action}`;
  if (isMessageKey(own)) return t(own);
  const dot = action.indexOf('.');
  const entity = `activity.entity.${dot < 0 ? action : action.slice(0, dot)}`;
  const verb = `activity.verb.${dot < 0 ? '' : action.slice(dot + 1)}`;
  if (!isMessageKey(entity)) return t('activity.other');
  if (!isMessageKey(verb)) return t('activity.compose', { entity: t(entity), verb: t('activity.verb.other') });
  return t('activity.compose', { entity: t(entity), verb: t(verb) });
}

/**
 * Who did it, for the activity feed and the audit log: a person's name as recorded; the platform's own jobs
 * (`system:orders`, `system:payments:sim`) as 系统 or the party they stand for; seeding as 演示数据.
 */
export function actorName(t: Translate, label: string | null): string {
  if (!label) return t('audit.system');
  if (label.startsWith('seed:')) return t('activity.actor.seed');
  if (label.startsWith('system:payments')) return t('activity.actor.payments');
  if (label.startsWith('system:carrier')) return t('activity.actor.carrier');
  if (label === 'system:media-server') return t('activity.actor.media-server');
  if (label === 'public:anonymous') return t('activity.actor.anonymous');
  if (label.startsWith('system:')) return t('audit.system');
  return label;
}

/** The name of an audit entry's object type (order → 订单). */
export function targetLabel(t: Translate, targetType: string): string {
  const key = `activity.target.${targetType}`;
  return isMessageKey(key) ? t(key) : t('activity.target.other');
}
