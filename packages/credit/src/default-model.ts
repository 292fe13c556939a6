/**
 * LiveHub's default credit model. The big platforms' scores are closed; these numbers are open and each says where
 * it comes from. Anchors: Douyin 商家体验分 (dimensions 商品体验 / 物流体验 / 服务体验, deductions for violations kept
 * apart), Kuaishou 带货口碑分 (a streamer's reputation from buyers' experience, fulfilment and compliance), Taobao DSR
 * (描述 / 服务 / 物流 ratings) and seed 004 (包容审慎监管: 首违不罚). All dimensions run from 0 to 100 and start at
 * 100; a party with no events is an A.
 */
import type { CreditEventKind } from './events.ts';
import type { Bilingual, CreditModel } from './model.ts';

// Deductions fade so an old mistake does not follow a party for ever; a year is the longest look-back the anchors
// use for serious matters, a quarter for service and logistics (Douyin's experience scores use a 90-day window).
const QUARTER = 90;
const HALF_YEAR = 180;
const YEAR = 365;

/** Compliance events land in every party kind's compliance dimension. */
const COMPLIANCE_OF_ALL = { merchant: 'compliance', streamer: 'compliance', mcn: 'compliance', base: 'compliance' } as const;
/** Delivery events: a merchant's logistics, a streamer's fulfilment. */
const DELIVERY = { merchant: 'logistics', streamer: 'fulfilment' } as const;

/** Hints are written as rows (kind, zh, en) so the table reads as one list. */
function bilingualByKind(rows: Array<[CreditEventKind, string, string]>): Record<CreditEventKind, Bilingual> {
  return Object.fromEntries(rows.map(([kind, zh, en]) => [kind, { zh, en }])) as Record<CreditEventKind, Bilingual>;
}

