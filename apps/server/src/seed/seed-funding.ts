import type { Container } from '../container.ts';
import { baseOperatorActor, officerActor, type RegistrySeed } from './seed-registry.ts';

const WAN = 1_000_000; // fen in 万元

export async function seedFunding(c: Container, reg: RegistrySeed): Promise<{ projects: number }> {
  const base = reg.bases[0];
  if (!base || !reg.swcUserId || !reg.evaluatorOrgId) return { projects: 0 };
  const swc = await officerActor(c, reg.swcUserId, reg.regulatorId, 'seed:reg_swc');
  const operator = baseOperatorActor(base);
  // the first plan year is last calendar year (China time), so its figures are complete when it is assessed
  const thisYear = Number(new Date(c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const startYear = thisYear - 1;
  const yearTargets = (planYear: number, scale: number) => [
    { planYear, kind: 'gmv' as const, target: Math.round(500 * WAN * scale) },
    { planYear, kind: 'enterprises' as const, target: Math.round(4 * scale) },
    { planYear, kind: 'talent' as const, target: Math.round(6 * scale) },
    { planYear, kind: 'brands' as const, target: Math.round(3 * scale) },
  ];
  const project = await c.funding.create(swc, {
    kind: 'base',
    name: `${base.info.name} ${startYear}–${startYear + 2} 年度直播电商基地三年项目资金`,
    ownerOrgId: base.orgId,
    evaluatorOrgId: reg.evaluatorOrgId,
    startYear,
    budgetFen: 600 * WAN,
    tranches: [
      { planYear: 1, amountFen: 200 * WAN },
      { planYear: 2, amountFen: 200 * WAN },
      { planYear: 3, amountFen: 200 * WAN },
    ],
    targets: [...yearTargets(1, 1), ...yearTargets(2, 1.5), ...yearTargets(3, 2)],
  });
  const detail = await c.funding.detail(swc, project.id);
  const first = detail.tranches.find((t) => t.planYear === 1);
  if (first) await c.funding.payTranche(swc, project.id, first.id);
  await c.funding.selfAssess(operator, project.id, {
    figures: { brands: 2 },
    note: '第一年度完成共享直播间改造和公共服务平台上线；新入驻 MCN 与服务机构各一家；自主培育品牌 2 个（自报，附品牌注册证明）。',
  });
  return { projects: 1 };
}
