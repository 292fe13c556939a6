/**
 * The 执法模式设置 form's pure parts: the form's values from the settings and the body the API takes from them (the
 * triggers switched off are not sent; a field left empty is sent as is, for the API to judge), where an API refusal
 * goes on the form and what it says there, and which fields an edit changed.
 */
import {
  CREDIT_PARTY_KINDS,
  CREDIT_TRIGGERS_API,
  type CreditModeSettingsInput,
  type CreditModeSettingsView,
  type CreditPartyKind,
  SCREENING_CATEGORIES,
} from '@livehub/contracts';
import type { Translate } from '../../i18n/index.ts';

export type Category = (typeof SCREENING_CATEGORIES)[number];
export type Trigger = (typeof CREDIT_TRIGGERS_API)[number];

export interface TriggerRow {
  trigger: Trigger;
  enabled: boolean;
  count: number | null;
  windowDays: number | null;
}

export interface SettingsValues {
  firstOffence: { byCategory: Partial<Record<Category, number | null>>; trainingHours: number | null; trainingDueDays: number | null };
  observation: { days: Partial<Record<CreditPartyKind, number | null>> };
  /** every trigger in a fixed order; the ones switched off are not sent */
  triggers: TriggerRow[];
}

export function toValues(s: CreditModeSettingsView['settings']): SettingsValues {
  return {
    firstOffence: {
      byCategory: Object.fromEntries(SCREENING_CATEGORIES.map((c) => [c, s.firstOffence.byCategory[c] ?? null])),
      trainingHours: s.firstOffence.trainingHours,
      trainingDueDays: s.firstOffence.trainingDueDays,
    },
    observation: { days: Object.fromEntries(CREDIT_PARTY_KINDS.map((k) => [k, s.observation.days[k] ?? null])) },
    triggers: CREDIT_TRIGGERS_API.map((trigger) => {
      const set = s.triggers.find((x) => x.trigger === trigger);
      return { trigger, enabled: set !== undefined, count: set?.count ?? null, windowDays: set?.windowDays ?? null };
    }),
  };
}

/** A number as typed: the API judges it (a field left empty is sent as is, and refused where required). */
const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : Number.NaN);

/** The body the API takes; also which trigger each sent index stands for (to put a refusal on its row). */
export function toBody(v: SettingsValues): { body: CreditModeSettingsInput; sentTriggers: Trigger[] } {
  const byCategory: Partial<Record<Category, number>> = {};
  for (const c of SCREENING_CATEGORIES) {
    const n = v.firstOffence.byCategory[c];
    if (typeof n === 'number') byCategory[c] = n;
  }
  const days: Partial<Record<CreditPartyKind, number>> = {};
  for (const k of CREDIT_PARTY_KINDS) {
    const n = v.observation.days[k];
    if (typeof n === 'number') days[k] = n;
  }
  const sent = v.triggers.filter((x) => x.enabled);
  return {
    body: {
      firstOffence: { byCategory, trainingHours: num(v.firstOffence.trainingHours), trainingDueDays: num(v.firstOffence.trainingDueDays) },
      observation: { days },
      triggers: sent.map((x) => ({ trigger: x.trigger, count: num(x.count), windowDays: num(x.windowDays) })),
    },
    sentTriggers: sent.map((x) => x.trigger),
  };
}

/** What a field accepts, in words, for the refusal shown under it (the API's bounds, docs/credit.md). */
export function rangeMessage(t: Translate, path: Array<string | number>, trigger: Trigger | undefined): string | null {
  const leaf = path.at(-1);
  const range = (min: number, max: number) => t('credit.modes.v.range', { min, max });
  if (path[0] === 'firstOffence' && path[1] === 'byCategory') return range(0, 5);
  if (leaf === 'trainingHours') return range(1, 40);
  if (leaf === 'trainingDueDays') return range(1, 365);
  if (path[0] === 'observation') return range(0, 3650);
  if (leaf === 'count') return trigger === 'tier_d' ? t('credit.modes.v.tierD') : range(1, 1000);
  if (leaf === 'windowDays') return range(1, 3650);
  return null;
}

/**
 * Where the API's refusal of `field` goes on the form: its path there (a trigger's index is the one sent, mapped to its
 * row) and the trigger it concerns; null when it names no field of this form.
 */
export function refusalTarget(
  field: string,
  sentTriggers: readonly Trigger[],
): { path: Array<string | number>; trigger: Trigger | undefined } | null {
  const path: Array<string | number> = field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let trigger: Trigger | undefined;
  if (path[0] === 'triggers' && typeof path[1] === 'number') {
    trigger = sentTriggers[path[1]];
    if (trigger === undefined) return null;
    path[1] = CREDIT_TRIGGERS_API.indexOf(trigger);
    if (path.length === 2) path.push('count');
  }
  if (!['firstOffence', 'observation', 'triggers'].includes(String(path[0])) || path.length < 2) return null;
  return { path, trigger };
}

/** The paths of the fields an edit changed (`{ observation: { days: { streamer: 60 } } }` → observation.days.streamer). */
export function changedPaths(changed: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (changed === null || typeof changed !== 'object') return [prefix];
  return Object.entries(changed).flatMap(([key, value]) =>
    value === undefined ? [] : changedPaths(value, [...prefix, Array.isArray(changed) ? Number(key) : key]),
  );
}
