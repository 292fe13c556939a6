/**
 * `livehub` — the platform's command line. Every command goes through the services (never SQL), so what the CLI
 * does is audited and validated exactly like the API.
 */
import { createUserRequestSchema, roleSchema } from '@livehub/contracts';
import { cliActor } from '@livehub/core';
import { Command, InvalidArgumentError } from 'commander';
import { cluesScan } from './commands/clues.ts';
import { ledgerVerify } from './commands/ledger.ts';
import { matchEvaluate } from './commands/match.ts';
import { screen } from './commands/screen.ts';
import { settle } from './commands/settle.ts';
import { serve } from './commands/serve.ts';
import { defaultIngestUrl, seconds, streamTest } from './commands/stream-test.ts';
import { progressReporter } from './progress.ts';
import { fail, withContainer } from './runtime.ts';
import { historyDays } from './history-days.ts';
import { seedDemo } from '@livehub/server/seed';

const program = new Command().name('livehub').description('LiveHub — live-streaming e-commerce with governance built in').version('0.1.0');

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
};

program
  .command('serve')
  .description('run the API and web app (migrates, and seeds demo data into an empty database)')
  .option('--no-seed', 'never seed demo data')
  .option('--history <days>', 'with the demo data, this many days of the district’s history before today (1d–90d; 0 for none)', historyDays)
  .action(async (o: { seed: boolean; history?: number }) => serve(o));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () =>
    withContainer(async (c) => {
      process.stdout.write(`migrations applied (${c.database.driver})\n`);
    }),
  );

program
  .command('seed')
  .description('load data into an empty database')
  .requiredOption('--demo', 'the demo district: regulator, bases, MCNs, streamers, merchants, one account per role')
  .option('--scale <n>', 'multiply every population by n', positiveInt, 1)
  .option('--history <days>', 'this many days of the district’s history before today, e.g. 30d (1d–90d; 0 for none)', historyDays)
  .action(async (o: { scale: number; history?: number }) =>
    withContainer(async (c, clock) => {
      const p = progressReporter('seed');
      const r = await seedDemo(c, { scale: o.scale, onProgress: p.onProgress, history: clock, historyDays: o.history ?? 0 });
      p.stop();
      const { planted: _, ...history } = r.history ?? { planted: null };
      process.stdout.write(`${JSON.stringify({ scale: o.scale, ...r.counts, ...(r.history ? { history } : {}), ms: r.ms })}\n`);
    }),
  );

program
  .command('screen')
  .description('screen JSON Lines from stdin ({"id","text","kind"?}) and write one JSON line of hits per input')
  .option('--rules <file>', 'use this rule pack instead of the default one')
  .option('--explain', 'add the Chinese explanation and normalized form to each hit')
  .action(async (o: { rules?: string; explain?: boolean }) => screen(o));

const unit = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
};
const minutes = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1440) throw new InvalidArgumentError('must be a whole number of minutes from 1 to 1440');
  return n;
};
const clues = program.command('clues').description('supervision clues (线索)');
clues
  .command('scan')
  .description('flag fake orders (刷单) in a JSON Lines file of orders; needs no database')
  .requiredOption(
    '--orders <file>',
    'one order a line: {"id","buyer","merchant","product","session","amountFen","paidAt","refundedAt","device","ip","address","payAccount"}',
  )
  .option('--threshold <score>', 'flag groups scoring at least this (0–1)', unit)
  .option('--burst-minutes <n>', 'orders on one merchant this close in time are one burst', minutes)
  .option('--min-buyers <n>', 'fewer accounts than this are never a ring', positiveInt)
  .option('--clusters', 'after the flagged orders, one line per cluster with its signals')
  .action(async (o: { orders: string; threshold?: number; burstMinutes?: number; minBuyers?: number; clusters?: boolean }) => cluesScan(o));

const wholeK = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000 (k ≤ 0 ranks nothing)');
  return n;
};
const match = program.command('match').description('people–goods matching (人货匹配)');
match
  .command('evaluate')
  .description('judge the matching engine on an interaction history (last 20 % of sales as the test set); needs no database')
  .requiredOption(
    '--history <file>',
    'JSON Lines: {"type":"product",…}, {"type":"streamer",…} and interactions {"streamer","product","kind","at"}',
  )
  .option('--k <n>', 'the length of each recommendation list', wholeK, 20)
  .action(async (o: { history: string; k: number }) => matchEvaluate(o));

