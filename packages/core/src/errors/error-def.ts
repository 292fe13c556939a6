/**
 * The shape of one error catalogue entry, shared by ../errors.ts and the per-context parts beside this file
 * (<context>.errors.ts), which each declare their codes `as const satisfies Record<string, ErrorDef>`.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'locked' // 423
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

/** Messages may contain {placeholders} filled from the error's details. */
export interface ErrorDef {
  kind: ErrorKind;
  zh: string;
  en: string;
}
