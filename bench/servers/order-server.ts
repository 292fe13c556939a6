/**
 * LiveHub itself for the flash-sale benchmark: the real container and app — PGlite in a fresh data directory, or
 * PostgreSQL + Redis when DATABASE_URL / REDIS_URL (+ REDIS_PREFIX) are set — seeded with the demo data. The
 * streamer (agreements in force) schedules a session with the agreed products and goes live.
 *
 * Buyers: BUYERS (+ WARMUP_BUYERS) consumers are created in bulk and signed in without 20,000 argon2 logins:
 * users go in through the import service (batched, audited, as `livehub seed` does), and each gets a session row
 * written through the session repository — exactly what a login writes, minus the password check — with the
 * cookie signed by the app's own cookie signer. Everything a buy request goes through afterwards (cookie, session
 * lookup, CSRF check, validation, the order service, counters, the database) is the production path.
 *
 * Warm-up (WARMUP_BUYERS > 0): a sale of WARMUP_QUANTITY units for the warm-up buyers, bought by the load generator
 * before the measured sale exists, then ended — a server that has been running, as it would be at a real flash
 * sale. The measured sale (QUANTITY units, one per buyer) is created on command, after the warm-up.
 *
 * Prints one line `{"ready":true,…}` (pid, port, session, SKU) and talks over IPC:
 *   {cmd:'sale', name, quantity}  → {ev:'sale', flashSaleId, stockBefore, stockAfter}: creates a sale through the API
 *   {cmd:'buyers', group}         → {ev:'buyers', file}: the group's cookies and CSRF tokens, as a JSON file
 *   {cmd:'verify', flashSaleId}   → {ev:'verified', …}: what the database holds for the sale, then ends it and
 *                                   checks the SKU's stock accounting
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, seedDemo } from '@livehub/server/seed';
import { AUTH_POLICY, cliActor, flashSaleKeys, type ImportUser, type SessionRecord, sha256Hex } from '@livehub/core';
import { buildApp, createContainer } from '@livehub/server';
import { flashConfig, shutdownOnSignals } from './flash-process.ts';

const buyersN = Number(process.env.BUYERS ?? 20_000);
const warmupN = Number(process.env.WARMUP_BUYERS ?? 0);
const { dataDir, config } = flashConfig('flash');
const c = await createContainer(config, { fastHashing: true });
const tSeed = performance.now();
await seedDemo(c, { scale: 1 });
const seedMs = Math.round(performance.now() - tSeed);
const { app } = await buildApp(c, { serveWeb: false });

async function login(username: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const set = res.cookies.find((k) => k.name === 'lh_session');
  if (res.statusCode !== 200 || !set) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: `lh_session=${set.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

async function call(headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  let res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  // the setup's own bulk work (20,000 users, ANALYZE) can leave the event loop over the pressure limit for a moment:
  // a setup call answered 503 (请稍后重试) is asked again, as a client that honours Retry-After would
  for (let retry = 0; res.statusCode === 503 && retry < 10; retry++) {
    await new Promise((r) => setTimeout(r, 1_000));
    res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

// ---- the live session, on the products of the streamer's agreement with the demo merchant ---------------------

const [streamer, merchant] = [await login('streamer'), await login('merchant')];
const merchantMe = (await call(merchant, 'GET', '/api/auth/me')) as { active: { orgId: string } | null };
const agreements = (await call(streamer, 'GET', '/api/agreements?status=in_force')) as Array<{
  merchantOrgId: string;
  versions: Array<{ terms: { products: Array<{ productId: string }> } }>;
}>;
const agreement = agreements.find((a) => a.merchantOrgId === merchantMe.active?.orgId);
if (!agreement) throw new Error('the demo streamer has no agreement in force with the demo merchant');
const productIds = (agreement.versions[0]?.terms.products ?? []).map((p) => p.productId);
const created = await call(streamer, 'POST', '/api/live/sessions', {
  title: '秒杀压测直播间',
  scheduledAt: new Date().toISOString(),
  productIds,
});
const sessionId = (created as { session: { id: string } }).session.id;
await call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`);
const productId = productIds[0] as string;
const sku = (await c.uow.read.catalog.listSkus([productId]))[0];
if (!sku) throw new Error(`product ${productId} has no SKU`);
// enough stock for every sale of the run: the merchant restocks through the API
const needed = Number(process.env.QUANTITY ?? 1000) + Number(process.env.WARMUP_QUANTITY ?? 0) + 100;
if (sku.stock < needed) await call(merchant, 'PATCH', `/api/catalog/products/${productId}/skus/${sku.id}`, { stock: needed });

// ---- buyers: bulk users and sessions -----------------------------------------------------------------------------

interface Buyer {
  cookie: string;
  csrf: string;
}
const groups: Record<string, Buyer[]> = {};
const tBuyers = performance.now();
const passwordHash = await c.hasher.hash(randomBytes(16).toString('hex'));
const actor = cliActor('bench:flash-sale');
async function createBuyers(group: string, n: number): Promise<void> {
  const out: Buyer[] = [];
  const BATCH = 2000;
  for (let i = 0; i < n; i += BATCH) {
    const users: ImportUser[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const no = String(j + 1).padStart(5, '0');
      users.push({ username: `bench_${group}_${no}`, displayName: `压测买家${no}`, passwordHash });
    }
    const { userIds } = await c.imports.importBatch(actor, { users }, `bench:${group}:${i / BATCH}`);
    const now = new Date();
    const sessions: SessionRecord[] = [];
    for (const userId of userIds) {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      sessions.push({
        tokenHash: sha256Hex(token),
        userId,
        membershipId: null,
        csrfToken: csrf,
        createdAt: now,
        expiresAt: new Date(now.getTime() + AUTH_POLICY.sessionTtlMs),
        ip: '127.0.0.1',
        userAgent: 'livehub-bench',
      });
      out.push({ cookie: `lh_session=${encodeURIComponent(app.signCookie(token))}`, csrf });
    }
    await c.uow.transaction(async (tx) => {
      for (const s of sessions) await tx.sessions.insert(s);
    });
  }
  groups[group] = out;
}
if (warmupN > 0) await createBuyers('warmup', warmupN);
await createBuyers('buyers', buyersN);
const buyersMs = Math.round(performance.now() - tBuyers);
// as `livehub serve` does at start: planner statistics (PGlite has no autovacuum; a no-op on PostgreSQL)
await c.database.refreshStatistics();

await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;

// ---- commands ----------------------------------------------------------------------------------------------------

const stockOf = async () => (await c.uow.read.catalog.findSku(sku.id))?.stock ?? -1;
const num = (v: unknown) => Number(v ?? 0);

async function createSale(quantity: number) {
  const stockBefore = await stockOf();
  const f = (await call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
    productId,
    skuId: sku?.id,
    priceFen: Math.max(1, Math.floor((sku?.priceFen ?? 2) / 2)),
    quantity,
    perUserLimit: 1,
    durationS: 3600,
  })) as { id: string };
  return { flashSaleId: f.id, stockBefore, stockAfter: await stockOf() };
}

/** What the database holds for a sale; then the streamer ends it and the SKU's stock is read again. */
async function verify(flashSaleId: string) {
  const q = (sql: string) => c.database.exec(sql);
  const id = flashSaleId.replace(/[^0-9a-f-]/g, '');
  const [o] = await q(
    `select count(*) as n, count(distinct buyer_user_id) as buyers, count(*) filter (where status = 'cancelled') as cancelled
       from orders where flash_sale_id = '${id}'`,
  );
  const [cl] = await q(
    `select count(*) as n, count(distinct slot) as slots, min(slot) as min_slot, max(slot) as max_slot,
            count(*) filter (where not exists (select 1 from orders x where x.id = c.order_id and x.status <> 'cancelled')) as orphans
       from flash_sale_claims c where flash_sale_id = '${id}'`,
  );
  const [r] = await q(
    `select coalesce(sum(qty) filter (where status in ('held', 'sold')), 0) as held, count(distinct order_id) as orders
       from stock_reservations where flash_sale_id = '${id}'`,
  );
  const [k] = await q(
    `select count(*) as n from idempotency_keys k
       where scope = 'order.create' and exists (select 1 from orders x where x.id = (k.response->>'id')::uuid and x.flash_sale_id = '${id}')`,
  );
  const [f] = await q(`select quantity from flash_sales where id = '${id}'`);
  const counterLeft = await c.kv.counters.get(flashSaleKeys.left(id));
  const stockWhileRunning = await stockOf();
  await call(streamer, 'POST', `/api/flash-sales/${id}/end`);
  return {
    quantity: num(f?.quantity),
    orders: num(o?.n),
    orderBuyers: num(o?.buyers),
    cancelled: num(o?.cancelled),
    claims: num(cl?.n),
    distinctSlots: num(cl?.slots),
    minSlot: cl?.min_slot === null ? null : num(cl?.min_slot),
    maxSlot: cl?.max_slot === null ? null : num(cl?.max_slot),
    orphanClaims: num(cl?.orphans),
    reservedUnits: num(r?.held),
    reservedOrders: num(r?.orders),
    idempotencyRecords: num(k?.n),
    counterLeft,
    stockWhileRunning,
    stockAfterEnd: await stockOf(),
  };
}

process.on('message', (m: { cmd: string; quantity?: number; group?: string; flashSaleId?: string }) => {
  const reply = (v: object) => process.send?.(v);
  const fail = (e: unknown) => reply({ ev: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  if (m.cmd === 'sale')
    createSale(m.quantity ?? 1000)
      .then((r) => reply({ ev: 'sale', ...r }))
      .catch(fail);
  else if (m.cmd === 'buyers') {
    const file = join(dataDir, `${m.group}.json`);
    writeFileSync(file, JSON.stringify(groups[m.group ?? ''] ?? []));
    reply({ ev: 'buyers', file });
  } else if (m.cmd === 'verify')
    verify(m.flashSaleId ?? '')
      .then((r) => reply({ ev: 'verified', ...r }))
      .catch(fail);
});

shutdownOnSignals({ app, c }, dataDir, { onDisconnect: true });
process.stdout.write(
  `${JSON.stringify({
    ready: true,
    pid: process.pid,
    port,
    sessionId,
    skuId: sku.id,
    productId,
    db: c.database.driver,
    kv: c.kv.kind,
    seedMs,
    buyersMs,
    buyers: buyersN,
    warmupBuyers: warmupN,
  })}\n`,
);
