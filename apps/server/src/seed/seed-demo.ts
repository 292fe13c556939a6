/**
 * Demo data: a district with its regulator, live bases, MCNs, streamers, merchants and one account per role, so
 * the platform feels alive on first start. Goes through the import service (bulk, transactional, audited) —
 * never SQL. `scale` multiplies every population; the named demo accounts exist at every scale.
 */
import type { Role } from '@livehub/contracts';
import type { ProductCategory } from '@livehub/compliance';
import { type Actor, cliActor, type ImportBatch, type ImportMembership, type ImportOrg, type ImportUser } from '@livehub/core';
import type { Container } from '../container.ts';
import { DEMO_BASES, DEMO_EVALUATOR, DEMO_MCNS, DEMO_MERCHANTS, DEMO_PLATFORM, DEMO_REGULATOR, DEMO_STREAMERS } from './demo-data.ts';
import { syntheticMcn, syntheticMerchant, syntheticStreamer } from './synthetic-data.ts';
import { seedAudience } from './seed-audience.ts';
import { seedCatalog } from './seed-catalog.ts';
import { readStockingNotices } from './seed-stock.ts';
import { seedCompensation } from './seed-compensation.ts';
import { seedCredit } from './seed-credit.ts';
import { seedComplaints } from './seed-complaints.ts';
import { seedProgrammes } from './seed-programmes.ts';
import { seedSupply } from './seed-supply.ts';
import { seedCampaigns } from './seed-campaigns.ts';
import { seedPolicies } from './seed-policies.ts';
import { seedFunding } from './seed-funding.ts';
import { seedReports } from './seed-reports.ts';
import { type DistrictHistoryCounts, seedDistrictHistory } from './seed-district-history.ts';
import type { TimeTravel } from './seed-history.ts';
import { person, type RegistrySeed, seedRegistry } from './seed-registry.ts';

export const DEMO_PASSWORD = 'livehub-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  org: string | null;
}

export interface SeedResult {
  accounts: DemoAccount[];
  counts: { orgs: number; users: number; memberships: number };
  /** what the district's history (`historyDays`) generated, when it was asked for */
  history: DistrictHistoryCounts | null;
  ms: number;
}

export type SeedProgress = (done: number, total: number, stage: string) => void;

const CONSUMERS_PER_SCALE = 200;

/** What a streamer says and viewers type during the demo streamer's earlier live session (秋冬新品专场). */
const DEMO_LIVE_EVENTS: Array<{
  kind: 'transcript' | 'chat' | 'overlay' | 'product_copy';
  text: string;
  category?: ProductCategory;
}> = [
  { kind: 'transcript', text: '家人们晚上好，欢迎来到直播间，今天给大家带来几款秋冬新品' },
  { kind: 'transcript', text: '这款羊毛大衣含羊毛百分之九十，烟灰色和象牙白两个颜色', category: 'apparel' },
  { kind: 'chat', text: '主播身高多少？' },
  { kind: 'transcript', text: '这个苦瓜代餐粉能降血糖，喝一个月保证见效', category: 'food' },
  { kind: 'chat', text: '想要的加我薇信 lily8888 私下给你便宜' },
  { kind: 'transcript', text: '今天这个价格是全网最低价，错过再等一年', category: 'apparel' },
  { kind: 'overlay', text: '五星好评晒图返现10元' },
  { kind: 'transcript', text: '最后一个问题，尺码偏大一码，建议拍小一码', category: 'apparel' },
  { kind: 'chat', text: '已下单，期待' },
  { kind: 'transcript', text: '这款面霜是国家级实验室研发的，第一品牌', category: 'cosmetics' },
];
const BATCH = 2000;

/** A deterministic, plausible mainland mobile number for the i-th demo person. */
const demoPhone = (i: number) => `13${(8 + (i % 2)).toString()}${String(10_000_000 + ((i * 7_919) % 89_999_999)).padStart(8, '0')}`;

