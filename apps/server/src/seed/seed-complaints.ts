/**
 * Demo complaints (投诉) in every state, through the real services: orders placed and paid through the simulated
 * provider, complaints filed, answered, escalated, mediated, decided and withdrawn by the parties, and the deadlines
 * that move a complaint on by themselves passed through the sweep — the demo merchant has complaints to answer with
 * a running 48-hour countdown, the platform a mediation queue, the regulator an escalated complaint to accept and an
 * accepted one to mediate (and one whose mediation it terminated).
 *
 * With the CLI's movable clock (`TimeTravel`) the story is told in the past: the orders are paid some 100 days ago,
 * mediation runs its 45 working days and the clock comes back to now, so each timeline reads in order. Without it
 * (tests) every step happens now and only the sweeps are given the later instants they act at.
 */
import type { ClaimKind, ComplaintCategory } from '@livehub/contracts';
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { TimeTravel } from './seed-history.ts';
import { deliverRefundsSucceeded, payOnSimulator } from './seed-payments.ts';
import { person, type RegistrySeed } from './seed-registry.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ADDRESS = { name: '李佳琪', phone: '13900005678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 1055 号 6 栋 302 室' };

interface Filing {
  category: ComplaintCategory;
  kind: ClaimKind;
  /** the share of the price claimed (1 = all of it); fraud compensation claims the price and more */
  share: number;
  description: string;
}

const FILINGS: Record<string, Filing> = {
  quality: { category: 'quality', kind: 'refund', share: 1, description: '收到的商品有明显破损，外包装也被压坏，要求全额退款。' },
  described: {
    category: 'not_as_described',
    kind: 'return',
    share: 1,
    description: '实物颜色和尺码与直播间展示的完全不一样，要求退货退款。',
  },
  advertising: {
    category: 'false_advertising',
    kind: 'compensation',
    share: 1,
    description: '主播在直播间宣称“国家级实验室研发、第一品牌”，收到后发现并无任何依据，属于虚假宣传。',
  },
  fraud: {
    category: 'fraud',
    kind: 'compensation',
    share: 2,
    description: '直播间承诺为正品并出示授权书，收货后经品牌方鉴定为仿冒品，要求退一赔三。',
  },
  refund: {
    category: 'refund_refused',
    kind: 'refund',
    share: 1,
    description: '七天无理由退货已寄回，商家签收后一直不退款，客服也不回复。',
  },
  data: {
    category: 'personal_data',
    kind: 'compensation',
    share: 0.5,
    description: '下单后不断收到陌生推销电话，对方准确说出了我的订单信息，怀疑商家泄露个人信息。',
  },
};

