/**
 * A second LiveHub process for the flash-sale benchmark's scale-out run: the same container and app as
 * bench/servers/order-server.ts, on the same PostgreSQL database and Redis prefix with the same secrets
 * (BENCH_SESSION_SECRET, BENCH_PII_KEY), and nothing else — no seeding, no buyers, no commands. The load generator
 * spreads its connections over both processes, as a load balancer in front of a cluster would; the sale's units
 * come from the one Redis counter and the orders land in the one database. Start it before the sale is created
 * (its start-up reconciliation then has nothing to rebuild). Prints `{"ready":true,"pid":…,"port":…}`.
 */
import { buildApp, createContainer } from '@livehub/server';
import { flashConfig, shutdownOnSignals } from './flash-process.ts';

if (!process.env.DATABASE_URL || !process.env.REDIS_URL || !process.env.BENCH_SESSION_SECRET || !process.env.BENCH_PII_KEY)
  throw new Error('a replica needs DATABASE_URL, REDIS_URL and the primary’s BENCH_SESSION_SECRET and BENCH_PII_KEY');
const { dataDir, config } = flashConfig('replica');
const c = await createContainer(config, { fastHashing: true });
const { app } = await buildApp(c, { serveWeb: false });
await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;

shutdownOnSignals({ app, c }, dataDir);
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, port })}\n`);
