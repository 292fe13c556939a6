import { buildApp, type Container } from '@livehub/server';
import { progressReporter } from '../progress.ts';
import { fail, openContainer } from '../runtime.ts';
import { DEMO_PASSWORD, type DemoAccount, seedDemo } from '../seed/seed-demo.ts';

export async function serve(opts: { seed: boolean }): Promise<void> {
  let c: Container;
  try {
    c = await openContainer();
  } catch (e) {
    fail(e);
  }
  let accounts: DemoAccount[] | null = null;
  if (opts.seed && c.config.seedDemo === 'auto' && (await c.uow.read.users.count()) === 0) {
    const p = progressReporter('seeding demo data');
    const r = await seedDemo(c, { onProgress: p.onProgress });
    p.stop();
    accounts = r.accounts;
  }
  const { app } = await buildApp(c);
  // Time-driven work (public notices ending, qualifications expiring): every minute, one process at a time.
  const timer = setInterval(() => {
    void (async () => {
      const token = await c.kv.locks.acquire('tick', 50_000);
      if (!token) return;
      try {
        const notices = await c.workflows.tick();
        const sweep = await c.registry.sweep();
        if (notices.advanced.length + sweep.expired + sweep.warned + sweep.lapsedStreamers > 0)
          app.log.info({ notices: notices.advanced.length, ...sweep }, 'tick');
      } catch (err) {
        app.log.error({ err }, 'tick failed');
      } finally {
        await c.kv.locks.release('tick', token);
      }
    })();
  }, 60_000);
  timer.unref();
  const close = async (signal: string) => {
    clearInterval(timer);
    app.log.info({ signal }, 'shutting down');
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
  const lines = [
    '',
    `  LiveHub 直播电商治理平台 is running`,
    `  web:      ${url}`,
    `  API docs: ${url}/docs`,
    `  database: ${c.database.driver === 'pglite' ? `PGlite (${c.config.dataDir}/pgdata)` : 'PostgreSQL'}; hot state: ${c.kv.kind}`,
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
}