program
  .command('stream-test')
  .description('push an ffmpeg test pattern (720×1280, 30 fps, a tone) to a live session over RTMP (needs ffmpeg)')
  .requiredOption('--session <id>', 'the live session id')
  .requiredOption('--key <key>', 'its stream key (lh_…)')
  .option('--seconds <n>', 'how long to stream (0: until Ctrl-C)', seconds, 60)
  .option('--ingest <url>', 'the RTMP ingest URL', defaultIngestUrl())
  .option('--verbose', 'show ffmpeg’s progress')
  .action(async (o: { session: string; key: string; seconds: number; ingest: string; verbose?: boolean }) => streamTest(o));

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user, optionally with a role in an organization')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .requiredOption('--display-name <name>')
  .option('--phone <mobile>')
  .option('--org <id>', 'organization id to add the user to')
  .option('--role <role>', `role in that organization (${roleSchema.options.join(', ')})`)
  .action(async (o: { username: string; password: string; displayName: string; phone?: string; org?: string; role?: string }) =>
    withContainer(async (c) => {
      const input = createUserRequestSchema.safeParse({
        username: o.username,
        password: o.password,
        displayName: o.displayName,
        phone: o.phone,
      });
      if (!input.success) throw new Error(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const role = o.role ? roleSchema.safeParse(o.role) : null;
      if (role && !role.success) throw new Error(`--role: must be one of ${roleSchema.options.join(', ')}`);
      if (Boolean(o.org) !== Boolean(o.role)) throw new Error('--org and --role go together');
      const actor = cliActor('cli:user create');
      const created = await c.uow.transaction(async (tx) => {
        const u = await c.identity.createUser(actor, input.data, tx);
        if (o.org && role?.success) await c.orgs.addMember(actor, o.org, { userId: u.id, role: role.data }, tx);
        return u;
      });
      process.stdout.write(`${JSON.stringify(c.identity.userView(created))}\n`);
    }),
  );

const audit = program.command('audit').description('the hash-chained audit log');
audit
  .command('verify')
  .description('recompute the chain; exit 1 when any entry was altered, removed or reordered')
  .action(async () =>
    withContainer(async (c) => {
      const r = await c.audit.verify(c.uow.read);
      process.stdout.write(`${JSON.stringify(r)}\n`);
      if (!r.ok) process.exitCode = 1;
    }),
  );

const evidence = program.command('evidence').description('violation evidence (hash-chained, retained ≥ 3 years)');
evidence
  .command('verify')
  .description('recompute the evidence chain; exit 1 when any record was altered, removed or reordered')
  .action(async () =>
    withContainer(async (c) => {
      const r = await c.compliance.verifyEvidence();
      process.stdout.write(`${JSON.stringify(r)}\n`);
      if (!r.ok) process.exitCode = 1;
    }),
  );

const credit = program.command('credit').description('credit scores and tiers (信用)');
credit
  .command('recompute')
  .description('rescore every party from all its events under the model in force; tier moves and their measures follow')
  .action(async () =>
    withContainer(async (c) => {
      const r = await c.creditRecompute.recompute(cliActor('cli:credit recompute'));
      process.stderr.write(
        `credit recompute: ${r.parties} parties from ${r.events} events under model ${r.modelVersion}, ${r.tierChanges} tier changes, ` +
          `${r.written} scores written, ${(r.ms / 1000).toFixed(2)} s\n`,
      );
      const { ms, ...rest } = r;
      process.stdout.write(`${JSON.stringify({ ...rest, seconds: Math.round(ms) / 1000 })}\n`);
    }),
  );

const stats = program.command('stats').description('statistics against targets (统计分析)');
stats
  .command('rebuild')
  .description('recompute every statistics rollup from the source tables (orders, sessions, complaints, violations)')
  .action(async () =>
    withContainer(async (c) => {
      const r = await c.statistics.rebuild(cliActor('cli:stats rebuild'));
      process.stdout.write(`${JSON.stringify(r)}\n`);
    }),
  );
stats
  .command('report')
  .description('generate the last full month’s report now if the schedule has not yet (idempotent)')
  .action(async () =>
    withContainer(async (c) => {
      process.stdout.write(`${JSON.stringify(await c.statistics.monthlyReport())}\n`);
    }),
  );

const ledger = program.command('ledger').description('the settlement ledger (结算台账)');
ledger
  .command('verify')
  .description('every entry sums to zero, every balance equals its postings, no floor crossed; exit 1 otherwise')
  .action(async () => ledgerVerify());

program
  .command('settle')
  .description('run the settlement job now: split completed orders not yet settled, release what is due (T+N), then reconciliation')
  .action(async () => settle());

program
  .command('tick')
  .description(
    'run the time-driven work now: public notices that have ended, qualification expiry, lapsed certifications, overdue samples, ended plans and agreements',
  )
  .action(async () =>
    withContainer(async (c) => {
      process.stdout.write(`${JSON.stringify(await c.tick())}\n`);
    }),
  );

program
  .command('simulate')
  .description('real WebSocket viewers in a live room: danmaku (a share violating), likes, purchase intents')
  .requiredOption('--session <id>', 'the live session id')
  .option('--url <url>', 'the running server', `http://localhost:${process.env.PORT ?? 3000}`)
  .option('--viewers <n>', 'viewers to connect', (v) => Number.parseInt(v, 10), 50)
  .option('--chat-rate <r>', 'chat messages per second', Number.parseFloat, 2)
  .option('--duration <s>', 'seconds to run', (v) => Number.parseInt(v, 10), 60)
  .option('--violations <share>', 'share of messages that violate (0–1)', Number.parseFloat, 0.05)
  .option('--buys <per-minute>', 'purchase intents per minute: real orders for the pinned product, left unpaid', Number.parseFloat, 0)
  .action(
    async (o: { session: string; url: string; viewers: number; chatRate: number; duration: number; violations: number; buys: number }) => {
      const bad = [
        [o.viewers, 1, 20_000, '--viewers'],
        [o.chatRate, 0, 10_000, '--chat-rate'],
        [o.duration, 1, 86_400, '--duration'],
        [o.violations, 0, 1, '--violations'],
        [o.buys, 0, 6000, '--buys'],
      ].find(([v, lo, hi]) => !Number.isFinite(v as number) || (v as number) < (lo as number) || (v as number) > (hi as number));
      if (bad) fail(new Error(`${bad[3]}: must be a number from ${bad[1]} to ${bad[2]}`));
      const { simulate } = await import('./commands/simulate.ts');
      const r = await simulate({
        baseUrl: o.url,
        sessionId: o.session,
        viewers: o.viewers,
        chatRate: o.chatRate,
        durationS: o.duration,
        violations: o.violations,
        buysPerMinute: o.buys,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${JSON.stringify(r)}\n`);
      if (r.connected === 0) process.exitCode = 1;
    },
  );

program.parseAsync(process.argv).catch(fail);
