/**
 * The demo district's registry, built through the real services and the approval engine (never SQL): merchants
 * admitted, streamers certified (two digital humans with responsible operators), bases certified along the full
 * path, and applications left in every state so each queue and timeline has something to show.
 */
import { type Actor, cliActor, idNumberCheckChar } from '@livehub/core';
import type { Container } from '../container.ts';
import type { DemoBase, DemoMerchant, DemoStreamer } from './demo-data.ts';
import { syntheticMerchant } from './synthetic-data.ts';

export interface RegistrySeed {
  platformId: string;
  regulatorId: string;
  swcUserId: string;
  scjgjUserId: string;
  zscqjUserId: string;
  reviewerId: string;
  consumerId: string;
  providerUserId: string;
  /** the third-party evaluator (第三方评估机构) of project funding and its demo evaluator */
  evaluatorOrgId?: string;
  evaluatorUserId?: string;
  bases: Array<{ orgId: string; operatorUserId: string; info: DemoBase }>;
  mcns: Array<{ orgId: string; managerUserId: string }>;
  streamers: Array<{ userId: string; mcnOrgId: string; info: DemoStreamer }>;
  merchants: Array<{ orgId: string; staffUserId: string; info: DemoMerchant }>;
}

/** A minimal, valid PDF and PNG: the demo's scanned licences. */
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'),
);

