/**
 * Settlement survives `kill -9` (issue #15, Tests: "kill -9 during a burst of completions and payouts, restart: no
 * half-written entry, no double payout, `livehub ledger verify` passes").
 *
 * A real `livehub serve` process on a data directory of its own (PGlite on disk; a scratch PostgreSQL database of
 * its own when DATABASE_URL is set), the demo data seeded, the time-driven work every second (LIVEHUB_TICK_SECONDS)
 * and T+0 releases (LIVEHUB_SETTLEMENT_DELAY_DAYS=0):
 *   1. buyers order the streamer's products from a live room, pay on the simulated provider's page, the merchant
 *      ships, the buyers confirm receipt — through the HTTP API, as people do;
 *   2. the server stopped, the funding orders' receipt is moved 8 days back (their 7-day return window has passed:
 *      the only thing the test writes itself); restarted, the tick completes, splits and releases them, so the
 *      streamer and the merchant have money available;
 *   3. stopped again, the burst orders' receipt is moved back; restarted, the tick completes them one transaction
 *      each — and while it does, the streamer and the merchant ask for many payouts at once (some to accounts the
 *      simulator fails), each with its own Idempotency-Key; the server is killed with SIGKILL in the middle;
 *   4. restarted on the same data: every Idempotency-Key is retried (same payout for a key that had one, at most one
 *      for a key whose request died), the tick finishes the completions, resends unsent payouts, and the simulator —
 *      which keeps its own record in the data directory, as a bank would — delivers the results the dead process never
 *      acknowledged; the test waits until nothing is processing and every burst order is completed;
 *   5. stopped: `livehub settle` finishes with nothing failed, `livehub ledger verify` exits 0, and the database
 *      agrees: every entry has ≥ 2 postings summing to zero, balances equal their postings; each payout has exactly one
 *      `payout:<id>` entry and exactly one outcome entry matching its status; no ledger payout entry without its
 *      payout; every completed order exactly one split and one release; the simulator accepted each payout id once
 *      and its result is the payout's status (no payout paid twice, none paid that the platform does not know).
 * No timing thresholds: waits are generous and only order matters.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, dropScratchDatabase } from '@livehub/testing/scratch';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, startCliServer, stopCliServer } from './helpers/cli-server.ts';
import { type Answer, callAs, type Session, signIn, until as untilHolds } from './helpers/http-session.ts';
import { livehub } from './helpers/livehub-cli.ts';

const PASSWORD = 'livehub-demo';
const ADMIN_DB_URL = process.env.DATABASE_URL || null;
const BACKEND = ADMIN_DB_URL ? 'PostgreSQL' : 'PGlite';

/** orders completed before the crash to fund the payouts */
const FUNDING_ORDERS = 6;
/** orders whose completion (split + T+0 release) the crash interrupts */
const BURST_ORDERS = 30;
/** payouts asked for at once by each of the two parties */
const PAYOUTS_EACH = 20;
/** the burst's 201s after which the server is killed */
const KILL_AFTER_PAYOUTS = 1;
const ADDRESS = { name: '李四', phone: '13912345678', region: '浙江省 杭州市', detail: '西湖区文三路 100 号 3 楼' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: CliServer | undefined;

const call = (who: Session | null, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown, headers?: Record<string, string>) =>
  callAs(server?.base ?? '', who, method, path, payload, headers);
const login = (username: string) => signIn(server?.base ?? '', username, PASSWORD);
/** polls every 200 ms, up to two minutes by default (ticks and payout results take a while on a loaded machine) */
const until = <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000) => untilHolds(f, ok, ms, 200);

type Row = Record<string, unknown>;
type Sql = (text: string, params?: unknown[]) => Promise<Row[]>;

