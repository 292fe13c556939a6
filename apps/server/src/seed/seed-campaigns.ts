/**
 * 活动与节庆 of the demo (docs/programmes.md): 网上年货节, organised by the 商务委 (seeds 001, 002), running since
 * yesterday with enrolment open; the demo merchant's first product that meets its rules (the 7-day lowest price, the
 * card label 年货节) and a session the demo streamer schedules for it are enrolled and approved — all through the
 * services, so the automatic review applies.
 */
import { AppError } from '@livehub/core';
import type { Container } from '../container.ts';
import { type RegistrySeed, seedActor } from './seed-registry.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedCampaigns(c: Container, reg: RegistrySeed): Promise<{ campaigns: number; enrolments: number }> {
  const streamer = reg.streamers[0];
  const merchant = reg.merchants[0];
  if (!streamer || !merchant || !reg.swcUserId) return { campaigns: 0, enrolments: 0 };
  const swc = seedActor(reg.swcUserId, reg.regulatorId, 'regulator', 'swc');
  const staff = seedActor(merchant.staffUserId, merchant.orgId, 'merchant_staff', 'merchant');
  const host = seedActor(streamer.userId, streamer.mcnOrgId, 'streamer', 'streamer');
  const now = c.clock.now();
  const admin = c.campaigns.admin;

  const campaign = await admin.create(swc, {
    name: '2027 网上年货节',
    theme: '年货好物 直播到家：老字号、非遗与地产农产品直播专场',
    startsAt: new Date(now.getTime() - DAY),
    endsAt: new Date(now.getTime() + 20 * DAY),
    enrolDeadline: new Date(now.getTime() + 10 * DAY),
    categoryIds: [],
    districts: [],
    rules: { priceCap: { kind: 'lowest_7d' }, requiredLabel: '年货节', minCreditTier: null, requireCertified: true },
  });
  await admin.publish(swc, campaign.id);
  await admin.sweep(now); // started yesterday: running from now on

  let enrolments = 0;
  const products = await c.uow.read.catalog.listProducts({ merchantOrgId: merchant.orgId, status: ['approved'], limit: 50 });
  for (const p of products) {
    try {
      const e = await admin.enrolProduct(staff, campaign.id, { productId: p.id, cardLabel: '年货节' });
      await admin.decide(swc, e.id, { approve: true, reason: '价格、标签与资质均符合活动规则' });
      enrolments++;
      break;
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // this product does not meet the rules: try the next
    }
  }
  const scheduled = await c.live.schedule(host, {
    title: '年货节 · 老字号年货直播专场',
    scheduledAt: new Date(now.getTime() + 2 * DAY).toISOString(),
    productIds: [],
    coHostUserIds: [],
  });
  const s = await admin.enrolSession(host, campaign.id, { sessionId: scheduled.session.id });
  await admin.decide(swc, s.id, { approve: true, reason: '场次在活动期间内，主播已认证' });
  enrolments++;
  return { campaigns: 1, enrolments };
}