export async function seedComplaints(c: Container, s: RegistrySeed, travel?: TimeTravel): Promise<number> {
  const merchant = s.merchants[0];
  if (!merchant || !s.consumerId) return 0;
  const m0 = person(merchant.staffUserId, 'merchant_staff', merchant.orgId);
  const mediator = person(s.reviewerId, 'reviewer', s.platformId);
  const regulator = person(s.scjgjUserId, 'regulator', s.regulatorId);
  const me = person(s.consumerId, 'consumer', null);
  const buyers: Actor[] = [me];
  for (let i = 1; i <= 5; i++) {
    const u = await c.uow.read.users.findByUsername(`consumer_${String(i).padStart(5, '0')}`);
    if (u) buyers.push(person(u.id, 'consumer', null));
  }
  const products = await c.uow.read.catalog.listProducts({ merchantOrgId: merchant.orgId, status: ['approved'], limit: 10 });
  const skus = await c.uow.read.catalog.listSkus(products.map((p) => p.id));
  if (skus.length === 0) return 0;

  // the clock: with the CLI's, moved to each moment of the story; without, `at` only names the sweeps' instants
  const start = c.clock.now().getTime();
  let shifted = 0;
  const at = (offsetMs: number): Date => {
    if (travel) {
      travel.shift(offsetMs - shifted);
      shifted = offsetMs;
    }
    return new Date(start + offsetMs);
  };
  const base = travel ? -100 * DAY : 0;

  let n = 0;
  const paidOrder = async (buyer: Actor) => {
    const sku = skus[n++ % skus.length];
    if (!sku) throw new Error('seed: no SKU of the demo merchant');
    const r = await c.orders.create(buyer, { lines: [{ skuId: sku.id, qty: 1 }], address: ADDRESS });
    const p = await payOnSimulator(c, buyer, r.body.id);
    return { id: r.body.id, totalFen: p.amountFen };
  };
  const file = async (buyer: Actor, key: keyof typeof FILINGS, phone?: string) => {
    const f = FILINGS[key] as Filing;
    const order = await paidOrder(buyer);
    const amountFen = Math.max(1, Math.round(order.totalFen * f.share));
    const filed = await c.complaints.filing.file(buyer, {
      orderId: order.id,
      category: f.category,
      claim: { kind: f.kind, amountFen },
      description: f.description,
      evidenceDocumentIds: [],
      ...(phone ? { contactPhone: phone } : {}),
    });
    return { id: filed.id, orderId: order.id, buyer, amountFen };
  };
  const reject = (id: string) => c.complaints.steps.answer(m0, id, { answer: 'reject', note: '商品出库前经过质检，不同意投诉诉求。' });
  const toMediation = async (x: { id: string; buyer: Actor }) => {
    await reject(x.id);
    await c.complaints.steps.escalate(x.buyer, x.id, '商家拒绝处理，申请平台调解。');
  };
  const buyer = (i: number): Actor => buyers[i] ?? me;
  const [b1, b2, b3, b4, b5] = [buyer(1), buyer(2), buyer(3), buyer(4), buyer(5)];

  // 1. five complaints whose mediation runs out: mediation_failed; then escalated, accepted and refused by the
  //    regulator, and one accepted whose 行政调解 the regulator terminates (终止调解)
  at(base);
  const failed = await file(me, 'described', '13812345678');
  const escalated = await file(b1, 'advertising');
  const accepted = await file(b2, 'data');
  const refused = await file(b3, 'quality');
  const terminated = await file(b5, 'described');
  at(base + DAY);
  for (const x of [failed, escalated, accepted, refused, terminated]) await toMediation(x);
  const lapse = (await c.uow.read.complaints.findComplaint(failed.id))?.dueAt;
  if (!lapse) throw new Error('seed: a mediating complaint has no deadline');
  const afterLapse = at(lapse.getTime() - start + HOUR);
  await c.complaints.sweeper.sweep(afterLapse);
  at(lapse.getTime() - start + 2 * DAY);
  for (const x of [accepted, refused, terminated]) await c.complaints.steps.escalate(x.buyer, x.id, '平台调解未成，向市场监管部门投诉。');
  await c.complaints.steps.regulatorDecide(regulator, accepted.id, 'accept', '投诉涉及个人信息保护，符合受理条件，予以受理。');
  await c.complaints.steps.regulatorDecide(regulator, refused.id, 'refuse', '该投诉已由平台调解处理，且消费者已另行提起诉讼，不予受理。');
  await c.complaints.steps.regulatorDecide(regulator, terminated.id, 'accept', '投诉事项属实需进一步调解，符合受理条件，予以受理。');
  at(lapse.getTime() - start + 6 * DAY);
  await c.complaints.steps.regulatorClose(regulator, terminated.id, '经组织双方调解，商家坚持不同意退货，双方未能达成调解协议，终止调解。');

  // 2. mediation decides: 退一赔三 upheld for the demo consumer, a dismissal for another
  at(travel ? -20 * DAY : 0);
  const upheld = await file(me, 'fraud');
  const dismissed = await file(b4, 'refund');
  for (const x of [upheld, dismissed]) await toMediation(x);
  at(travel ? -18 * DAY : 0);
  await c.complaints.steps.decide(mediator, upheld.id, {
    remedy: 'fraud_compensation',
    note: '品牌方鉴定报告证实为仿冒品，商家构成欺诈，依消费者权益保护法第五十五条退一赔三。',
  });
  await c.complaints.steps.dismiss(mediator, dismissed.id, '物流记录显示退货尚未签收，退款条件未成就，驳回投诉。');

  // 3. settled at the merchant's own customer service: the claim accepted; an offer accepted; one withdrawn
  at(travel ? -10 * DAY : 0);
  const settled = await file(b5, 'quality');
  await c.complaints.steps.answer(m0, settled.id, { answer: 'accept', note: '同意全额退款，给您带来不便深表歉意。' });
  // the refund went back through the order's payment: the provider confirms it, the order shows it refunded
  await deliverRefundsSucceeded(c, settled.orderId);
  const offered = await file(me, 'quality');
  await c.complaints.steps.answer(m0, offered.id, {
    answer: 'counter',
    offer: { kind: 'compensation', amountFen: Math.max(1, Math.round(offered.amountFen / 2)) },
    note: '商品可正常使用，愿意补偿一半货款。',
  });
  await c.complaints.steps.acceptOffer(me, offered.id, '接受补偿方案。');
  const withdrawn = await file(b1, 'described');
  await c.complaints.steps.withdraw(b1, withdrawn.id, '商家已联系换货，撤回投诉。');

  // 4. the merchant silent past 48 hours: the sweep sends it to mediation, where it waits for the mediator
  at(travel ? -3 * DAY : 0);
  const silent = await file(b2, 'advertising', '13912348888');
  const answerBy = (await c.uow.read.complaints.findComplaint(silent.id))?.dueAt;
  if (!answerBy) throw new Error('seed: a new complaint has no deadline');
  await c.complaints.sweeper.sweep(new Date(answerBy.getTime() + 1));

  // 5. still open with the parties: the regulator's acceptance, a negotiation, and a merchant's 48 hours running
  at(travel ? -DAY : 0);
  await c.complaints.steps.escalate(escalated.buyer, escalated.id, '平台调解未成，向市场监管部门投诉。');
  at(0);
  const negotiating = await file(b3, 'described');
  await c.complaints.steps.answer(m0, negotiating.id, {
    answer: 'counter',
    offer: { kind: 'refund', amountFen: Math.max(1, Math.round(negotiating.amountFen / 2)) },
    note: '可以退还部分货款，商品无需寄回。',
  });
  await file(b4, 'quality', '13700001111');
  travel?.reset();
  return 13;
}
