/**
 * 活动与节庆's reader port (programmes context's `CampaignSources`): what a campaign's automatic review and totals
 * read from other contexts — the catalog (product, SKUs, the 7-day lowest price, categories), the live context
 * (sessions; a live one's totals through the orders context), credit (the tier), the registry (listing and live
 * gates, base certification), disputes (complaints about a session's orders) and identity (names, districts).
 */
import type {
  CampaignPartyFacts,
  CampaignProductFacts,
  CampaignSessionFacts,
  CampaignSources,
  CreditGateService,
  Gate,
  UnitOfWork,
} from '@livehub/core';

const DAY_MS = 86_400_000;

export interface CampaignSourceDeps {
  uow: UnitOfWork;
  clock: { now(): Date };
  credit: Pick<CreditGateService, 'standing'>;
  gates: { listingGate(orgId: string): Promise<Gate>; liveGate(userId: string): Promise<Gate> };
  /** a live session's running totals (the orders context) */
  totals: { sessionTotals(sessionId: string): Promise<{ orders: number; gmvFen: number }> };
}

export function campaignSources(d: CampaignSourceDeps): CampaignSources {
  const r = d.uow.read;
  /** the live base an organization belongs to (its parent, when that is a live base) */
  const hostBase = async (orgId: string | null): Promise<{ district: string | null; base: string | null; name: string | null }> => {
    const org = orgId ? await r.orgs.findById(orgId) : null;
    if (!org) return { district: null, base: null, name: null };
    const parent = org.parentId ? await r.orgs.findById(org.parentId) : null;
    return { district: org.district, base: parent?.kind === 'live_base' ? parent.id : null, name: org.name };
  };
  return {
    async product(id): Promise<CampaignProductFacts | null> {
      const p = await r.catalog.findProduct(id);
      if (!p) return null;
      const skus = await r.catalog.listSkus([p.id]);
      const now = d.clock.now();
      const lowest = await r.catalog.lowestPrice(
        skus.map((s) => s.id),
        new Date(now.getTime() - 7 * DAY_MS),
        now,
      );
      const cats = await r.catalog.listCategories();
      const byId = new Map(cats.map((c) => [c.id, c]));
      const path: string[] = [];
      for (let c = byId.get(p.categoryId); c && !path.includes(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) path.push(c.id);
      return {
        id: p.id,
        merchantOrgId: p.merchantOrgId,
        title: p.title,
        approved: p.status === 'approved',
        categoryId: p.categoryId,
        categoryName: byId.get(p.categoryId)?.nameZh ?? p.categoryId,
        categoryPath: path.length > 0 ? path : [p.categoryId],
        skus: skus.map((s) => ({ name: s.name, priceFen: s.priceFen, lowest7dFen: lowest.get(s.id) ?? null })),
      };
    },
    async sessions(ids): Promise<CampaignSessionFacts[]> {
      const out: CampaignSessionFacts[] = [];
      // the shared studios the sessions were held in: one read for all (a session is named at one check-in)
      const held = new Map<string, string>();
      for (const b of await r.programmes.listBookings({ sessionIds: ids, limit: ids.length * 2 })) {
        if (b.sessionId && b.status === 'checked_in' && !held.has(b.sessionId)) held.set(b.sessionId, `${b.baseName} · ${b.studioName}`);
      }
      for (const id of ids) {
        const s = await r.live.findSession(id);
        if (!s) continue;
        // a live session's orders and GMV as they stand now; an ended one's as recorded at its end
        const t = s.status === 'live' ? await d.totals.sessionTotals(s.id) : { orders: s.orders, gmvFen: s.gmvFen };
        out.push({
          id: s.id,
          streamerUserId: s.streamerUserId,
          mcnOrgId: s.mcnOrgId,
          title: s.title,
          status: s.status,
          scheduledAt: s.scheduledAt,
          peakViewers: s.peakViewers,
          orders: t.orders,
          gmvFen: t.gmvFen,
          studio: held.get(s.id) ?? null,
        });
      }
      return out;
    },
    async merchant(orgId): Promise<CampaignPartyFacts | null> {
      const h = await hostBase(orgId);
      if (!h.name) return null;
      const [standing, gate] = await Promise.all([d.credit.standing(orgId), d.gates.listingGate(orgId)]);
      return { name: h.name, district: h.district, creditTier: standing.tier, certified: gate.allowed, hostBaseId: h.base };
    },
    async streamer(userId, mcnOrgId): Promise<CampaignPartyFacts | null> {
      const user = await r.users.findById(userId);
      if (!user) return null;
      const h = await hostBase(mcnOrgId);
      const [standing, gate] = await Promise.all([d.credit.standing(userId), d.gates.liveGate(userId)]);
      return { name: user.displayName, district: h.district, creditTier: standing.tier, certified: gate.allowed, hostBaseId: h.base };
    },
    async complaints(sessionIds, from, to): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (sessionIds.length === 0) return out;
      const rows = await r.complaints.listComplaints({ liveSessionIds: sessionIds, filedFrom: from, filedBefore: to, limit: 10_000 });
      for (const c of rows) if (c.liveSessionId) out.set(c.liveSessionId, (out.get(c.liveSessionId) ?? 0) + 1);
      return out;
    },
    async baseCertified(orgId) {
      return (await r.registry.findBase(orgId))?.status === 'certified';
    },
  };
}
