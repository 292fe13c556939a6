/**
 * 信用公示: the public credit query. Anyone may look up merchants and streamers by exact or prefix name and see
 * each one's tier and masked name — never a score, an event or a person's id. Rate-limited per client address.
 */
import { AppError } from '../errors.ts';
import type { RateLimitStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import { maskOrgName, maskPersonName } from '../shared/masking.ts';
import type { CreditPartyKind, CreditTier } from './credit.types.ts';

/** Finds merchants and streamers by exact or prefix name (identity's names, read in the container). */
export interface CreditPartyFinder {
  byName(name: string, limit: number): Promise<Array<{ id: string; kind: CreditPartyKind; name: string }>>;
}

export interface CreditPublicDeps {
  uow: ScopedUnitOfWork<'credit'>;
  finder: CreditPartyFinder;
  rateLimits: RateLimitStore;
}

export interface CreditPublicEntry {
  maskedName: string;
  partyKind: 'merchant' | 'streamer';
  tier: CreditTier;
}

/** Queries per client address per minute. */
export const PUBLIC_QUERY_LIMIT = 30;
const WINDOW_MS = 60_000;
const MAX_RESULTS = 20;

export class CreditPublicService {
  constructor(private readonly d: CreditPublicDeps) {}

  async query(name: string, client: string): Promise<CreditPublicEntry[]> {
    const hit = await this.d.rateLimits.hit(`credit:public:${client}`, WINDOW_MS);
    if (hit.count > PUBLIC_QUERY_LIMIT)
      throw new AppError('credit.rate_limited', { details: { seconds: Math.max(1, Math.ceil(hit.resetInMs / 1000)) } });
    const q = name.trim();
    if ([...q].length < 2) throw new AppError('request.invalid', { field: 'name', details: { issue: 'name' } });
    const found = (await this.d.finder.byName(q, MAX_RESULTS)).filter((p) => p.kind === 'merchant' || p.kind === 'streamer');
    const tiers = new Map((await this.d.uow.read.credit.scoresOf(found.map((p) => p.id))).map((s) => [s.partyId, s.tier]));
    // exact matches first, then by name
    const sorted = [...found].sort((a, b) => Number(b.name === q) - Number(a.name === q) || a.name.localeCompare(b.name, 'zh'));
    return sorted.map((p) => ({
      maskedName: p.kind === 'streamer' ? maskPersonName(p.name) : maskOrgName(p.name),
      partyKind: p.kind as 'merchant' | 'streamer',
      tier: tiers.get(p.id) ?? 'A',
    }));
  }
}
