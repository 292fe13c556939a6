/**
 * What the policies context reads about an applicant, from the other contexts (implemented in the server over the
 * registry, identity, orders and credit — their services and reader ports, never copied): an enterprise's kind,
 * district, hosting base, certification, GMV over the last 12 months, certified professionals, credit tier and years
 * since admission; a person's certification, 互联网营销师 level and credit tier. Facts LiveHub does not hold are
 * left out (null): the applicant declares them (自报).
 */
import type { Facts } from './policies.types.ts';

export interface ApplicantFactsReader {
  /** an organization's facts; null when it is not a merchant, MCN, base or service provider */
  enterprise(orgId: string, now: Date): Promise<Facts | null>;
  /** a person's facts as a streamer; null when the person has no streamer profile */
  talent(userId: string, now: Date): Promise<Facts | null>;
  /** names of the organizations (bases) a condition or a fact names, for the reasons' words */
  orgNames(ids: string[]): Promise<Map<string, string>>;
}

/** A granted application's payment as the ledger holds it (已拨付): the amount, when, and the entry. */
export interface GrantPayment {
  fen: number;
  at: Date;
  entryId: string;
}

/**
 * The grant payments of applications, read from the ledger by their business keys (implemented in the server over
 * the ledger's read port): an application granted but not paid (no money benefit, or before payments were posted)
 * has none.
 */
export type GrantPaymentsReader = (applicationIds: string[]) => Promise<Map<string, GrantPayment>>;