export const DEFAULT_MODEL: CreditModel = {
  version: '2026.12-1',
  effectiveFrom: '2026-12-01',
  changelog: [
    {
      version: '2026.12-1',
      date: '2026-12-01',
      zh: '首个版本：商家、主播、MCN、基地的维度与权重，事件规则，退货率，分级与措施，首违不罚。',
      en: 'First version: dimensions and weights for merchants, streamers, MCNs and bases, event rules, return rate, tiers and measures, first-offence waiver.',
    },
  ],
  dimensions: {
    // Douyin 商家体验分 weighs goods most (商品体验 ~50%, 物流 ~20%, 服务 ~30%); LiveHub adds compliance as its own
    // dimension (the regulator's concern) and takes its share from goods.
    merchant: [
      { key: 'goods', zh: '商品', en: 'Goods', weightBp: 3_000 },
      { key: 'service', zh: '服务', en: 'Service', weightBp: 2_500 },
      { key: 'logistics', zh: '物流', en: 'Logistics', weightBp: 2_000 },
      { key: 'compliance', zh: '合规', en: 'Compliance', weightBp: 2_500 },
    ],
    // Kuaishou 带货口碑分: buyers' reputation and fulfilment; compliance weighs most because a streamer's words are
    // what the screening rules judge.
    streamer: [
      { key: 'reputation', zh: '口碑', en: 'Reputation', weightBp: 3_500 },
      { key: 'compliance', zh: '合规', en: 'Compliance', weightBp: 4_000 },
      { key: 'fulfilment', zh: '履约', en: 'Fulfilment', weightBp: 2_500 },
    ],
    // MCNs and bases answer for their own compliance and for how they manage their streamers and tenants
    // (seed 002: tiered management of streamers and enterprises).
    mcn: [
      { key: 'compliance', zh: '合规', en: 'Compliance', weightBp: 6_000 },
      { key: 'management', zh: '管理', en: 'Management', weightBp: 4_000 },
    ],
    base: [
      { key: 'compliance', zh: '合规', en: 'Compliance', weightBp: 6_000 },
      { key: 'management', zh: '管理', en: 'Management', weightBp: 4_000 },
    ],
  },
  rules: {
    // 4 points per severity level: a severity-5 violation costs 20 of 100 in compliance, enough alone to move a
    // streamer from A to B (compliance is 40% of the total); platforms' violation points scale with severity likewise.
    'violation.confirmed': { dimensions: COMPLIANCE_OF_ALL, points: -4, unit: 'severity', halfLifeDays: HALF_YEAR },
    // An upheld complaint is a buyer's experience gone wrong (Taobao DSR 服务, Kuaishou 口碑); the MCN or base that
    // manages the party answers in management.
    'complaint.upheld': {
      dimensions: { merchant: 'service', streamer: 'reputation', mcn: 'management', base: 'management' },
      points: -3,
      unit: 'severity',
      halfLifeDays: QUARTER,
    },
    // 先行赔付: the merchant let a decided or agreed compensation lapse and the platform's fund paid the buyer. Worse
    // than the upheld complaint behind it (the buyer was let down twice), so twice its weight, on service only (the
    // merchant owed the money, not the streamer); it fades over half a year.
    'compensation.advanced': {
      dimensions: { merchant: 'service' },
      points: -6,
      unit: 'severity',
      halfLifeDays: HALF_YEAR,
    },
    // On-time fulfilment restores a little (Douyin 物流体验: on-time shipping rate), at most 5 points a quarter.
    'order.completed': { dimensions: DELIVERY, points: 0.05, unit: 'on_time', windowDays: QUARTER, cap: 5 },
    // Returns count only through the return rate below: one return is not a signal, a rate is (商品体验: 品质退货率).
    'order.returned': { dimensions: {}, points: 0, unit: 'event' },
    // Overdue refunds (consumer-protection law: refunds within 7 days) hurt service, half a point a day, at most 5.
    'refund.overdue': { dimensions: { merchant: 'service' }, points: -0.5, unit: 'days', maxPerEvent: 5, halfLifeDays: QUARTER },
    // Late shipping: Douyin 物流体验 counts late shipments; 0.3 a day, at most 3 per shipment.
    'shipment.late': { dimensions: DELIVERY, points: -0.3, unit: 'days', maxPerEvent: 3, halfLifeDays: QUARTER },
    // Samples not returned or not sent on time break the selection agreement (selection center rules); the MCN that
    // signed for its streamer answers too.
    'sample.overdue': {
      dimensions: { ...DELIVERY, mcn: 'management' },
      points: -0.5,
      unit: 'days',
      maxPerEvent: 5,
      halfLifeDays: QUARTER,
    },
    // Selling or streaming without a valid certificate is a compliance failure in itself (选品规范 Art. 4–6); for an
    // MCN or base it is a failure to manage its tenants' papers.
    'certification.lapsed': {
      dimensions: { merchant: 'compliance', streamer: 'compliance', mcn: 'management', base: 'management' },
      points: -10,
      unit: 'event',
      halfLifeDays: YEAR,
    },
    // An administrative penalty is graver than a platform violation: 8 per severity level, fading over a year.
    'case.penalty': { dimensions: COMPLIANCE_OF_ALL, points: -8, unit: 'severity', halfLifeDays: YEAR },
    // Training is the other half of 首违不罚 (a warning and a training task): an hour restores a point, at most 6 a year.
    'training.completed': { dimensions: COMPLIANCE_OF_ALL, points: 1, unit: 'hours', windowDays: YEAR, cap: 6 },
    // Clean streaming hours (no confirmed hit) restore a little, at most 5 a quarter.
    'streaming.clean': { dimensions: { streamer: 'compliance' }, points: 0.1, unit: 'hours', windowDays: QUARTER, cap: 5 },
  },
  rateRules: [
    {
      key: 'return_rate',
      zh: '退货率',
      en: 'Return rate',
      numerator: 'order.returned',
      denominator: 'order.completed',
      windowDays: QUARTER,
      // Douyin and Taobao judge rates only above a minimum of orders; 20 keeps one bad week of a tiny shop from
      // dominating.
      minCount: 20,
      thresholds: [
        { over: 0.05, points: -3 },
        { over: 0.1, points: -8 },
        { over: 0.2, points: -15 },
      ],
      dimensions: { merchant: 'goods', streamer: 'reputation' },
      hint: {
        zh: '退货率偏高：核对商品描述与实物是否一致，加强发货前质检。',
        en: 'High return rate: check that descriptions match the goods and inspect before shipping.',
      },
    },
  ],
  // 90 / 75 / 60 mirror the usual 优 / 良 / 中 / 差 bands of Chinese credit ratings.
  tiers: [
    { tier: 'A', min: 90, zh: '优', en: 'Excellent' },
    { tier: 'B', min: 75, zh: '良', en: 'Good' },
    { tier: 'C', min: 60, zh: '中', en: 'Fair' },
    { tier: 'D', min: 0, zh: '差', en: 'Poor' },
  ],
  measures: {
    A: [],
    B: [],
    C: [
      { code: 'observation_tag', zh: '标记为重点观察对象', en: 'Tagged for observation' },
      { code: 'extra_sampling', zh: '审核队列加大抽检比例', en: 'More sampling in the review queue' },
    ],
    D: [
      { code: 'prereview', zh: '直播脚本和商品卡须先审后播', en: 'Scripts and product cards are reviewed before going live' },
      { code: 'no_selection', zh: '暂停选品中心使用', en: 'No access to the selection center' },
      { code: 'no_flash_sale', zh: '暂停参加秒杀活动', en: 'No flash sales' },
      { code: 'payout_hold', zh: '暂缓结算打款', en: 'Payouts held' },
    ],
  },
  // Seed 004: 依法实施“首违不罚” — a first minor violation (severity 1–2) with no other violation in the year before
  // brings a warning, not a deduction.
  firstOffence: { windowDays: YEAR, maxSeverity: 2 },
  // Compliance first (what to fix, what restores), then buyers' after-sales, then delivery.
  hints: bilingualByKind([
    [
      'violation.confirmed',
      '学习相关规则，开播前用话术自检，避免再次违规。',
      'Study the rule, check scripts before going live and avoid a repeat.',
    ],
    ['case.penalty', '落实整改要求，完成合规培训。', 'Carry out the required corrections and complete compliance training.'],
    ['certification.lapsed', '及时续期资质证照。', 'Renew certificates before they lapse.'],
    ['training.completed', '继续参加合规培训可恢复合规分。', 'More compliance training restores compliance points.'],
    ['streaming.clean', '保持合规直播可逐步恢复合规分。', 'Clean streaming gradually restores compliance points.'],
    ['complaint.upheld', '及时回应消费者诉求，按承诺处理售后。', 'Answer buyers promptly and handle after-sales as promised.'],
    [
      'compensation.advanced',
      '在期限内支付投诉赔付，避免平台先行赔付。',
      'Pay complaint compensation by its deadline so the platform need not advance it.',
    ],
    ['order.returned', '核对商品描述与实物是否一致。', 'Check that descriptions match the goods.'],
    ['refund.overdue', '在规定时限内完成退款。', 'Refund within the required time.'],
    ['order.completed', '保持按时发货。', 'Keep shipping on time.'],
    ['shipment.late', '按承诺时效发货，提前备货。', 'Ship within the promised time; stock up in advance.'],
    ['sample.overdue', '按约定时间寄送或归还样品。', 'Send or return samples on the agreed dates.'],
  ]),
};
