/**
 * Screening benchmark (issue: real-time compliance review). Same dictionary (the default rule pack's terms plus
 * synthetic terms to ≥ 20,000) and the same ≥ 10 MB of Chinese text, in one process, for:
 *   - LiveHub's engine with all normalization on (NFKC, case, traditional→simplified, numerals, symbol removal,
 *     generated pinyin/homophone variants, exemptions, detectors);
 *   - mint-filter and fastscan (plain Aho–Corasick, no normalization).
 * ratio = our chars/s ÷ mint-filter's chars/s. Also: p50/p95/p99 decision latency for 50-character chat messages,
 * and the ingestion API's sustained events/s and latency over HTTP (a real server process, PGlite; and PostgreSQL +
 * Redis in a database of its own when BENCH_DATABASE_URL / BENCH_REDIS_URL are set).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefaultPack, type RulePack, ScreeningEngine } from '@livehub/compliance';
import { withScratchDatabase } from '@livehub/testing/scratch';
import autocannon from 'autocannon';
import FastScanner from 'fastscan';
import { Mint } from 'mint-filter';
import { Prng, syntheticDocuments, syntheticTerms } from './lib/chinese-text.ts';
import { percentile, signInAdmin, startProcess, stopProcess } from './lib/load.ts';

const root = new URL('..', import.meta.url).pathname;
const livehub = join(root, 'apps/cli/bin/livehub.mjs');

function timeIt(fn: () => number): { seconds: number; found: number } {
  const t = process.hrtime.bigint();
  const found = fn();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, found };
}

function best(runs: number, fn: () => number, sofar = { seconds: Number.POSITIVE_INFINITY, found: 0 }) {
  let bestRun = sofar;
  for (let i = 0; i < runs; i++) {
    const r = timeIt(fn);
    if (r.seconds < bestRun.seconds) bestRun = r;
  }
  return bestRun;
}

async function ingestion(durationS: number, databaseUrl = '', redisUrl = '') {
  const dir = mkdtempSync(join(tmpdir(), 'livehub-bench-ingest-'));
  const port = String(3900 + Math.floor(Math.random() * 90));
  const env = {
    LIVEHUB_DATA_DIR: dir,
    PORT: port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench${port}:`,
  };
  const seed = spawnSync(process.execPath, [livehub, 'migrate'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(seed.stderr);
  const server = await startProcess(process.execPath, [livehub, 'serve', '--history', '0'], env, /LiveHub .* is running/);
  try {
    const base = `http://127.0.0.1:${port}`;
    const { cookie, csrf } = await signInAdmin(base);
    const tokenRes = await fetch(`${base}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ name: 'bench-asr', scopes: ['compliance:ingest'] }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const lines = [
      '家人们这款面霜是全网最低价',
      '今天给大家带来新款羽绒服，保暖又轻薄',
      '加我薇信领优惠券',
      '点点关注不迷路，三二一上链接',
      '这个保健品能降血糖，三天见效',
    ];
    let n = 0;
    const times: number[] = [];
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon(
        {
          url: `${base}/api/compliance/events`,
          method: 'POST',
          connections: 20,
          duration: durationS,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify({
                  eventId: `bench-${process.pid}-${++n}`,
                  kind: 'transcript',
                  text: lines[n % lines.length],
                  sessionRef: `bench-session-${n % 10}`,
                }),
              }),
            },
          ],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      inst.on('response', (_c, _s, _b, rt) => times.push(rt));
    });
    times.sort((a, b) => a - b);
    return {
      events_per_s: Math.round(r.requests.average),
      errors: r.errors + r.non2xx,
      p50_ms: percentile(times, 50),
      p95_ms: percentile(times, 95),
      p99_ms: percentile(times, 99),
    };
  } finally {
    await stopProcess(server);
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const mb = Number(args[args.indexOf('--mb') + 1]) || 10;
  const termsWanted = 20_000;
  const base = loadDefaultPack();
  const packTerms = base.rules.flatMap((r) => r.terms);
  const synthetic = syntheticTerms(Math.max(0, termsWanted - packTerms.length));
  const dictionary = [...new Set([...packTerms, ...synthetic])];
  const pack: RulePack = {
    ...base,
    rules: [
      ...base.rules,
      {
        id: 'BEN-001',
        category: 'prohibited_goods',
        severity: 2,
        action: 'review',
        basis: { law: 'benchmark', article: '-', summaryZh: '基准测试词表', summaryEn: 'benchmark dictionary' },
        explain: { zh: '基准测试词“{matched}”', en: 'benchmark term “{matched}”' },
        terms: synthetic,
        variants: false,
        extraVariants: [],
        exemptions: [],
        appliesTo: {},
      },
    ],
  };
  process.stderr.write(`dictionary: ${dictionary.length} terms (${packTerms.length} from the rule pack)\n`);
  let t = performance.now();
  const ours = ScreeningEngine.compile(pack);
  const oursBuildMs = performance.now() - t;
  t = performance.now();
  const mint = new Mint(dictionary);
  const mintBuildMs = performance.now() - t;
  t = performance.now();
  const fast = new FastScanner(dictionary);
  const fastBuildMs = performance.now() - t;

  const docs = syntheticDocuments(mb * 1024 * 1024, 1000, dictionary.slice(0, 2000));
  const chars = docs.reduce((n, d) => n + d.length, 0);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
  process.stderr.write(`text: ${(bytes / 1048576).toFixed(1)} MB, ${chars} chars in ${docs.length} documents\n`);

  const runOurs = () => docs.reduce((n, d) => n + ours.screen({ text: d, kind: 'transcript' }).hits.length, 0);
  const runMint = () => docs.reduce((n, d) => n + mint.filter(d, { replace: false }).words.length, 0);
  const runFast = () => docs.reduce((n, d) => n + fast.search(d).length, 0);
  // warm up the JIT and the normalizer's character table, then keep the best of `runs` for each, interleaved (the
  // machine is shared: the best run is the one least disturbed, and interleaving spreads a slow spell over all three)
  runOurs();
  runMint();
  runFast();
  const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
  let o = { seconds: Number.POSITIVE_INFINITY, found: 0 };
  let m = o;
  let f = o;
  for (let i = 0; i < runs; i++) {
    o = best(1, runOurs, o);
    m = best(1, runMint, m);
    f = best(1, runFast, f);
  }
  const cps = (r: { seconds: number }) => Math.round(chars / r.seconds);

  // decision latency: 50-character chat messages, each screened alone
  const r = new Prng(3);
  const chat = Array.from({ length: 20_000 }, () => {
    const d = r.pick(docs);
    const at = r.int(d.length - 50);
    return d.slice(at, at + 50);
  });
  for (const c of chat.slice(0, 2000)) ours.screen({ text: c, kind: 'chat' });
  const lat: number[] = [];
  for (const c of chat) {
    const s = performance.now();
    ours.screen({ text: c, kind: 'chat' });
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  const chatP = {
    p50: lat[Math.floor(lat.length * 0.5)] ?? 0,
    p95: lat[Math.floor(lat.length * 0.95)] ?? 0,
    p99: lat[Math.floor(lat.length * 0.99)] ?? 0,
  };

  const durationS = Number(args[args.indexOf('--duration') + 1]) || 8;
  const ingest = args.includes('--no-api') ? null : await ingestion(durationS);
  let ingestPg: Awaited<ReturnType<typeof ingestion>> | null = null;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!args.includes('--no-api') && adminUrl) {
    // A database of its own, dropped afterwards: the machine's PostgreSQL outlives the run.
    const name = `livehub_bench_${Date.now().toString(36)}`;
    ingestPg = await withScratchDatabase(adminUrl, name, (url) => ingestion(durationS, url, process.env.BENCH_REDIS_URL ?? ''));
  }

  const ratio = Math.round((cps(o) / cps(m)) * 100) / 100;
  process.stderr.write(
    `ours ${(cps(o) / 1e6).toFixed(2)} M chars/s | mint-filter ${(cps(m) / 1e6).toFixed(2)} | fastscan ${(cps(f) / 1e6).toFixed(2)} | ratio ${ratio} | chat p99 ${(chatP.p99 * 1000).toFixed(1)} µs\n`,
  );
  return {
    ratio,
    ratio_basis:
      'our chars/s (all normalization on) ÷ mint-filter chars/s (no normalization), same dictionary and text, same process, best of 7 interleaved runs each',
    ratio_vs_fastscan: Math.round((cps(o) / cps(f)) * 100) / 100,
    ours_chars_per_s: cps(o),
    mint_filter_chars_per_s: cps(m),
    fastscan_chars_per_s: cps(f),
    ours_hits: o.found,
    mint_filter_hits: m.found,
    fastscan_hits: f.found,
    dictionary_terms: dictionary.length,
    automaton_patterns: ours.stats.patterns,
    automaton_states: ours.stats.states,
    text_bytes: bytes,
    text_chars: chars,
    documents: docs.length,
    build_ms: { ours: Math.round(oursBuildMs), mint_filter: Math.round(mintBuildMs), fastscan: Math.round(fastBuildMs) },
    chat50_p50_ms: Math.round(chatP.p50 * 10000) / 10000,
    chat50_p95_ms: Math.round(chatP.p95 * 10000) / 10000,
    p99_ms: Math.round(chatP.p99 * 10000) / 10000,
    p99_basis: '50-character chat message, in-process decision',
    ...(ingest
      ? {
          ingest_events_per_s: ingest.events_per_s,
          ingest_errors: ingest.errors,
          ingest_p50_ms: ingest.p50_ms,
          ingest_p95_ms: ingest.p95_ms,
          ingest_p99_ms: ingest.p99_ms,
          ingest_basis: 'POST /api/compliance/events over HTTP, bearer token, 20 connections, PGlite, one server process',
        }
      : {}),
    ...(ingestPg
      ? {
          postgres_ingest_events_per_s: ingestPg.events_per_s,
          postgres_ingest_errors: ingestPg.errors,
          postgres_ingest_p50_ms: ingestPg.p50_ms,
          postgres_ingest_p99_ms: ingestPg.p99_ms,
        }
      : {}),
  };
}
