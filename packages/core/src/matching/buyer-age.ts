/**
 * The matching context's answer to the orders context at checkout (ADR 0041): whether a buyer is a verified adult,
 * read from its 实名认证 (`consumer_profiles`: the birth year only) in the orders context's transaction — the
 * in-transaction form (docs/contexts.md rule 2): placement hands its transaction over and never reads the table.
 */
import type { Repositories } from '../ports/repositories.ts';
import { type BuyerAgeStatus, certainlyAdult } from './audience.rules.ts';

export type BuyerAgeTx = Pick<Repositories, 'matching'>;

export class BuyerAgeReader {
  /** `adult` (verified, certainly 18 or older now), `minor` (verified, maybe under 18) or `unverified`. */
  async statusIn(tx: BuyerAgeTx, userId: string, now: Date): Promise<BuyerAgeStatus> {
    const p = await tx.matching.findConsumerProfile(userId);
    if (!p) return 'unverified';
    return certainlyAdult(p.birthYear, now) ? 'adult' : 'minor';
  }
}
