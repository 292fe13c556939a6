import { join } from 'node:path';
import {
  buildApp,
  type Container,
  type MediaServer,
  MediaServerError,
  OffsetClock,
  publishGate,
  recordingSink,
  startMediaServer,
} from '@livehub/server';
import { progressReporter } from '../progress.ts';
import { fail, openContainer } from '../runtime.ts';
import { DEMO_PASSWORD, type DemoAccount, seedDemo } from '@livehub/server/seed';

/**
 * The days of district history the first start seeds with the demo data (`--history` overrides it, `--history 0`
 * leaves it out): a month, which adds about a minute to the first start on PGlite (docs/supervision.md, "Demo
 * history"; ADR 0038).
 */
export const DEFAULT_HISTORY_DAYS = 30;

export async function serve(opts: { seed: boolean; history?: number }): Promise<void> {
  let c: Container;
  // the platform's clock: real time; the demo seed moves it into the past for its history and puts it back
  const clock = new OffsetClock();
  try {
    c = await openContainer({ clock });
  } catch (e) {
    fail(e);
  }
  let accounts: DemoAccount[] | null = null;
  if (opts.seed && c.config.seedDemo === 'auto' && (await c.uow.read.users.count()) === 0) {
    const p = progressReporter('seeding demo data');
    const r = await seedDemo(c, { onProgress: p.onProgress, history: clock, historyDays: opts.history ?? DEFAULT_HISTORY_DAYS });
    p.stop();
    accounts = r.accounts;
  }
  const { app } = await buildApp(c);
  // 物流: parcels still travelling are subscribed again (the simulated carrier keeps its plans in memory)
  await c.orders.resubscribeTracking().catch((err) => app.log.error({ err }, 'resubscribing tracking failed'));
  // Planner statistics at start and hourly (PGlite has no autovacuum; a no-op on PostgreSQL).
  await c.database.refreshStatistics();
  let ticks = 0;
  // Time-driven work (public notices ending, qualifications expiring, completions, settlement): every minute by
  // default (LIVEHUB_TICK_SECONDS), one process at a time.
  const timer = setInterval(() => {
    void (async () => {
      const token = await c.kv.locks.acquire('tick', 50_000);
      if (!token) return;
      try {
        const r = await c.tick();
        if (Object.values(r).some((n) => n > 0)) app.log.info(r, 'tick');
        if (++ticks % Math.max(1, Math.round(3600 / c.config.tickSeconds)) === 0) await c.database.refreshStatistics();
      } catch (err) {
        app.log.error({ err }, 'tick failed');
      } finally {
        await c.kv.locks.release('tick', token);
      }
    })();
  }, c.config.tickSeconds * 1000);
  timer.unref();
  // The outbox: events written with their changes go out on events:<topic>, a pass a second (one process at a time).
  let dispatching = false;
  let lastOutboxError = '';
  const outboxTimer = setInterval(() => {
    if (dispatching) return;
    dispatching = true;
    void c.outbox
      .dispatch()
      .then((r) => {
        if (r.error && r.error !== lastOutboxError) app.log.warn({ error: r.error }, 'outbox event not handed on; retrying');
        lastOutboxError = r.error ?? '';
      })
      .catch((err: unknown) => app.log.error({ err }, 'outbox pass failed'))
      .finally(() => {
        dispatching = false;
      });
  }, 1000);
  outboxTimer.unref();
  let media: MediaServer | null = null;
  const close = async (signal: string) => {
    clearInterval(timer);
    clearInterval(outboxTimer);
    app.log.info({ signal }, 'shutting down');
    await media?.close();
    await app.close();
    await c.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  try {
    await app.listen({ port: c.config.port, host: c.config.host });
  } catch (e) {
    await c.close();
    fail(e);
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : c.config.port;
  const url = `http://localhost:${port}`;
  // Video: the embedded media server. A busy port costs the video, never the platform.
  let video: string;
  if (c.config.rtmpPort === null) {
    video = `embedded media server off (LIVEHUB_RTMP_PORT); encoders publish to ${c.config.rtmpIngestUrl}`;
  } else {
    try {
      media = await startMediaServer({
        host: c.config.host,
        rtmpPort: c.config.rtmpPort,
        flvPort: c.config.flvPort,
        gate: publishGate(c),
        log: app.log.child({ component: 'media' }),
        // every accepted stream is recorded and its recording tracked (kept ≥ 3 years: docs/live.md)
        recordDir: join(c.config.dataDir, 'recordings'),
        recordings: recordingSink(c),
        // rooms show whether the streamer is on air (「主播暂未推流」, 「直播信号中断」) instead of a player that waits
        onStream: (sessionId, on) => void c.rooms.streamChanged(sessionId, on).catch(() => {}),
      });
      c.rooms.trackStreams(); // even next to external playback URLs: this server's own streams are known
      video = `rtmp://localhost:${media.rtmpPort}/live/<session>?key=<key> → ${c.config.playbackBaseUrl}/<session>.flv`;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      app.log.warn(
        e instanceof MediaServerError ? {} : { err: e },
        `media server not started (${reason}): running without video ingest and playback`,
      );
      video = `OFF — ${reason}; running without video (set LIVEHUB_RTMP_PORT / LIVEHUB_FLV_PORT)`;
    }
  }
  const lines = [
    '',
    `  LiveHub 直播电商治理平台 is running`,
    `  web:      ${url}`,
    `  API docs: ${url}/docs`,
    `  database: ${c.database.driver === 'pglite' ? `PGlite (${c.config.dataDir}/pgdata)` : 'PostgreSQL'}; hot state: ${c.kv.kind}`,
    `  video:    ${video}`,
  ];
  if (accounts) {
    lines.push('', `  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of accounts) lines.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(15)} ${a.displayName}${a.org ? ` · ${a.org}` : ''}`);
  } else {
    lines.push(
      '',
      `  Demo accounts: admin, reviewer, regulator, base, mcn, streamer, merchant, consumer (password ${DEMO_PASSWORD}, if seeded)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  await startDemoActivity(c, url, (line) => app.log.info(line));
}

/**
 * The demo room: with the demo data, the room the seed left live gets a few simulated viewers and danmaku over real
 * WebSockets, so a newcomer opening 直播 sees a room with activity. LIVEHUB_DEMO_ACTIVITY=off turns it off.
 */
async function startDemoActivity(c: Container, url: string, log: (line: string) => void): Promise<void> {
  if (c.config.seedDemo !== 'auto' || process.env.LIVEHUB_DEMO_ACTIVITY === 'off') return;
  const live = await c.uow.read.live.listSessions({ status: ['live'], limit: 20 });
  const room = live.find((s) => s.title.startsWith('盐池滩羊'));
  if (!room) return;
  const first = (await c.uow.read.live.listProducts(room.id))[0];
  if (first) await c.rooms.pin(room.id, first.productId);
  const { simulate } = await import('./simulate.ts');
  const controller = new AbortController();
  process.once('beforeExit', () => controller.abort());
  void (async () => {
    while (!controller.signal.aborted) {
      const r = await simulate({
        baseUrl: url,
        sessionId: room.id,
        viewers: 8,
        chatters: 4,
        chatRate: 0.4,
        durationS: 600,
        violations: 0.08,
        buysPerMinute: 2,
        signal: controller.signal,
      }).catch(() => null);
      if (!r || r.connected === 0) break; // the room ended or the server is going away
    }
  })();
  log(`demo room ${room.id} has simulated viewers (LIVEHUB_DEMO_ACTIVITY=off to stop)`);
}
