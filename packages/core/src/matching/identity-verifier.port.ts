/**
 * The identity-verification port (身份核验, 二要素: name + ID number), shaped after the verification APIs offered to
 * platforms over the public-security citizen-identity service (公安部公民身份信息核验, resold by licensed providers):
 * the platform sends a name and an 18-digit number and gets back one of 一致 (the name and number belong together),
 * 不一致 (the number exists under another name) or 库中无此号 (no such number) — never the holder's data. A call
 * costs money and may time out; a provider's outage is the platform's 503, not the consumer's mistake.
 *
 * Contract for an adapter (docs/matching.md § Identity verification (二要素), ADR 0041):
 * - `verify` resolves `{ matched: true }` or `{ matched: false, reason }` for every answer the provider gives;
 * - it rejects (any error) when no answer came: a timeout, a refused connection, the provider's own "system busy";
 *   the caller maps that to the retryable `matching.identity_unavailable` (503 with Retry-After) and stores nothing;
 * - it stores nothing and logs neither the name nor the number (the caller keeps no more than the birth year and
 *   gender either).
 * The built-in simulator is apps/server/src/adapters/sim-identity.ts.
 */

/** What the authority can say besides 一致: 不一致 (`mismatch`) or 库中无此号 (`no_record`). */
export type IdentityMismatchReason = 'mismatch' | 'no_record';

export type IdentityVerdict = { matched: true } | { matched: false; reason: IdentityMismatchReason };

export interface IdentityVerifier {
  /** a short name for logs and docs: 'sim', or the provider's */
  readonly name: string;
  /** 二要素核验: whether `name` is the registered name of the holder of `idNumber` (an 18-character number) */
  verify(req: { name: string; idNumber: string }): Promise<IdentityVerdict>;
}