describe(`settlement across kill -9 (${BACKEND})`, () => {
  const tag = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const dbName = `livehub_settlecrash_${tag}`;
  let dataDir = '';
  let env: Record<string, string> = {};
  let streamer: Session;
  let merchant: Session;
  let buyer: Session;
  /** who withdraws in the burst: the streamer, and the merchant when it has money available */
  let parties: Session[] = [];
  let fundingOrders: string[] = [];
  let burstOrders: string[] = [];
  /** every payout Idempotency-Key used: its party's session, its body, every answer it got (null: the connection died) */
  const keys = new Map<string, { who: Session; body: Record<string, unknown>; answers: Array<Answer | null> }>();
  let completedAtKill = 0;

  const start = () =>
    startCliServer({
      LIVEHUB_RTMP_PORT: 'off',
      LIVEHUB_DEMO_ACTIVITY: 'off',
      LIVEHUB_TICK_SECONDS: '1',
      LIVEHUB_SETTLEMENT_DELAY_DAYS: '0',
      // no load shedding: on a busy machine it would refuse most of the burst before it reaches the ledger
      LIVEHUB_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    });

  /** The database, read or written directly while the server is stopped. */
  async function withDb<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    if (env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        return await work(async (text, params) => (await client.query(text, params)).rows as Row[]);
      } finally {
        await client.end();
      }
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(join(dataDir, 'pgdata'));
    await db.waitReady;
    try {
      return await work(async (text, params) => (await db.query<Row>(text, params)).rows);
    } finally {
      await db.close();
    }
  }

  /** The return window of these orders has passed: their receipt is moved 8 days back. */
  const backdate = (ids: string[]) =>
    withDb((sql) =>
      sql(
        `update orders set delivered_at = now() - interval '8 days'
                 - (cardinality($1::uuid[]) - array_position($1::uuid[], id)) * interval '1 second'
          where id = any($1::uuid[])`,
        [ids],
      ),
    );

  async function payout(who: Session, key: string, body: Record<string, unknown>): Promise<Answer | null> {
    const k = keys.get(key) ?? { who, body, answers: [] };
    keys.set(key, k);
    const a = await call(who, 'POST', '/api/payouts', body, { 'idempotency-key': key }).catch(() => null);
    k.answers.push(a);
    return a;
  }

  const idsOf = (k: { answers: Array<Answer | null> }) =>
    new Set(k.answers.filter((a): a is Answer => a?.status === 201 || a?.status === 200).map((a) => a.body.id as string));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'livehub-settle-crash-'));
    env = {
      LIVEHUB_DATA_DIR: dataDir,
      DATABASE_URL: ADMIN_DB_URL ? await createScratchDatabase(ADMIN_DB_URL, dbName) : '',
      REDIS_URL: '',
      LIVEHUB_SEED_DEMO: 'auto',
    };
    server = await start();
    streamer = await login('streamer');
    merchant = await login('merchant');
    buyer = await login('consumer');
    // the streamer's products under an agreement with the demo merchant, sold from a live room (commission)
    const me = await call(merchant, 'GET', '/api/auth/me');
    const orgId = (me.body as { active?: { orgId: string } }).active?.orgId;
    const agreements = (await call(streamer, 'GET', '/api/agreements?status=in_force')).body as unknown as Array<{
      merchantOrgId: string;
      versions: Array<{ terms: { products: Array<{ productId: string }> } }>;
    }>;
    const agreement = agreements.find((a) => a.merchantOrgId === orgId);
    expect(agreement, 'an agreement between the demo streamer and the demo merchant').toBeDefined();
    const productIds = (agreement?.versions[0]?.terms.products ?? []).map((p) => p.productId);
    expect(productIds.length).toBeGreaterThan(0);
    const created = await call(streamer, 'POST', '/api/live/sessions', {
      title: '结算崩溃恢复测试',
      scheduledAt: new Date().toISOString(),
      productIds,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sessionId = (created.body.session as { id: string }).id;
    expect((await call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`)).status).toBe(200);
    const product = (await call(buyer, 'GET', `/api/catalog/products/${productIds[0]}`)).body as {
      skus: Array<{ id: string; stock: number }>;
    };
    const sku = product.skus.find((s) => s.stock > 0) ?? product.skus[0];
    if ((sku?.stock ?? 0) < FUNDING_ORDERS + BURST_ORDERS + 5) {
      const r = await call(merchant, 'PATCH', `/api/catalog/products/${productIds[0]}/skus/${sku?.id}`, {
        stock: FUNDING_ORDERS + BURST_ORDERS + 20,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }

    // ordered, paid on the simulator's page, shipped, received: each order ready to complete once its window passes
    const sold: string[] = [];
    for (let i = 0; i < FUNDING_ORDERS + BURST_ORDERS; i++) {
      const o = await call(
        buyer,
        'POST',
        '/api/orders',
        { lines: [{ skuId: sku?.id, qty: 1 }], sessionId, address: ADDRESS },
        { 'idempotency-key': `order-${i}-${tag}` },
      );
      expect(o.status, JSON.stringify(o.body)).toBe(201);
      const orderId = o.body.id as string;
      const pay = await call(buyer, 'POST', `/api/orders/${orderId}/pay`, {});
      expect(pay.status, JSON.stringify(pay.body)).toBe(200);
      const url = new URL(pay.body.payUrl as string);
      const confirm = await call(null, 'POST', `${url.pathname}/confirm`, { t: url.searchParams.get('t'), outcome: 'succeed' });
      expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
      sold.push(orderId);
    }
    for (const orderId of sold) {
      const paid = await until(
        () => call(buyer, 'GET', `/api/orders/${orderId}`),
        (r) => r.body.status === 'paid',
      );
      expect(paid.body.status).toBe('paid');
      const ship = await call(merchant, 'POST', `/api/orders/${orderId}/ship`, {
        carrier: '顺丰速运',
        trackingNo: `SF${orderId.replaceAll('-', '').slice(-12)}`,
      });
      expect(ship.status, JSON.stringify(ship.body)).toBe(200);
      const received = await call(buyer, 'POST', `/api/orders/${orderId}/deliver`);
      expect(received.status, JSON.stringify(received.body)).toBe(200);
    }
    fundingOrders = sold.slice(0, FUNDING_ORDERS);
    burstOrders = sold.slice(FUNDING_ORDERS);

    // the funding orders complete, split and are released (T+0) on the restarted server's tick
    await stopCliServer(server, 'SIGTERM');
    await backdate(fundingOrders);
    server = await start();
    const funded = await until(
      () => call(streamer, 'GET', '/api/payouts/summary'),
      (r) => Number(r.body.availableFen) > 0,
    );
    expect(Number(funded.body.availableFen), 'the streamer has commission to withdraw').toBeGreaterThan(0);
    // the merchant too, unless its income went to pay its slot fees first (debt is settled before available)
    parties = [streamer];
    if (Number((await call(merchant, 'GET', '/api/payouts/summary')).body.availableFen) > 0) parties.push(merchant);
  }, 600_000);

  afterAll(async () => {
    await stopCliServer(server, 'SIGKILL');
    if (ADMIN_DB_URL) await dropScratchDatabase(ADMIN_DB_URL, dbName);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is killed with SIGKILL while the tick completes orders and the parties ask for payouts', async () => {
    const available = new Map<Session, number>();
    for (const who of parties) available.set(who, Number((await call(who, 'GET', '/api/payouts/summary')).body.availableFen));
    await stopCliServer(server, 'SIGTERM');
    await backdate(burstOrders);
    server = await start();
    const s = server as CliServer;
    let ok = 0;
    let killed: Promise<void> | null = null;
    const kill = () => {
      killed ??= stopCliServer(s, 'SIGKILL');
      return killed;
    };
    // the payouts, in waves, from the moment the server is up (its first tick comes a second later)
    const bursts = parties.map(async (who) => {
      // small enough that all of them fit in what is available: a refusal would be a bug
      const amountFen = Math.max(1, Math.floor((available.get(who) ?? 0) / (PAYOUTS_EACH + 1)));
      const out: Array<Answer | null> = [];
      for (let wave = 0; wave < PAYOUTS_EACH / 4; wave++) {
        if (killed) break;
        const answers = await Promise.all(
          Array.from({ length: 4 }, (_, i) => {
            const n = wave * 4 + i;
            // every fourth to an account the simulator fails (账户异常): its money must come back, once
            const accountNo = `62220212345678${String(n).padStart(2, '0')}${n % 4 === 3 ? '0000' : '1234'}`;
            const body = { amountFen, method: 'bank', accountName: '张三丰', accountNo, bankName: '中国工商银行' };
            return payout(who, `payout-${who.name}-${n}-${tag}`, body).then((a) => {
              if (a?.status === 201) ok++;
              return a;
            });
          }),
        );
        out.push(...answers);
      }
      return out;
    });
    // killed once the first burst order is completed (the oldest receipt goes first) and a few payouts went through:
    // the tick is then in the middle of the completions and the next wave of payouts is in flight
    const watcher = (async () => {
      const end = Date.now() + 120_000;
      for (;;) {
        if (killed) return;
        if (Date.now() > end) return void kill();
        const r = await call(buyer, 'GET', `/api/orders/${burstOrders[0]}`).catch(() => null);
        if (r?.body.status === 'completed' && ok >= KILL_AFTER_PAYOUTS) return void kill();
        await sleep(25);
      }
    })();
    const attempts = await Promise.all(bursts);
    await watcher;
    const answers = attempts.flat();
    await kill();
    const codes = answers.map((a) => (a === null ? 'lost' : a.status === 201 ? '201' : (a.body.error?.code ?? String(a.status))));
    const tally = Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));
    completedAtKill = await withDb(async (sql) => {
      const rows = await sql(`select status, count(*)::int as n from orders where id = any($1::uuid[]) group by status`, [burstOrders]);
      return Number(rows.find((r) => r.status === 'completed')?.n ?? 0);
    });
    // said before the assertions, so that a failure shows what the burst met
    console.log(
      `[${BACKEND}] ${answers.length} payout requests by ${parties.map((p) => p.name).join(' and ')}, killed once the first burst order completed: ${JSON.stringify(tally)}; ` +
        `${completedAtKill} of ${BURST_ORDERS} burst orders completed at the kill; the server's exit: ${s.child.signalCode ?? `code ${s.child.exitCode}`}`,
    );
    // an answer the crash cannot explain: what the server wrote about it
    if (Object.keys(tally).some((c) => !['201', 'lost', 'server.overloaded'].includes(c)))
      console.log(`[${BACKEND}] the server's last output:\n${s.output()}`);
    expect(s.child.signalCode, `the server ended by itself (exit code ${s.child.exitCode}) before the kill`).toBe('SIGKILL');
    // nothing but payouts, connections the crash cut, and requests shed while the server was busy (nothing written)
    for (const c of Object.keys(tally)) expect(['201', 'lost', 'server.overloaded'], `answers: ${JSON.stringify(tally)}`).toContain(c);
    if (completedAtKill === BURST_ORDERS) console.warn('every completion was done when the server died: the crash came late for them');
  }, 300_000);

  it('restarts: every Idempotency-Key gives one payout at most, every payout ends paid or failed, every order completes', async () => {
    server = await start();
    const before = new Map([...keys].map(([key, k]) => [key, idsOf(k)]));
    // twice each (a request shed while the restarted server is busy — 503, nothing written — is asked again)
    for (let round = 0; round < 2; round++)
      await Promise.all(
        [...keys].map(async ([key, k]) => {
          for (let i = 0; i < 200; i++) {
            const a = await payout(k.who, key, k.body);
            if (a?.status !== 503) return;
            await sleep(500);
          }
        }),
      );
    for (const [key, k] of keys) {
      const ids = idsOf(k);
      expect(ids.size, `key ${key}: ${JSON.stringify(k.answers.map((a) => a && [a.status, a.body.id ?? a.body.error?.code]))}`).toBe(1);
      const [was] = before.get(key) as Set<string>;
      if (was) expect(ids.has(was)).toBe(true);
    }
    const payoutIds = [...keys.values()].map((k) => [...idsOf(k)][0] as string);
    // the results of the transfers the dead process sent, unsent ones sent again: nothing stays processing
    for (const [key, k] of keys) {
      const id = [...idsOf(k)][0] as string;
      const r = await until(
        () => call(k.who, 'GET', `/api/payouts/${id}`),
        (x) => x.body.status === 'paid' || x.body.status === 'failed',
      );
      expect(r.body.status, `payout of key ${key}`).toBe(String(k.body.accountNo).endsWith('0000') ? 'failed' : 'paid');
    }
    expect(new Set(payoutIds).size).toBe(keys.size);
    for (const orderId of burstOrders) {
      const r = await until(
        () => call(buyer, 'GET', `/api/orders/${orderId}`),
        (x) => x.body.status === 'completed',
      );
      expect(r.body.status, `order ${orderId}`).toBe('completed');
    }
  }, 600_000);

  it('stopped: livehub settle finishes the work, the ledger verifies, no half-written entry and no double payout', async () => {
    await stopCliServer(server, 'SIGTERM');
    const settle = livehub(['settle'], env);
    expect(settle.code, settle.err).toBe(0);
    const settled = JSON.parse(settle.out) as { failed: number };
    expect(settled.failed).toBe(0);
    const verify = livehub(['ledger', 'verify'], env);
    expect(verify.code, verify.out + verify.err).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, unbalancedEntries: [], driftedAccounts: [], belowFloor: [] });

    await withDb(async (sql) => {
      // every entry: at least two postings, summing to zero
      expect(
        await sql(`select e.business_key, count(p.*)::int as n, coalesce(sum(p.amount), 0)::text as total
                     from ledger_entries e left join ledger_postings p on p.entry_id = e.id
                    group by e.id, e.business_key having count(p.*) < 2 or coalesce(sum(p.amount), 0) <> 0`),
      ).toEqual([]);
      // every balance equals its postings
      expect(
        await sql(`select a.id from ledger_accounts a
                    where a.balance <> coalesce((select sum(p.amount) from ledger_postings p where p.account_id = a.id), 0)`),
      ).toEqual([]);

      // payouts: one row per key; each exactly one request entry and one outcome entry, matching its status
      const payouts = await sql(
        `select id::text, status, amount_fen::text as amount, idempotency_key from payouts where idempotency_key like $1`,
        [`%-${tag}`],
      );
      expect(payouts).toHaveLength(keys.size);
      expect(new Set(payouts.map((p) => p.idempotency_key))).toEqual(new Set(keys.keys()));
      const entries = await sql(`select business_key, kind from ledger_entries where business_key like 'payout:%'`);
      const count = (key: string) => entries.filter((e) => e.business_key === key).length;
      for (const p of payouts) {
        expect(count(`payout:${p.id}`), `payout ${p.id} requested`).toBe(1);
        expect(count(`payout:${p.id}:paid`) + count(`payout:${p.id}:failed`), `payout ${p.id} outcome`).toBe(1);
        expect(count(`payout:${p.id}:${p.status}`), `payout ${p.id} outcome ${p.status}`).toBe(1);
      }
      // no payout entry without its payout row (the row and the posting commit together)
      const known = new Set((await sql(`select id::text from payouts`)).map((p) => p.id as string));
      for (const e of entries) expect(known.has(String(e.business_key).split(':')[1] as string), String(e.business_key)).toBe(true);
      // no notification applied twice
      expect(
        await sql(`select payout_id, count(*)::int as n from payout_notifications group by payout_id, kind having count(*) > 1`),
      ).toEqual([]);

      // the provider's own record: each payout id accepted once, its result the payout's status, nothing unknown
      const journal = join(dataDir, 'sim-payout', 'transfers.jsonl');
      expect(existsSync(journal)).toBe(true);
      const accepted = readFileSync(journal, 'utf8')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as { t: string; payoutId: string; amountFen: number; kind: string })
        .filter((l) => l.t === 'accepted');
      const acceptedIds = accepted.map((l) => l.payoutId);
      expect(new Set(acceptedIds).size, 'a payout id accepted twice by the provider').toBe(acceptedIds.length);
      const byId = new Map(payouts.map((p) => [p.id as string, p]));
      for (const l of accepted) {
        const p = byId.get(l.payoutId);
        expect(p, `the provider paid ${l.payoutId}, unknown to the platform`).toBeDefined();
        expect(String(l.amountFen)).toBe(p?.amount);
        expect(l.kind === 'transfer.succeeded' ? 'paid' : 'failed').toBe(p?.status);
      }
      expect(new Set(acceptedIds)).toEqual(new Set(byId.keys()));

      // the burst orders: completed, split once, released once
      const orders = await sql(
        `select o.id::text, o.status,
                (select count(*)::int from ledger_entries e where e.business_key = 'order:' || o.id || ':settled') as split,
                (select count(*)::int from ledger_entries e where e.business_key = 'release:' || o.id) as released,
                (select count(*)::int from order_settlements s where s.order_id = o.id and s.released_at is not null) as row
           from orders o where o.id = any($1::uuid[])`,
        [[...fundingOrders, ...burstOrders]],
      );
      expect(orders).toHaveLength(FUNDING_ORDERS + BURST_ORDERS);
      for (const o of orders) expect(o, `order ${o.id}`).toMatchObject({ status: 'completed', split: 1, released: 1, row: 1 });
      // nothing left in transit
      const [transit] = await sql(`select coalesce(sum(balance), 0)::text as b from ledger_accounts where kind = 'payouts_in_transit'`);
      expect(transit?.b).toBe('0');
    });
    console.log(
      `[${BACKEND}] ${keys.size} payouts, ${BURST_ORDERS} burst orders (${completedAtKill} completed before the kill): all settled once`,
    );
  }, 300_000);
});
