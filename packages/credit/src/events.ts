/**
 * Credit events: the facts a credit score is computed from. Other contexts (review queue, orders, selection,
 * registry, cases, training) emit them; the engine only reads them. An upheld appeal marks an event `voided`
 * instead of deleting it, so the history stays.
 */
import { SCREENING_CATEGORIES } from '@livehub/contracts';

type ScreeningCategory = (typeof SCREENING_CATEGORIES)[number];

export const PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The data each event kind carries. */
export interface CreditEventData {
  'violation.confirmed': { severity: number; category: ScreeningCategory; ruleId: string };
  'complaint.upheld': { severity: number };
  'compensation.advanced': { severity: number };
  'order.completed': { onTime: boolean };
  'order.returned': Record<string, never>;
  'refund.overdue': { days: number };
  'shipment.late': { days: number };
  'sample.overdue': { days: number };
  'certification.lapsed': Record<string, never>;
  'case.penalty': { severity: number };
  'training.completed': { hours: number };
  'streaming.clean': { hours: number };
}
export type CreditEventKind = keyof CreditEventData;

/** One field of an event's data and what it must hold. */
type FieldSpec =
  | { type: 'int'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'id' }
  | { type: 'category' };

const severity = (max: number): FieldSpec => ({ type: 'int', min: 1, max });
// Days and hours are bounded so a typo (a timestamp where a count belongs) is refused rather than scored.
const days: FieldSpec = { type: 'int', min: 1, max: 3650 };
const hours: FieldSpec = { type: 'number', min: 0, max: 10_000 };

/** The data fields of each kind; this table is also the list of known kinds. */
export const EVENT_DATA_FIELDS: { readonly [K in CreditEventKind]: { readonly [F in keyof CreditEventData[K]]-?: FieldSpec } } = {
  'violation.confirmed': { severity: severity(5), category: { type: 'category' }, ruleId: { type: 'id' } },
  'complaint.upheld': { severity: severity(3) },
  'compensation.advanced': { severity: severity(3) },
  'order.completed': { onTime: { type: 'boolean' } },
  'order.returned': {},
  'refund.overdue': { days },
  'shipment.late': { days },
  'sample.overdue': { days },
  'certification.lapsed': {},
  'case.penalty': { severity: severity(3) },
  'training.completed': { hours },
  'streaming.clean': { hours },
};
export const CREDIT_EVENT_KINDS = Object.keys(EVENT_DATA_FIELDS) as CreditEventKind[];

interface EventBase<K extends CreditEventKind> {
  id: string;
  partyId: string;
  partyKind: PartyKind;
  kind: K;
  at: Date;
  /** Set when an appeal against the event is upheld: the event then counts for nothing. */
  voided?: boolean;
  data: CreditEventData[K];
}
export type CreditEvent = { [K in CreditEventKind]: EventBase<K> }[CreditEventKind];

/** A field-level problem: `path` names the field (`data.severity`), `code` says what is wrong. */
export interface CreditIssue {
  path: string;
  code: string;
}

export function isCreditEventKind(kind: unknown): kind is CreditEventKind {
  return typeof kind === 'string' && Object.hasOwn(EVENT_DATA_FIELDS, kind);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

function checkField(spec: FieldSpec, value: unknown): string | null {
  if (value === undefined) return 'required';
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'not_boolean';
    case 'id':
      return nonEmptyString(value) ? null : 'not_id';
    case 'category':
      return (SCREENING_CATEGORIES as readonly unknown[]).includes(value) ? null : 'unknown_category';
    case 'int':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_number';
      if (spec.type === 'int' && !Number.isInteger(value)) return 'not_integer';
      return value < spec.min || value > spec.max ? 'out_of_range' : null;
  }
}

/** Every problem of an incoming event, each with its field; empty when the event can be scored. */
export function validateEvent(input: unknown): CreditIssue[] {
  if (!isRecord(input)) return [{ path: '(event)', code: 'not_object' }];
  const issues: CreditIssue[] = [];
  if (!nonEmptyString(input.id)) issues.push({ path: 'id', code: 'not_id' });
  if (!nonEmptyString(input.partyId)) issues.push({ path: 'partyId', code: 'not_id' });
  if (!(PARTY_KINDS as readonly unknown[]).includes(input.partyKind)) issues.push({ path: 'partyKind', code: 'unknown_party_kind' });
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) issues.push({ path: 'at', code: 'not_date' });
  if (input.voided !== undefined && typeof input.voided !== 'boolean') issues.push({ path: 'voided', code: 'not_boolean' });
  if (!isCreditEventKind(input.kind)) {
    issues.push({ path: 'kind', code: 'unknown_kind' });
    return issues;
  }
  if (!isRecord(input.data)) {
    issues.push({ path: 'data', code: 'not_object' });
    return issues;
  }
  const data = input.data;
  for (const [field, spec] of Object.entries(EVENT_DATA_FIELDS[input.kind] as Record<string, FieldSpec>)) {
    const code = checkField(spec, data[field]);
    if (code) issues.push({ path: `data.${field}`, code });
  }
  return issues;
}
