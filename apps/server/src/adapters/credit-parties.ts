/**
 * Who a credit party is, over identity's records: an organization of kind merchant, MCN or live base, or a user
 * (a streamer). The credit context sees only this directory, not identity's tables.
 */
import type { CreditPartyDirectory, CreditPartyKind, UnitOfWork } from '@livehub/core';

const ORG_PARTY: Partial<Record<string, CreditPartyKind>> = { merchant: 'merchant', mcn: 'mcn', live_base: 'base' };

export function creditParties(uow: UnitOfWork): CreditPartyDirectory {
  return {
    async resolve(ids) {
      const out = new Map<string, { kind: CreditPartyKind; name: string }>();
      const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (unique.length === 0) return out;
      const [orgs, users] = await Promise.all([uow.read.orgs.findByIds(unique), uow.read.users.findByIds(unique)]);
      for (const o of orgs) {
        const kind = ORG_PARTY[o.kind];
        if (kind) out.set(o.id, { kind, name: o.name });
      }
      for (const u of users) if (!out.has(u.id)) out.set(u.id, { kind: 'streamer', name: u.displayName });
      return out;
    },
  };
}
