/**
 * Who a credit party is, over identity's records: an organization of kind merchant, MCN or live base, or a user
 * with a streamer profile. The credit context sees only this directory, not identity's or the registry's tables.
 */
import type { CreditPartyDirectory, CreditPartyFinder, CreditPartyKind, Repositories, UnitOfWork } from '@livehub/core';

const ORG_PARTY: Partial<Record<string, CreditPartyKind>> = { merchant: 'merchant', mcn: 'mcn', live_base: 'base' };

export function creditParties(uow: UnitOfWork): CreditPartyDirectory {
  return creditPartiesIn(uow.read);
}

/** The same directory over the repositories it is given (inside a transaction: the transaction's own). */
export function creditPartiesIn(repos: Pick<Repositories, 'orgs' | 'users' | 'registry'>): CreditPartyDirectory {
  return {
    async resolve(ids) {
      const out = new Map<string, { kind: CreditPartyKind; name: string; since: Date }>();
      const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (unique.length === 0) return out;
      const [orgs, users] = await Promise.all([repos.orgs.findByIds(unique), repos.users.findByIds(unique)]);
      for (const o of orgs) {
        const kind = ORG_PARTY[o.kind];
        if (kind) out.set(o.id, { kind, name: o.name, since: o.createdAt });
      }
      // a user is a credit party as a streamer: one with a streamer profile (registered or certified)
      const people = users.filter((u) => !out.has(u.id));
      const profiles = await Promise.all(people.map((u) => repos.registry.findStreamer(u.id)));
      people.forEach((u, i) => {
        if (profiles[i]) out.set(u.id, { kind: 'streamer', name: u.displayName, since: u.createdAt });
      });
      return out;
    },
  };
}

/**
 * The public credit query's finder: merchants by organization name, streamers (users with a streamer profile) by
 * display name, exact or prefix.
 */
export function creditPartyFinder(uow: UnitOfWork): CreditPartyFinder {
  const parties = creditParties(uow);
  return {
    async byName(name, limit) {
      const [orgs, people] = await Promise.all([
        uow.read.names.startingWith('orgs', name, limit),
        uow.read.names.startingWith('users', name, limit),
      ]);
      const kinds = await parties.resolve(orgs.map((o) => o.id));
      const merchants = orgs.filter((o) => kinds.get(o.id)?.kind === 'merchant').map((o) => ({ ...o, kind: 'merchant' as const }));
      const profiles = await Promise.all(people.map((u) => uow.read.registry.findStreamer(u.id)));
      const streamers = people.filter((_, i) => profiles[i] !== null).map((u) => ({ ...u, kind: 'streamer' as const }));
      return [...merchants, ...streamers].slice(0, limit);
    },
  };
}