export async function seedDemo(
  c: Container,
  opts: {
    scale?: number;
    onProgress?: SeedProgress;
    /**
     * The platform's clock, movable: with it the demo streamer's past sessions are seeded and their orders completed,
     * split and released through the real flows (seed-history.ts). The CLI passes it; tests seed without.
     */
    history?: TimeTravel;
    /**
     * With `history`: this many days (1–90) of the district's life before today — sessions, orders, refunds,
     * complaints, screening, a planted fake-order ring — told through the services (seed-district-history.ts).
     */
    historyDays?: number;
  } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const scale = Math.max(1, Math.floor(opts.scale ?? 1));
  if ((await c.uow.read.users.count()) > 0) {
    throw new Error('the database already has users: demo data goes into an empty database (use a fresh LIVEHUB_DATA_DIR)');
  }
  const actor: Actor = cliActor('seed');
  const passwordHash = await c.hasher.hash(DEMO_PASSWORD);
  const ids = () => c.ids.next();
  let phoneSeq = 0;

  const orgs: ImportOrg[] = [];
  const users: ImportUser[] = [];
  const memberships: ImportMembership[] = [];
  const accounts: DemoAccount[] = [];

  const addUser = (username: string, displayName: string, withPhone = true): string => {
    const id = ids();
    users.push({ id, username, displayName, passwordHash, phone: withPhone ? demoPhone(phoneSeq++) : null });
    return id;
  };
  const addOrg = (o: Omit<ImportOrg, 'id'>): string => {
    const id = ids();
    orgs.push({ ...o, id });
    return id;
  };
  const demo = (
    username: string,
    displayName: string,
    role: Role,
    orgId: string | null,
    orgName: string | null,
    departmentCode?: string,
  ) => {
    const userId = addUser(username, displayName);
    if (orgId) memberships.push({ userId, orgId, role, ...(departmentCode ? { departmentCode } : {}) });
    accounts.push({ username, role, displayName, org: orgName });
    return userId;
  };

  // The platform and the regulator.
  const platformId = addOrg({ kind: 'platform', name: DEMO_PLATFORM.name, district: null });
  demo('admin', '平台管理员 王立新', 'platform_admin', platformId, DEMO_PLATFORM.name);
  demo('reviewer', '内容审核员 陈思雨', 'reviewer', platformId, DEMO_PLATFORM.name);
  const regulatorId = addOrg({
    kind: 'regulator',
    name: DEMO_REGULATOR.name,
    district: DEMO_REGULATOR.district,
    departments: DEMO_REGULATOR.departments,
  });
  demo('regulator', '市场监管局 周明', 'regulator', regulatorId, DEMO_REGULATOR.name, 'scjgj');
  const swcUserId = demo('reg_swc', '商务委 李明', 'regulator', regulatorId, DEMO_REGULATOR.name, 'swc');
  const zscqjUserId = demo('reg_ipo', '知识产权局 孙海', 'regulator', regulatorId, DEMO_REGULATOR.name, 'zscqj');
  const scjgjUserId = users.find((u) => u.username === 'regulator')?.id ?? '';
  const reg: RegistrySeed = {
    platformId,
    regulatorId,
    swcUserId,
    scjgjUserId,
    zscqjUserId,
    reviewerId: users.find((u) => u.username === 'reviewer')?.id ?? '',
    providerUserId: '',
    consumerId: '',
    bases: [],
    mcns: [],
    streamers: [],
    merchants: [],
  };

  // Live bases: the named three, then numbered phases of them at larger scales.
  const baseIds: string[] = [];
  for (let i = 0; i < DEMO_BASES.length * scale; i++) {
    const b = DEMO_BASES[i % DEMO_BASES.length];
    if (!b) continue;
    const round = Math.floor(i / DEMO_BASES.length);
    const name = round === 0 ? b.name : `${b.name}（${round + 1}期）`;
    const id = addOrg({ kind: 'live_base', name, district: b.district, parentId: null });
    baseIds.push(id);
    let operatorId: string;
    if (i === 0) operatorId = demo('base', `${b.name} 运营负责人 李静`, 'base_operator', id, name);
    else {
      operatorId = addUser(`base_${String(i).padStart(4, '0')}`, `${name} 运营`);
      memberships.push({ userId: operatorId, orgId: id, role: 'base_operator' });
    }
    if (i < DEMO_BASES.length) reg.bases.push({ orgId: id, operatorUserId: operatorId, info: b });
  }

  // MCN agencies, hosted by bases.
  const mcnIds: string[] = [];
  for (let i = 0; i < DEMO_MCNS.length * scale; i++) {
    const m = i < DEMO_MCNS.length ? DEMO_MCNS[i] : syntheticMcn(i - DEMO_MCNS.length, baseIds.length);
    if (!m) continue;
    const id = addOrg({ kind: 'mcn', name: m.name, district: m.district, parentId: baseIds[m.baseIndex % baseIds.length] ?? null });
    mcnIds.push(id);
    let managerId: string;
    if (i === 0) managerId = demo('mcn', `${m.name} 经纪人 赵晓东`, 'mcn_manager', id, m.name);
    else {
      managerId = addUser(`mcn_${String(i).padStart(4, '0')}`, `${m.name} 经纪人`);
      memberships.push({ userId: managerId, orgId: id, role: 'mcn_manager' });
    }
    if (i < DEMO_MCNS.length) reg.mcns.push({ orgId: id, managerUserId: managerId });
  }

  // Streamers, each signed to an MCN.
  for (let i = 0; i < DEMO_STREAMERS.length * scale; i++) {
    const s = i < DEMO_STREAMERS.length ? DEMO_STREAMERS[i] : syntheticStreamer(i - DEMO_STREAMERS.length, mcnIds.length);
    if (!s) continue;
    const orgId = mcnIds[s.mcnIndex % mcnIds.length];
    if (!orgId) continue;
    let userId: string;
    if (i === 0) userId = demo('streamer', s.displayName, 'streamer', orgId, null);
    else {
      userId = addUser(`streamer_${String(i).padStart(4, '0')}`, s.displayName);
      memberships.push({ userId, orgId, role: 'streamer' });
    }
    if (i < DEMO_STREAMERS.length) reg.streamers.push({ userId, mcnOrgId: orgId, info: s });
  }

  // Merchants, brands and factories.
  for (let i = 0; i < DEMO_MERCHANTS.length * scale; i++) {
    const m = i < DEMO_MERCHANTS.length ? DEMO_MERCHANTS[i] : syntheticMerchant(i - DEMO_MERCHANTS.length);
    if (!m) continue;
    const id = addOrg({ kind: 'merchant', name: m.name, district: m.district });
    let staffId: string;
    if (i === 0) staffId = demo('merchant', `${m.name} 店长 孙悦`, 'merchant_staff', id, m.name);
    else {
      staffId = addUser(`merchant_${String(i).padStart(4, '0')}`, `${m.name} 店员`);
      memberships.push({ userId: staffId, orgId: id, role: 'merchant_staff' });
    }
    if (i < DEMO_MERCHANTS.length) reg.merchants.push({ orgId: id, staffUserId: staffId, info: m });
  }

  // Consumers: users without an organization. The demo service provider's staff member starts as one and registers
  // the provider through the registry below.
  demo('consumer', '消费者 小林', 'consumer', null, null);
  reg.providerUserId = addUser('provider', '云链供应链服务 周航');
  accounts.push({ username: 'provider', role: 'provider_staff', displayName: '云链供应链服务 周航', org: '上海云链供应链管理有限公司' });
  // 第三方评估机构: evaluates the funded projects the 商务委 assigns to it (seed 004 § 四(四); seed-funding.ts)
  reg.evaluatorOrgId = addOrg({ kind: 'service_provider', name: DEMO_EVALUATOR.org, district: DEMO_EVALUATOR.district });
  reg.evaluatorUserId = demo('evaluator', DEMO_EVALUATOR.displayName, 'evaluator', reg.evaluatorOrgId, DEMO_EVALUATOR.org);
  for (let i = 1; i < CONSUMERS_PER_SCALE * scale; i++)
    addUser(`consumer_${String(i).padStart(5, '0')}`, `用户${String(i).padStart(5, '0')}`, i % 3 === 0);

  // Fix up account org names for the demo streamer (its MCN is known only now).
  const streamerAccount = accounts.find((a) => a.username === 'streamer');
  if (streamerAccount) streamerAccount.org = DEMO_MCNS[DEMO_STREAMERS[0]?.mcnIndex ?? 0]?.name ?? null;

  // Write in batches: organizations first (memberships reference them), then users with their memberships.
  const total = orgs.length + users.length;
  let done = 0;
  opts.onProgress?.(0, total, 'organizations');
  for (let i = 0; i < orgs.length; i += BATCH) {
    const part = orgs.slice(i, i + BATCH);
    await c.imports.importBatch(actor, { orgs: part }, `demo:orgs:${i / BATCH}`);
    done += part.length;
    opts.onProgress?.(done, total, 'organizations');
  }
  const byUser = new Map<string, ImportMembership[]>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  for (let i = 0; i < users.length; i += BATCH) {
    const part = users.slice(i, i + BATCH);
    const batch: ImportBatch = { users: part, memberships: part.flatMap((u) => byUser.get(u.id ?? '') ?? []) };
    await c.imports.importBatch(actor, batch, `demo:users:${i / BATCH}`);
    done += part.length;
    opts.onProgress?.(done, total, 'users');
  }
  reg.consumerId = users.find((u) => u.username === 'consumer')?.id ?? '';
  // Registrations and applications in every state: admitted merchants, certified streamers, certified bases, one
  // base in the middle of joint review, one on public notice, and pending, returned, rejected and withdrawn ones.
  opts.onProgress?.(done, total, 'registry');
  await seedRegistry(c, reg);

  // The catalog and the selection center: reviewed products, plans, samples and agreements.
  opts.onProgress?.(done, total, 'catalog');
  const { stocking } = await seedCatalog(c, reg, opts.history, opts.history ? (opts.historyDays ?? 0) : 0);

  // A live session's worth of screened speech and chat, so the review queue has work on first start.
  opts.onProgress?.(done, total, 'compliance events');
  const streamerId = users.find((u) => u.username === 'streamer')?.id;
  const merchantOrgId = orgs.find((o) => o.kind === 'merchant')?.id;
  const reviewerId = users.find((u) => u.username === 'reviewer')?.id ?? null;
  const source: Actor = { ...actor, orgId: platformId };
  const start = c.clock.now().getTime() - 20 * 60_000;
  // The events belong to a real session of the demo streamer, so the review queue shows its title and names.
  const consumerId = users.find((u) => u.username === 'consumer')?.id;
  const demoStreamer = reg.streamers.find((x) => x.userId === streamerId);
  let sessionRef = 'demo-live-001';
  if (streamerId && demoStreamer) {
    const st = person(streamerId, 'streamer', demoStreamer.mcnOrgId);
    const s = await c.live.schedule(st, {
      title: '秋冬新品专场 · 大衣与护肤',
      scheduledAt: new Date(start).toISOString(),
      productIds: [],
      coHostUserIds: [],
    });
    await c.live.start(st, s.session.id);
    await c.live.end(st, s.session.id);
    sessionRef = s.session.id;
    // its audience: verified demo consumers join the room, counted by the room hub's own path (seed-audience.ts)
    opts.onProgress?.(done, total, 'audience');
    const viewers = users.filter((u) => u.username === 'consumer' || /^consumer_\d{5}$/.test(u.username)).map((u) => u.id ?? '');
    await seedAudience(c, s.session.id, viewers.filter(Boolean));
  }
  let reviewItem: string | null = null;
  for (const [i, e] of DEMO_LIVE_EVENTS.entries()) {
    const r = await c.compliance.ingest(source, {
      eventId: `demo-${i + 1}`,
      kind: e.kind,
      text: e.text,
      sessionRef,
      streamerUserId: e.kind === 'chat' ? undefined : streamerId,
      senderUserId: e.kind === 'chat' ? consumerId : streamerId,
      merchantOrgId,
      productCategory: e.category,
      occurredAt: new Date(start + i * 45_000),
    });
    if (i === 3) reviewItem = r.reviewItemId;
  }
  if (reviewItem && reviewerId) {
    await c.compliance.decide({ ...actor, userId: reviewerId, label: 'reviewer', role: 'reviewer', orgId: platformId }, reviewItem, {
      decision: 'confirm',
      reason: '普通食品宣称降血糖并保证见效，违反广告法第十七条、第二十八条',
    });
  }

  // Credit: parties in every tier, for violations confirmed above and penalties the admin records (seed-credit.ts).
  opts.onProgress?.(done, total, 'credit');
  await seedCredit(c, reg, users.find((u) => u.username === 'admin')?.id ?? '');

  // 投诉: complaints in every state of the ODR path, against the demo merchant (seed-complaints.ts).
  opts.onProgress?.(done, total, 'complaints');
  await seedComplaints(c, reg, opts.history);
  // 举报: reports in every state, filed and handled through the services (seed-reports.ts)
  opts.onProgress?.(done, total, 'reports');
  await seedReports(c, reg);
  // 共享直播间: the demo base's studios and their bookings (seed-programmes.ts)
  opts.onProgress?.(done, total, 'studios');
  await seedProgrammes(c, reg);
  // 需求协同: the demo provider named supplier by the demo merchant and the live room's merchant (seed-supply.ts)
  await seedSupply(c, reg);
  // 活动与节庆: a running 网上年货节 with an approved product and session (seed-campaigns.ts)
  opts.onProgress?.(done, total, 'campaigns');
  await seedCampaigns(c, reg);
  // 政策服务包: the 商务委's policies and the demo base's application in review (seed-policies.ts)
  opts.onProgress?.(done, total, 'policies');
  await seedPolicies(c, reg);
  // 项目资金绩效评价: the demo base's three-year project, mid-evaluation (seed-funding.ts)
  opts.onProgress?.(done, total, 'funding');
  await seedFunding(c, reg);

  // 站内信: the registry's sweep (the server's periodic tick) warns of the licence about to expire, and every event of
  // the seed reaches the inbox through the outbox (the confirmed violation for the demo streamer and merchant…).
  opts.onProgress?.(done, total, 'notifications');
  await c.registry.sweep();
  while ((await c.outbox.dispatch()).pending);
  // the stocking orders' 新采购单 / 采购单已发货 were acted on when the goods came in (seed-stock.ts)
  await readStockingNotices(c, stocking);

  // 先行赔付: a settled complaint left unpaid, advanced by the platform's fund and recovered from the deposit
  opts.onProgress?.(done, total, 'compensation');
  await seedCompensation(c, reg, users.find((u) => u.username === 'admin')?.id ?? '', opts.history);

  // 区域历史: days of sessions, orders, complaints and screening before today, so the wall, the clues and the
  // statistics open on a district with a past (seed-district-history.ts)
  let history: DistrictHistoryCounts | null = null;
  if (opts.history && opts.historyDays) {
    const days = opts.historyDays;
    opts.onProgress?.(done, total, `history 0/${days} days`);
    history = await seedDistrictHistory(c, opts.history, reg, days, (d, n) => opts.onProgress?.(done, total, `history ${d}/${n} days`));
  }

  return {
    accounts,
    counts: { orgs: orgs.length, users: users.length, memberships: memberships.length },
    history,
    ms: Math.round(performance.now() - started),
  };
}
