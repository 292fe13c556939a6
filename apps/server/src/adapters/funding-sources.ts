/**
 * 项目资金绩效评价's readers over the other contexts (the funding service's `FundingFiguresReader` and
 * `FundingParties`), read fresh on every question:
 * - GMV: 统计分析's rollup of the calendar year, grouped by base (an order counts for the base whose member
 *   organization sold it; docs/supervision.md § statistics);
 * - enterprises: the organizations the base hosts now (merchants, MCNs, service providers whose parent is the base);
 * - talent: the certified streamers of the MCNs the base hosts, now;
 * - brands: LiveHub holds none — the base declares it (自报).
 */
import type { FundingFigures, FundingFiguresReader, FundingParties, UnitOfWork } from '@livehub/core';

const HOSTED: ReadonlySet<string> = new Set(['merchant', 'mcn', 'service_provider']);

export function fundingFigures(uow: UnitOfWork): FundingFiguresReader {
  const r = uow.read;
  return {
    async figures(baseOrgId: string, year: number): Promise<FundingFigures> {
      const rows = await r.statistics.figures(['base'], { from: `${year}-01-01`, until: `${year + 1}-01-01` });
      const gmv = rows.find((x) => x.grouping === 'base' && x.key === baseOrgId)?.gmvFen ?? 0;
      const hosted = (await r.orgs.list({ visibleTo: [baseOrgId], limit: 10_000 })).filter(
        (o) => o.id !== baseOrgId && o.parentId === baseOrgId && HOSTED.has(o.kind),
      );
      const mcns = hosted.filter((o) => o.kind === 'mcn').map((o) => o.id);
      const talent =
        mcns.length === 0 ? 0 : (await r.registry.listStreamers({ mcnOrgIds: mcns, status: ['certified'], limit: 100_000 })).length;
      return { gmv, enterprises: hosted.length, talent, brands: null };
    },
  };
}

export function fundingParties(uow: UnitOfWork): FundingParties {
  const r = uow.read;
  return {
    async orgKind(orgId) {
      if (!/^[0-9a-f-]{36}$/i.test(orgId)) return null;
      return (await r.orgs.findById(orgId))?.kind ?? null;
    },
    async options() {
      const [bases, providers] = await Promise.all([
        r.orgs.list({ kind: 'live_base', limit: 500 }),
        r.orgs.list({ kind: 'service_provider', limit: 500 }),
      ]);
      const withEvaluators = await r.memberships.orgsWithRole(
        providers.map((o) => o.id),
        'evaluator',
      );
      const evaluators = providers.filter((o) => withEvaluators.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
      return { bases: bases.map((o) => ({ id: o.id, name: o.name })), evaluators };
    },
    async hasEvaluator(orgId) {
      if (!/^[0-9a-f-]{36}$/i.test(orgId)) return false;
      const org = await r.orgs.findById(orgId);
      return org?.kind === 'service_provider' && (await r.memberships.countForOrgs([orgId], 'evaluator')) > 0;
    },
  };
}
