/**
 * The demo district's credit (信用): parties in every tier, each for reasons that came through the real paths —
 * violations a reviewer confirmed in the review queue (the outbox feed turns them into credit events) and
 * administrative penalties (行政处罚) the platform admin recorded (`CreditService.record`). Most parties have
 * nothing against them and stay in A; the named demo accounts stay usable (the demo streamer is never put in D).
 *
 * With the default model (docs/credit.md) the outcome does not depend on the rule pack's severities:
 * - a streamer (蜀绣阿妹) with three grave penalties: compliance ≤ 28, total 60–71.2 → C;
 * - a streamer (巴适哥吃遍成都) with two penalties and a confirmed violation: compliance ≤ 60, total 76–84 → B;
 * - the merchant those violations name, with two penalties: compliance ≤ 52, total 88 at most → B;
 * - an MCN (the last one) with three grave penalties: compliance 28, total 56.8 → D (its payouts are held).
 */
import { type Actor, cliActor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { RegistrySeed } from './seed-registry.ts';

const DAY = 86_400_000;

/** What the two streamers said in their sessions (hits of the default rule pack: a medical claim, absolute terms). */
const SAID = [
  { text: '这款燕窝饮能治失眠，坚持喝一个月保证见效', category: 'food' as const },
  { text: '全网最低价，国家级大师手作，第一品牌', category: 'apparel' as const },
];

export async function seedCredit(c: Container, reg: RegistrySeed, adminUserId: string): Promise<{ penalties: number }> {
  const now = c.clock.now().getTime();
  const admin: Actor = { ...cliActor('seed'), userId: adminUserId, label: 'admin', role: 'platform_admin', orgId: reg.platformId };
  const reviewer: Actor = { ...cliActor('seed'), userId: reg.reviewerId, label: 'reviewer', role: 'reviewer', orgId: reg.platformId };
  const source: Actor = { ...cliActor('seed'), orgId: reg.platformId };
  const streamerC = reg.streamers.at(-1);
  const streamerB = reg.streamers.at(-2);
  const merchantB = reg.merchants.at(-1);
  const mcnD = reg.mcns.at(-1);
  if (!streamerC || !streamerB || !merchantB || !mcnD || reg.streamers.length < 3 || reg.mcns.length < 2) return { penalties: 0 };

  // The review queue: each claim screened in the streamer's session, then confirmed by the reviewer (the B streamer
  // said the first one only).
  const said = [
    { who: streamerB, i: 0, k: 0 },
    { who: streamerC, i: 1, k: 0 },
    { who: streamerC, i: 1, k: 1 },
  ];
  for (const { who, i, k } of said) {
    const line = SAID[k]!;
    const r = await c.compliance.ingest(source, {
      eventId: `demo-credit-${i}-${k}`,
      kind: 'transcript',
      text: line.text,
      sessionRef: `demo-credit-${i}`,
      streamerUserId: who.userId,
      senderUserId: who.userId,
      merchantOrgId: merchantB.orgId,
      productCategory: line.category,
      occurredAt: new Date(now - (20 - i * 5 - k) * DAY),
    });
    if (r.reviewItemId)
      await c.compliance.decide(reviewer, r.reviewItemId, {
        decision: 'confirm',
        reason: '虚假宣传：夸大功效、使用绝对化用语，违反广告法',
      });
  }

  // Administrative penalties (行政处罚) the platform recorded from the market regulator's decisions.
  const penalties: Array<{ partyId: string; severity: number; daysAgo: number; note: string }> = [
    { partyId: streamerC.userId, severity: 3, daysAgo: 40, note: '直播中虚假宣传，市场监管局罚款' },
    { partyId: streamerC.userId, severity: 3, daysAgo: 25, note: '销售无中文标签进口食品' },
    { partyId: streamerC.userId, severity: 3, daysAgo: 9, note: '拒不整改，再次虚假宣传' },
    { partyId: streamerB.userId, severity: 3, daysAgo: 30, note: '未如实标注广告' },
    { partyId: streamerB.userId, severity: 2, daysAgo: 12, note: '未按规定公示营业执照' },
    { partyId: merchantB.orgId, severity: 3, daysAgo: 35, note: '产品质量抽检不合格' },
    { partyId: merchantB.orgId, severity: 3, daysAgo: 14, note: '虚构原价、价格欺诈' },
    { partyId: mcnD.orgId, severity: 3, daysAgo: 60, note: '组织主播虚假宣传' },
    { partyId: mcnD.orgId, severity: 3, daysAgo: 33, note: '未履行主播资质审核义务' },
    { partyId: mcnD.orgId, severity: 3, daysAgo: 7, note: '逃避监管、拒不配合调查' },
  ];
  for (const p of penalties)
    await c.credit.record(admin, {
      partyId: p.partyId,
      kind: 'case.penalty',
      data: { severity: p.severity },
      at: new Date(now - p.daysAgo * DAY),
      note: p.note,
    });

  // The confirmed violations (and every other fact of the seed) reach the credit context through the outbox feed.
  while ((await c.outbox.dispatch()).pending);
  return { penalties: penalties.length };
}
