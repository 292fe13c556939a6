/**
 * 政策服务包 of the demo district (docs/programmes.md, "Policy service packages"): five policies the 商务委 drafts and
 * publishes through the service — a construction subsidy for certified bases (seed 004's 集聚区和基地 funding), a
 * growth reward for merchants by their GMV on LiveHub (seed 001's 政策服务包; no demo merchant sells enough for it), a
 * studio-rent subsidy for 嘉定 merchants going live (seed 002 （十）; the demo merchants who sold live there meet it
 * on their own records), and two talent policies for certified
 * streamers (seeds 002 and 004: 住房补贴, 落户积分 and 子女入学) — and the demo base's application for the base
 * subsidy, in review, made through the service (eligibility judged, documents uploaded to the file store).
 */
import type { PolicyInput } from '@livehub/core';
import type { Container } from '../container.ts';
import { baseOperatorActor, officerActor, type RegistrySeed } from './seed-registry.ts';

const WAN = 1_000_000; // fen in 万元
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const DAY = 86_400_000;

export async function seedPolicies(c: Container, reg: RegistrySeed): Promise<{ policies: number; applications: number }> {
  const base = reg.bases[0];
  if (!base || !reg.swcUserId) return { policies: 0, applications: 0 };
  const swc = await officerActor(c, reg.swcUserId, reg.regulatorId, 'seed:reg_swc');
  const now = c.clock.now();
  const until = new Date(now.getTime() + 90 * DAY);
  const drafts: PolicyInput[] = [
    {
      kind: 'enterprise',
      title: '直播电商基地建设补贴',
      summary: '对经认定的直播电商基地，按场地改造、共享直播间和公共服务平台建设投入给予补贴，单个基地最高 300 万元。',
      basis: '上海市商务委关于促进本市直播电商创新发展若干措施（十）；直播电商集聚区和基地三年项目资金管理办法',
      conditions: {
        all: [
          { fact: 'orgKind', op: 'eq', value: 'live_base' },
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'district', op: 'in', value: ['嘉定区', '浦东新区', '静安区'] },
          { fact: 'creditTier', op: 'gte', value: 'B' },
        ],
      },
      benefit: {
        kind: 'subsidy_amount',
        amountFen: 200 * WAN,
        rateBp: null,
        capFen: 300 * WAN,
        description: '建设投入补贴，最高 300 万元',
      },
      applyFrom: null,
      applyUntil: until,
      documents: ['base_materials', 'financial_statement'],
    },
    {
      kind: 'enterprise',
      title: '直播电商企业成长奖励',
      summary: '近12个月在平台成交额达到 50 万元、信用良好的入驻商家，按成交额的 1% 给予奖励，最高 50 万元。',
      basis: '直播电商政策服务包（区商务委）第三条：支持直播电商企业做大做强',
      conditions: {
        all: [
          { fact: 'orgKind', op: 'eq', value: 'merchant' },
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'gmv12mFen', op: 'gte', value: 50 * WAN },
          { fact: 'creditTier', op: 'gte', value: 'B' },
          { fact: 'headcount', op: 'gte', value: 10 },
        ],
      },
      benefit: {
        kind: 'subsidy_rate',
        amountFen: null,
        rateBp: 100,
        capFen: 50 * WAN,
        description: '按近12个月成交额 1% 奖励，最高 50 万元',
      },
      applyFrom: null,
      applyUntil: until,
      documents: ['financial_statement'],
    },
    {
      // Within reach of the demo district's own merchants: what they sold live on LiveHub, where they are, their credit
      kind: 'enterprise',
      title: '实体商业直播转型扶持',
      summary: '嘉定区内经平台入驻审核、近12个月直播成交额满 1000 元、信用 B 级及以上的实体商家，给予共享直播间场租补贴 1 万元。',
      basis: '上海市商务委关于促进本市直播电商创新发展若干措施（十）赋能线下实体商业转型升级',
      conditions: {
        all: [
          { fact: 'orgKind', op: 'eq', value: 'merchant' },
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'district', op: 'in', value: ['嘉定区'] },
          { fact: 'gmv12mFen', op: 'gte', value: 100_000 },
          { fact: 'creditTier', op: 'gte', value: 'B' },
        ],
      },
      benefit: {
        kind: 'subsidy_amount',
        amountFen: WAN,
        rateBp: null,
        capFen: WAN,
        description: '共享直播间场租补贴 1 万元',
      },
      applyFrom: null,
      applyUntil: until,
      documents: ['financial_statement'],
    },
    {
      kind: 'talent',
      title: '直播电商人才住房补贴',
      summary: '取得互联网营销师职业技能等级证书并在本区缴纳社保满 6 个月的持证主播，每月发放住房补贴 2000 元，最长 12 个月。',
      basis: '关于加强直播电商人才队伍建设的若干措施：人才安居',
      conditions: {
        all: [
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'marketerLevel', op: 'in', value: ['四级', '三级', '二级', '一级'] },
          { fact: 'socialSecurityMonths', op: 'gte', value: 6 },
        ],
      },
      benefit: {
        kind: 'housing_subsidy',
        amountFen: 24_000 * 100,
        rateBp: null,
        capFen: 24_000 * 100,
        description: '每月 2000 元，最长 12 个月',
      },
      applyFrom: null,
      applyUntil: until,
      documents: ['professional_licence', 'social_security_record'],
    },
    {
      kind: 'talent',
      title: '优秀直播人才落户积分与子女入学支持',
      summary: '持证满 1 年、信用良好的优秀主播，居住证积分加 20 分，并由区教育局统筹安排子女入学。',
      basis: '关于加强直播电商人才队伍建设的若干措施：人才落户和子女教育',
      conditions: {
        all: [
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'yearsSinceAdmission', op: 'gte', value: 1 },
          { fact: 'creditTier', op: 'gte', value: 'B' },
        ],
      },
      benefit: {
        kind: 'settlement_points',
        amountFen: null,
        rateBp: null,
        capFen: null,
        description: '居住证积分 +20 分；子女入学统筹安排',
      },
      applyFrom: null,
      applyUntil: null,
      documents: ['professional_licence'],
    },
  ];
  const published: string[] = [];
  for (const d of drafts) {
    const p = await c.policies.create(swc, d);
    await c.policies.publish(swc, p.id);
    published.push(p.id);
  }

  // The demo base applies for the base subsidy: in review with the 商务委
  const operator = baseOperatorActor(base);
  const materials = await c.registry.upload(operator, { bytes: PDF, filename: '基地建设投入明细.pdf', docType: 'base_materials' });
  const statement = await c.registry.upload(operator, { bytes: PDF, filename: '2026年度财务报表.pdf', docType: 'financial_statement' });
  await c.policyApplications.apply(operator, published[0] as string, {
    declared: {},
    documents: [
      { id: materials.id, docType: 'base_materials' },
      { id: statement.id, docType: 'financial_statement' },
    ],
    requestedFen: 260 * WAN,
    note: '共享直播间三间及公共服务平台建设',
  });
  return { policies: published.length, applications: 1 };
}
