/**
 * The demo district's reports (举报, docs/reports.md), filed and handled through the services: an anonymous report on a
 * live room just received; the demo consumer's reports — one on a product under review, one substantiated, one on a
 * live room found unsubstantiated — and one on a merchant referred to the regulator as a clue. The live room's and
 * products' reports stand in the compliance review queue too.
 */
import { type Actor, cliActor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { RegistrySeed } from './seed-registry.ts';

export async function seedReports(c: Container, reg: RegistrySeed): Promise<{ reports: number }> {
  const merchant = reg.merchants[0];
  const streamer = reg.streamers[0];
  if (!merchant || !streamer || !reg.consumerId) return { reports: 0 };
  const [product, other] = await c.uow.read.catalog.listProducts({ merchantOrgId: merchant.orgId, limit: 2 });
  const [session] = await c.uow.read.live.listSessions({ streamerUserId: streamer.userId, limit: 1 });
  if (!product || !session) return { reports: 0 };
  const consumer: Actor = { ...cliActor('seed'), userId: reg.consumerId, label: 'consumer', role: 'consumer', via: 'cli' };
  const reviewer: Actor = { ...cliActor('seed'), userId: reg.reviewerId, label: 'reviewer', role: 'reviewer', orgId: reg.platformId };
  const client = 'seed';

  await c.reports.filing.file(
    null,
    {
      targetKind: 'live_session',
      targetId: session.id,
      category: 'false_advertising',
      description: '主播在直播中反复说“吃了就能降血糖”，普通食品不能这样宣传',
      evidenceDocumentIds: [],
    },
    client,
  );
  const underReview = await c.reports.filing.file(
    consumer,
    {
      targetKind: 'product',
      targetId: product.id,
      category: 'prohibited_goods',
      description: '商品详情里出现了处方药的功效说明，怀疑夹带销售',
      evidenceDocumentIds: [],
      contactPhone: '13800001234',
    },
    client,
  );
  await c.reports.handling.handle(reviewer, underReview.id, { action: 'review' });
  const substantiated = await c.reports.filing.file(
    consumer,
    {
      targetKind: 'product',
      targetId: (other ?? product).id,
      category: 'fraud',
      description: '划线价从没卖过，所谓“原价”是虚构的，诱导下单',
      evidenceDocumentIds: [],
    },
    client,
  );
  await c.reports.handling.handle(reviewer, substantiated.id, {
    action: 'substantiate',
    reason: '核实划线价无真实成交记录，已责令商家整改',
  });
  const unsubstantiated = await c.reports.filing.file(
    consumer,
    {
      targetKind: 'live_session',
      targetId: session.id,
      category: 'vulgar',
      description: '直播间背景里有不雅图片',
      evidenceDocumentIds: [],
    },
    client,
  );
  await c.reports.handling.handle(reviewer, unsubstantiated.id, { action: 'unsubstantiate', reason: '调阅回放未发现所述画面' });
  const referred = await c.reports.filing.file(
    consumer,
    {
      targetKind: 'organization',
      targetId: merchant.orgId,
      category: 'fraud',
      description: '商家以“内部渠道”名义私下收款后不发货，涉嫌诈骗',
      evidenceDocumentIds: [],
    },
    client,
  );
  await c.reports.handling.handle(reviewer, referred.id, { action: 'refer', reason: '涉嫌合同诈骗，已移交市场监管部门作为线索' });
  return { reports: 5 };
}
