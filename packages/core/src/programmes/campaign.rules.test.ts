import { describe, expect, it } from 'vitest';
import { campaignInputProblem, campaignMove, dueMove, enrolmentOpen, productReasons, sessionReasons } from './campaign.rules.ts';
import type { CampaignInput, CampaignPartyFacts, CampaignProductFacts, CampaignRules } from './campaign.types.ts';

const NOW = new Date('2027-01-10T00:00:00Z');
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const RULES: CampaignRules = { priceCap: { kind: 'none' }, requiredLabel: null, minCreditTier: null, requireCertified: false };
const input = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  name: '网上年货节',
  theme: '',
  startsAt: at(5),
  endsAt: at(20),
  enrolDeadline: at(10),
  categoryIds: [],
  districts: [],
  rules: RULES,
  ...over,
});
const campaign = (over: Partial<CampaignInput> & { organiserKind?: 'regulator' | 'live_base' } = {}) => ({
  ...input(over),
  organiserKind: over.organiserKind ?? ('regulator' as const),
  organiserOrgId: 'base-1',
});
const merchant: CampaignPartyFacts = { name: '某商家', district: '浦东新区', creditTier: 'B', certified: true, hostBaseId: null };
const product: CampaignProductFacts = {
  id: 'p1',
  merchantOrgId: 'm1',
  title: '坚果礼盒',
  approved: true,
  categoryId: 'food.nuts',
  categoryName: '坚果炒货',
  categoryPath: ['food.nuts', 'food'],
  skus: [
    { name: '500g', priceFen: 9900, lowest7dFen: 9900 },
    { name: '1kg', priceFen: 18800, lowest7dFen: 16800 },
  ],
};

describe('campaign states', () => {
  it('moves draft → published → running → ended, and cancels before the end', () => {
    expect(campaignMove('draft', 'publish')).toBe('published');
    expect(campaignMove('published', 'start')).toBe('running');
    expect(campaignMove('running', 'end')).toBe('ended');
    expect(campaignMove('published', 'cancel')).toBe('cancelled');
    expect(campaignMove('ended', 'cancel')).toBeNull();
    expect(campaignMove('published', 'publish')).toBeNull();
    expect(campaignMove('published', 'edit')).toBeNull();
    expect(campaignMove('draft', 'end')).toBeNull();
  });

  it('is started and ended by the tick on its dates', () => {
    const c = { startsAt: at(1), endsAt: at(2) };
    expect(dueMove({ ...c, status: 'published' }, NOW)).toBeNull();
    expect(dueMove({ ...c, status: 'published' }, at(1))).toBe('running');
    expect(dueMove({ ...c, status: 'published' }, at(3))).toBe('ended');
    expect(dueMove({ ...c, status: 'running' }, at(2))).toBe('ended');
    expect(dueMove({ ...c, status: 'draft' }, at(3))).toBeNull();
  });

  it('opens enrolment while published or running, until the deadline (inclusive)', () => {
    expect(enrolmentOpen({ status: 'published', enrolDeadline: at(1) }, at(1))).toBe(true);
    expect(enrolmentOpen({ status: 'running', enrolDeadline: at(1) }, at(1.01))).toBe(false);
    expect(enrolmentOpen({ status: 'draft', enrolDeadline: at(1) }, NOW)).toBe(false);
  });
});

describe('campaign input', () => {
  it('names the field of the first problem', () => {
    expect(campaignInputProblem(input(), NOW)).toBeNull();
    expect(campaignInputProblem(input({ endsAt: at(5) }), NOW)).toEqual({ code: 'campaigns.ends_before_start', field: 'endsAt' });
    expect(campaignInputProblem(input({ startsAt: at(-10), endsAt: at(-1), enrolDeadline: at(-2) }), NOW)?.field).toBe('endsAt');
    expect(campaignInputProblem(input({ enrolDeadline: at(21) }), NOW)).toEqual({ code: 'campaigns.bad_deadline', field: 'enrolDeadline' });
    expect(campaignInputProblem(input({ enrolDeadline: at(-1) }), NOW)?.code).toBe('campaigns.bad_deadline');
    expect(
      campaignInputProblem(
        input({ categoryIds: ['food'], rules: { ...RULES, priceCap: { kind: 'fixed', caps: [{ categoryId: 'beauty', maxFen: 100 }] } } }),
        NOW,
      ),
    ).toEqual({ code: 'campaigns.cap_category', field: 'rules.priceCap.caps.0.categoryId' });
  });
});

describe('product review', () => {
  it('passes a product that meets every rule', () => {
    expect(productReasons(campaign(), product, merchant, null)).toEqual([]);
  });

  it('names each SKU above its 7-day lowest price', () => {
    expect(productReasons(campaign({ rules: { ...RULES, priceCap: { kind: 'lowest_7d' } } }), product, merchant, null)).toEqual([
      '规格「1kg」现价 ¥188.00 高于近 7 日最低价 ¥168.00',
    ]);
  });

  it('applies the fixed cap of the product’s category or an ancestor', () => {
    const c = campaign({ rules: { ...RULES, priceCap: { kind: 'fixed', caps: [{ categoryId: 'food', maxFen: 10_000 }] } } });
    expect(productReasons(c, product, merchant, null)).toEqual(['规格「1kg」价格 ¥188.00 超过本类目活动限价 ¥100.00']);
  });

  it('gives one reason per violated rule', () => {
    const c = campaign({
      categoryIds: ['beauty'],
      districts: ['黄浦区'],
      rules: { priceCap: { kind: 'none' }, requiredLabel: '年货节', minCreditTier: 'A', requireCertified: true },
    });
    expect(productReasons(c, { ...product, approved: false }, { ...merchant, certified: false }, '新品')).toEqual([
      '商品未通过审核或已下架',
      '商品类目（坚果炒货）不在活动类目内',
      '商品卡须标注「年货节」',
      '商家所在区（浦东新区）不在活动区域（黄浦区）内',
      '商家信用等级 B 低于活动要求的 A 级',
      '商家资质未通过认证，暂不能上架商品',
    ]);
  });

  it('admits to a live base’s campaign only the parties it hosts', () => {
    const c = campaign({ organiserKind: 'live_base' });
    expect(productReasons(c, product, merchant, null)).toEqual(['商家不是本基地入驻的商家']);
    expect(productReasons(c, product, { ...merchant, hostBaseId: 'base-1' }, null)).toEqual([]);
  });
});

describe('session review', () => {
  const streamer: CampaignPartyFacts = { name: '主播', district: null, creditTier: 'C', certified: true, hostBaseId: null };
  it('wants a scheduled session inside the period', () => {
    expect(sessionReasons(campaign(), { status: 'scheduled', scheduledAt: at(6) }, streamer)).toEqual([]);
    expect(sessionReasons(campaign(), { status: 'live', scheduledAt: at(25) }, streamer)).toEqual([
      '只能报名尚未开播的直播场次',
      '直播场次的计划开播时间不在活动期间内',
    ]);
  });
  it('refuses an unknown district when the campaign names districts, and a low tier', () => {
    const c = campaign({ districts: ['浦东新区'], rules: { ...RULES, minCreditTier: 'B' } });
    expect(sessionReasons(c, { status: 'scheduled', scheduledAt: at(6) }, streamer)).toEqual([
      '主播所在区（未登记）不在活动区域（浦东新区）内',
      '主播信用等级 C 低于活动要求的 B 级',
    ]);
  });
});
