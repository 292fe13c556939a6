/**
 * 政策服务包's applicant facts (the policies context's `ApplicantFactsReader`), read fresh on every question from
 * the contexts that hold them: identity (kind, district, since when), the registry (certification, hosting base,
 * certified streamers, 互联网营销师 level), the orders context's GMV reader (last 12 months) and the credit gate (tier).
 * What LiveHub does not hold (headcount, revenue off the platform, social-security months) stays unknown: the
 * applicant declares it (自报).
 */
import {
  type ApplicantFactsReader,
  type CreditGateService,
  type Facts,
  type GrantPayment,
  type GrantPaymentsReader,
  policyGrantKey,
  type UnitOfWork,
} from '@livehub/core';

const YEAR_MS = 365.25 * 86_400_000;
const ORG_KINDS: ReadonlySet<string> = new Set(['merchant', 'mcn', 'live_base', 'service_provider']);

function yearsBetween(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / YEAR_MS));
}

export function policyFacts(uow: UnitOfWork, credit: Pick<CreditGateService, 'standing'>): ApplicantFactsReader {
  const r = uow.read;
  const yearAgo = (now: Date) => new Date(now.getTime() - YEAR_MS);
  return {
    async enterprise(orgId, now): Promise<Facts | null> {
      const org = await r.orgs.findById(orgId);
      if (!org || !ORG_KINDS.has(org.kind)) return null;
      const facts: Facts = {
        orgKind: org.kind,
        district: org.district,
        hostBase: null,
        certified: null,
        gmv12mFen: null,
        certifiedProfessionals: null,
        creditTier: (await credit.standing(orgId)).tier,
        yearsSinceAdmission: yearsBetween(org.createdAt, now),
      };
      if (org.kind === 'merchant') {
        const m = await r.registry.findMerchant(orgId);
        facts.certified = m?.status === 'admitted';
        if (m) facts.yearsSinceAdmission = yearsBetween(m.createdAt, now);
        facts.gmv12mFen = await r.orders.gmvSince({ merchantOrgId: orgId }, yearAgo(now));
      } else if (org.kind === 'mcn') {
        const m = await r.registry.findMcn(orgId);
        facts.certified = m !== null;
        facts.hostBase = m?.hostBaseOrgId ?? null;
        facts.gmv12mFen = await r.orders.gmvSince({ mcnOrgId: orgId }, yearAgo(now));
        facts.certifiedProfessionals = (
          await r.registry.listStreamers({ mcnOrgIds: [orgId], status: ['certified'], limit: 10_000 })
        ).length;
      } else if (org.kind === 'live_base') {
        const b = await r.registry.findBase(orgId);
        facts.certified = b?.status === 'certified';
        facts.district = org.district ?? b?.district ?? null;
      } else {
        const p = await r.registry.findProvider(orgId);
        facts.certified = p !== null;
        facts.hostBase = p?.hostBaseOrgId ?? null;
      }
      return facts;
    },

    async talent(userId, now): Promise<Facts | null> {
      const s = await r.registry.findStreamer(userId);
      if (!s) return null;
      const mcn = s.mcnOrgId ? await r.orgs.findById(s.mcnOrgId) : null;
      const mcnProfile = s.mcnOrgId ? await r.registry.findMcn(s.mcnOrgId) : null;
      return {
        orgKind: 'streamer',
        district: mcn?.district ?? null,
        hostBase: mcnProfile?.hostBaseOrgId ?? null,
        certified: s.status === 'certified',
        marketerLevel: s.marketerLevel,
        gmv12mFen: await r.orders.gmvSince({ streamerUserId: userId }, yearAgo(now)),
        creditTier: (await credit.standing(userId)).tier,
        yearsSinceAdmission: yearsBetween(s.createdAt, now),
      };
    },

    async orgNames(ids) {
      const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (unique.length === 0) return new Map();
      return new Map((await r.orgs.findByIds(unique)).map((o) => [o.id, o.name]));
    },
  };
}

/** 已拨付: the grant payments of applications, read from the ledger by their business keys (one entry each). */
export function policyGrantPayments(uow: UnitOfWork): GrantPaymentsReader {
  return async (applicationIds) => {
    const byKey = new Map(applicationIds.map((id) => [policyGrantKey(id), id]));
    const out = new Map<string, GrantPayment>();
    if (byKey.size === 0) return out;
    for (const e of await uow.read.ledger.findEntriesByKeys([...byKey.keys()])) {
      const id = byKey.get(e.businessKey);
      if (!id) continue;
      const fen = e.postings.reduce((sum, p) => sum + Math.max(p.amount, 0), 0);
      out.set(id, { fen, at: e.postedAt, entryId: e.id });
    }
    return out;
  };
}
