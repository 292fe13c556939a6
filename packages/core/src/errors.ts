/**
 * Coded application errors. Services throw AppError with a stable code; the HTTP/WS mapper turns the code into a
 * status and a bilingual message. This module owns the catalogue of codes and must never know about transports.
 *
 * The catalogue is written in parts, one per context, in errors/<context>.errors.ts (plus platform.errors.ts for the
 * request, route and storage codes every transport shares), and merged here into the one ERROR_CATALOGUE. The parts
 * live together in errors/ rather than beside each context because this module is the shared kernel every context
 * imports: keeping its parts in one folder means it imports nothing from the contexts, and a reader finds every code
 * of the platform in one place. ErrorCode is still the literal union of every key, so an unknown code fails to
 * compile, and a code declared in two parts fails to compile too (see the check below).
 */
import { AUDIT_ERRORS } from './errors/audit.errors.ts';
import { CATALOG_ERRORS } from './errors/catalog.errors.ts';
import { COMPLIANCE_ERRORS } from './errors/compliance.errors.ts';
import { CREDIT_ERRORS } from './errors/credit.errors.ts';
import { DISPUTES_ERRORS } from './errors/disputes.errors.ts';
import { IDENTITY_ERRORS } from './errors/identity.errors.ts';
import { INVENTORY_ERRORS } from './errors/inventory.errors.ts';
import { LIVE_ERRORS } from './errors/live.errors.ts';
import { MATCHING_ERRORS } from './errors/matching.errors.ts';
import { NOTIFICATIONS_ERRORS } from './errors/notifications.errors.ts';
import { ORDERS_ERRORS } from './errors/orders.errors.ts';
import { PLATFORM_ERRORS } from './errors/platform.errors.ts';
import { FUNDING_ERRORS } from './errors/funding.errors.ts';
import { POLICIES_ERRORS } from './errors/policies.errors.ts';
import { PROGRAMMES_ERRORS } from './errors/programmes.errors.ts';
import { REGISTRY_ERRORS } from './errors/registry.errors.ts';
import { SELECTION_ERRORS } from './errors/selection.errors.ts';
import { SETTLEMENT_ERRORS } from './errors/settlement.errors.ts';
import { SUPERVISION_ERRORS } from './errors/supervision.errors.ts';
import { SUPPLY_ERRORS } from './errors/supply.errors.ts';
import { WORKFLOWS_ERRORS } from './errors/workflows.errors.ts';
import type { ErrorDef, ErrorKind } from './errors/error-def.ts';

export type { ErrorKind } from './errors/error-def.ts';

/** Messages may contain {placeholders} filled from the error's details. */
export const ERROR_CATALOGUE = {
  ...PLATFORM_ERRORS,
  ...IDENTITY_ERRORS,
  ...AUDIT_ERRORS,
  ...COMPLIANCE_ERRORS,
  ...WORKFLOWS_ERRORS,
  ...REGISTRY_ERRORS,
  ...CATALOG_ERRORS,
  ...MATCHING_ERRORS,
  ...SELECTION_ERRORS,
  ...LIVE_ERRORS,
  ...ORDERS_ERRORS,
  ...INVENTORY_ERRORS,
  ...SETTLEMENT_ERRORS,
  ...CREDIT_ERRORS,
  ...DISPUTES_ERRORS,
  ...SUPERVISION_ERRORS,
  ...NOTIFICATIONS_ERRORS,
  ...POLICIES_ERRORS,
  ...FUNDING_ERRORS,
  ...PROGRAMMES_ERRORS,
  ...SUPPLY_ERRORS,
} as const satisfies Record<string, ErrorDef>;

/** The parts, in the order above: a spread silently lets a later part override a code, so overlaps are checked. */
type CataloguePart = Record<string, ErrorDef>;
type CatalogueParts = [
  typeof PLATFORM_ERRORS,
  typeof IDENTITY_ERRORS,
  typeof AUDIT_ERRORS,
  typeof COMPLIANCE_ERRORS,
  typeof WORKFLOWS_ERRORS,
  typeof REGISTRY_ERRORS,
  typeof CATALOG_ERRORS,
  typeof MATCHING_ERRORS,
  typeof SELECTION_ERRORS,
  typeof LIVE_ERRORS,
  typeof ORDERS_ERRORS,
  typeof INVENTORY_ERRORS,
  typeof SETTLEMENT_ERRORS,
  typeof CREDIT_ERRORS,
  typeof DISPUTES_ERRORS,
  typeof SUPERVISION_ERRORS,
  typeof NOTIFICATIONS_ERRORS,
  typeof POLICIES_ERRORS,
  typeof PROGRAMMES_ERRORS,
  typeof SUPPLY_ERRORS,
];
/** The codes declared by more than one part (never, when the catalogue is sound). */
type DuplicateCodes<P extends CataloguePart[], Seen extends PropertyKey = never> = P extends [
  infer Head extends CataloguePart,
  ...infer Rest extends CataloguePart[],
]
  ? Extract<keyof Head, Seen> | DuplicateCodes<Rest, Seen | keyof Head>
  : never;
/** Fails to compile, naming the code, when two parts declare the same code. */
const noDuplicateCodes: [DuplicateCodes<CatalogueParts>] extends [never] ? true : DuplicateCodes<CatalogueParts> = true;
void noDuplicateCodes;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    // An expected refusal answered as a 4xx, named by its code and field: no stack trace is captured (a flash
    // sale refuses thousands a second, and capturing one is most of what creating the error costs).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(ERROR_CATALOGUE[code].en, { cause: opts.cause });
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details ?? {};
  }

  get kind(): ErrorKind {
    return ERROR_CATALOGUE[this.code].kind;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function errorMessage(code: ErrorCode, locale: 'zh-CN' | 'en-US', details: Record<string, unknown> = {}): string {
  const def: ErrorDef = ERROR_CATALOGUE[code];
  const template = locale === 'zh-CN' ? def.zh : def.en;
  // a detail may itself be bilingual ({ zh, en }): the caller's language is taken
  const text = (v: unknown): string =>
    typeof v === 'object' && v !== null && 'zh' in v && 'en' in v
      ? String((v as { zh: unknown; en: unknown })[locale === 'zh-CN' ? 'zh' : 'en'])
      : String(v);
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in details ? text(details[k]) : `{${k}}`));
}