/** A valid ID number for the i-th demo person (Shanghai 嘉定 area code), born in 1988–2001. */
function demoIdNumber(i: number): string {
  const year = 1988 + (i % 14);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
  const body = `310114${year}${month}${day}${String(100 + i).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** A valid unified social credit code is already in the demo data; phones are obviously fake. */
const demoPhone = (i: number) => `139${String(10_000_000 + i * 1_234).padStart(8, '0')}`;

const MERCHANT_CATEGORY: Record<string, string> = {
  服饰: 'apparel',
  美妆: 'cosmetics',
  食品: 'food',
  农产品: 'agri',
  家居: 'home',
  数码: 'electronics',
  母婴: 'baby',
  非遗手工艺: 'handicraft',
};

const TOPIC_CODES: Record<string, string> = {
  服饰: 'fashion',
  穿搭: 'fashion',
  美妆: 'beauty',
  护肤: 'beauty',
  食品: 'food',
  美食: 'food',
  农产品: 'agri',
  助农: 'agri',
  家居: 'home',
  数码: 'electronics',
  非遗: 'culture',
  文化: 'culture',
  母婴: 'home',
};

/** Someone the seed acts as (from the CLI, without a membership), in `role` for `orgId`. */
export function person(userId: string, role: Actor['role'], orgId: string | null): Actor {
  return { userId, label: `seed:${role}`, orgId, membershipId: null, role, via: 'cli' };
}

/** Someone the seed acts as from the CLI, labelled `label` in the audit log. */
export function seedActor(userId: string, orgId: string | null, role: Actor['role'], label: string): Actor {
  return { ...cliActor('seed'), userId, orgId, role, label };
}

/** A regulator's officer the seed acts as, with the officer's membership of `regulatorId`. */
export async function officerActor(c: Container, userId: string, regulatorId: string, label: string): Promise<Actor> {
  const membership = (await c.uow.read.memberships.listForUser(userId)).find((m) => m.orgId === regulatorId);
  return { ...seedActor(userId, regulatorId, 'regulator', label), membershipId: membership?.id ?? null };
}

/** A base's operator the seed acts as. */
export function baseOperatorActor(base: { operatorUserId: string; orgId: string }): Actor {
  return seedActor(base.operatorUserId, base.orgId, 'base_operator', 'seed:base');
}

export async function seedRegistry(c: Container, s: RegistrySeed): Promise<void> {
  const reviewer = person(s.reviewerId, 'reviewer', s.platformId);
  const swc = person(s.swcUserId, 'regulator', s.regulatorId);
  const scjgj = person(s.scjgjUserId, 'regulator', s.regulatorId);
  const zscqj = person(s.zscqjUserId, 'regulator', s.regulatorId);
  const now = c.clock.now();

  // Merchants: all admitted but the last two — one waiting for review, one returned for correction. The first food
  // merchant's licence runs out in 20 days (the sweep warns it; its staff's inbox has the reminder), the others' in 400.
  const sellsFood = (category: string) => category.includes('食品') || category.includes('农产品');
  const expiresSoon = s.merchants.findIndex((m) => sellsFood(m.info.category));
  for (const [i, m] of s.merchants.entries()) {
    const staff = person(m.staffUserId, 'merchant_staff', m.orgId);
    const licence = await c.registry.upload(staff, { bytes: PDF, filename: '营业执照.pdf', docType: 'business_licence' });
    const qualification = sellsFood(m.info.category)
      ? await c.registry.upload(staff, { bytes: PDF, filename: '食品经营许可证.pdf', docType: 'food_licence' })
      : null;
    const filing = m.info.category.includes('美妆')
      ? await c.registry.upload(staff, { bytes: PDF, filename: '化妆品备案凭证.pdf', docType: 'cosmetics_filing' })
      : null;
    const { application } = await c.registry.registerMerchant(staff, {
      name: m.info.name,
      creditCode: m.info.creditCode,
      legalRepresentative: `${m.info.name.slice(2, 3)}先生`,
      contactPhone: demoPhone(i),
      address: `上海市${m.info.district}示范路${100 + i}号`,
      district: m.info.district,
      categories: [MERCHANT_CATEGORY[m.info.category] ?? 'other'],
      depositFen: 1_000_000,
      documents: [
        { id: licence.id, docType: 'business_licence' },
        ...(qualification ? [{ id: qualification.id, docType: 'food_licence' }] : []),
        ...(filing ? [{ id: filing.id, docType: 'cosmetics_filing' }] : []),
      ],
      ...(qualification
        ? {
            qualifications: [
              {
                type: 'food_licence',
                number: `JY1310114${String(i).padStart(6, '0')}`,
                documentId: qualification.id,
                expiresAt: new Date(now.getTime() + (i === expiresSoon ? 20 : 400) * 86_400_000).toISOString().slice(0, 10),
              },
            ],
          }
        : {}),
    });
    if (i < s.merchants.length - 2) await c.workflows.act(reviewer, application.id, { action: 'approve' });
    if (i === s.merchants.length - 3)
      await c.workflows.act(reviewer, application.id, { action: 'revoke', reason: '多次虚假宣传被消费者投诉，清退' });
    else if (i === s.merchants.length - 1)
      await c.workflows.act(reviewer, application.id, { action: 'return', reason: '营业执照扫描件不清晰，请重新上传' });
  }

  // Streamers: certified, except one pending review and one rejected; the digital humans name their operators.
  for (const [i, st] of s.streamers.entries()) {
    const me = person(st.userId, 'streamer', st.mcnOrgId);
    const idCard = await c.registry.upload(me, { bytes: PNG, filename: '身份证.png', docType: 'id_card' });
    const docs = [{ id: idCard.id, docType: 'id_card' }];
    const operator = s.mcns.find((x) => x.orgId === st.mcnOrgId)?.managerUserId;
    let virtual: { operatorUserId: string; label: string; likenessConsentDocId: string } | undefined;
    if (st.info.virtual && operator) {
      const consent = await c.registry.upload(me, { bytes: PDF, filename: '肖像授权书.pdf', docType: 'likeness_consent' });
      docs.push({ id: consent.id, docType: 'likeness_consent' });
      virtual = { operatorUserId: operator, label: '数字人主播 · AI生成', likenessConsentDocId: consent.id };
    }
    const topics = [...new Set(st.info.topics.map((t) => TOPIC_CODES[t] ?? 'culture'))].slice(0, 3);
    const { application } = await c.registry.registerStreamer(me, {
      realName: st.info.realName,
      idNumber: demoIdNumber(i),
      mcnOrgId: st.mcnOrgId,
      topics,
      marketerLevel: i % 3 === 0 ? '四级' : '五级',
      ...(virtual ? { virtual } : {}),
      documents: docs,
    });
    if (i === s.streamers.length - 1) continue; // waiting for review
    if (i === s.streamers.length - 3) {
      await c.workflows.act(me, application.id, { action: 'withdraw' });
      continue;
    }
    if (i === s.streamers.length - 2)
      await c.workflows.act(reviewer, application.id, { action: 'reject', reason: '直播间背景含未授权商标，整改后可重新申请' });
    else await c.workflows.act(reviewer, application.id, { action: 'approve' });
  }

  // Bases: the first two certified along the full path; the third in the middle of joint review.
  for (const [i, b] of s.bases.entries()) {
    const op = person(b.operatorUserId, 'base_operator', b.orgId);
    const materials = await c.registry.upload(op, { bytes: PDF, filename: '基地申报材料.pdf', docType: 'base_materials' });
    const { application } = await c.registry.registerBase(op, {
      name: b.info.name,
      address: b.info.address,
      district: b.info.district,
      areaM2: b.info.areaM2,
      operatorName: `${b.info.name.slice(0, 4)}运营管理有限公司`,
      focus: b.info.focus,
      documents: [{ id: materials.id, docType: 'base_materials' }],
    });
    await c.workflows.act(swc, application.id, { action: 'approve', department: 'swc' });
    await c.workflows.act(swc, application.id, { action: 'approve', department: 'swc' });
    await c.workflows.act(scjgj, application.id, { action: 'approve', department: 'scjgj', reason: '无不良记录' });
    if (i === 2) continue; // 知识产权局 has not voted yet
    await c.workflows.act(zscqj, application.id, { action: 'approve', department: 'zscqj' });
    // the second base stays on public notice: a resident's objection is waiting for a ruling
    if (i === 1)
      await c.workflows.fileObjection(person(s.consumerId, 'consumer', null), application.id, '基地周边夜间直播噪音扰民，请核实整改情况');
  }
  // The notice periods of the certified ones run out (as the server's periodic tick would, five days on).
  await c.workflows.tick(new Date(now.getTime() + 6 * 86_400_000));

  // MCN agencies' registrations, training records of their streamers, and a supply-chain service provider.
  const hostBase = s.bases[0]?.orgId;
  for (const [i, m] of s.mcns.entries()) {
    const manager = person(m.managerUserId, 'mcn_manager', m.orgId);
    const name = (await c.uow.read.orgs.findById(m.orgId))?.name ?? `MCN ${i}`;
    await c.registry.registerMcn(manager, {
      name,
      creditCode: syntheticMerchant(50_000 + i).creditCode,
      legalRepresentative: '张经理',
      contactPhone: demoPhone(100 + i),
    });
    for (const st of s.streamers.filter((x) => x.mcnOrgId === m.orgId).slice(0, 3)) {
      await c.registry.recordTraining(manager, {
        userId: st.userId,
        course: '直播营销合规与广告法实务',
        hours: 16,
        completedAt: new Date(now.getTime() - 30 * 86_400_000),
      });
    }
  }
  await c.registry.registerProvider(person(s.providerUserId, 'consumer', null), {
    name: '上海云链供应链管理有限公司',
    creditCode: syntheticMerchant(60_000).creditCode,
    services: ['supply_chain', 'data'],
    contactPhone: demoPhone(200),
    ...(hostBase ? { hostBaseOrgId: hostBase } : {}),
  });
}
