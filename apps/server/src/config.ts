/**
 * Configuration, parsed once at start-up from the environment. Secrets that are not given are generated into the
 * data directory on first run (mode 0600) and reused after, so a laptop needs no setup and nothing secret is ever
 * committed. Invalid configuration fails fast with every problem listed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const secret = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, { error: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LIVEHUB_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL (leave unset for the embedded PGlite)' })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// URL (leave unset for in-process adapters)' })
    .optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('livehub:'),
  LIVEHUB_SESSION_SECRET: secret.optional(),
  LIVEHUB_PII_KEY: secret.optional(),
  LIVEHUB_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LIVEHUB_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_POOL_WAIT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  LIVEHUB_RTMP_INGEST_URL: z
    .string()
    .regex(/^rtmps?:\/\//, { error: 'must be an rtmp:// URL' })
    .optional(),
  LIVEHUB_RTMP_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)], {
      error: 'must be a port number, or 0 / off to run without the embedded media server',
    })
    .default(1935),
  LIVEHUB_FLV_PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  LIVEHUB_PLAYBACK_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, { error: 'must be an http(s):// URL without query' })
    .optional(),
  LIVEHUB_HLS_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, { error: 'must be an http(s):// URL without query' })
    .optional(),
  LIVEHUB_PUBLISH_HOOK_SECRET: z.string().min(24, { error: 'must be at least 24 characters (openssl rand -hex 24)' }).optional(),
  LIVEHUB_TRUST_PROXY: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), {
      error: 'must be a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.5,172.16.0.0/12), or loopback',
    })
    .optional(),
  LIVEHUB_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+$/, { error: 'must be an http(s):// origin without a path' })
    .optional(),
  /** a payout of at least this many fen waits for a platform admin's approval (default ¥50,000) */
  LIVEHUB_PAYOUT_APPROVAL_FEN: z.coerce.number().int().min(1).default(5_000_000),
  /** 先行赔付金警戒线 in fen: a payout leaving the advance-compensation fund below it raises an alert (50,000 yuan) */
  LIVEHUB_FUND_FLOOR_FEN: z.coerce.number().int().min(0).default(5_000_000),
  /**
   * 物流推送密钥: the key carriers sign tracking pushes with (HMAC-SHA256 over the raw body), base64, at least 16 bytes;
   * unset: derived from the session secret (the built-in simulated carrier signs with the same)
   */
  LIVEHUB_LOGISTICS_PUSH_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=]{22,}$/)
    .optional(),
  /** the share of the simulated carrier's packages that end in an exception (疑难/退回), 0–1 */
  LIVEHUB_SIM_CARRIER_EXCEPTION_RATE: z.coerce.number().min(0).max(1).default(0.03),
  /** payout accounts whose number ends with one of these (comma-separated) fail in the simulated payout provider */
  LIVEHUB_SIM_PAYOUT_FAIL_SUFFIXES: z
    .string()
    .default('0000')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** names the simulated identity authority answers 不一致 for (comma-separated; docs/matching.md) */
  LIVEHUB_SIM_IDENTITY_MISMATCH_NAMES: z
    .string()
    .default('张不符,李不符')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** names the simulated identity authority never answers for: a timeout, the caller's 503 (comma-separated) */
  LIVEHUB_SIM_IDENTITY_OUTAGE_NAMES: z
    .string()
    .default('王超时')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** the simulated identity authority's round trip in ms (real providers: about 100–500 ms) */
  LIVEHUB_SIM_IDENTITY_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  LIVEHUB_ORDER_PAY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LIVEHUB_FLASH_PAY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  LIVEHUB_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  LIVEHUB_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LIVEHUB_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),
  LIVEHUB_PRESSURE_RETRY_AFTER_S: z.coerce.number().int().min(1).max(3600).default(5),
  LIVEHUB_PRESSURE_SAMPLE_MS: z.coerce.number().int().min(5).max(10_000).default(500),
  /** seconds between two runs of the time-driven work (sweeps, completions, the settle job, payout resends) */
  LIVEHUB_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** 人货匹配: hours between scheduled trainings of the learned model (0: on demand only), the hour of day (China
   * time) a daily one runs at, and the fewest new interactions that make one worth it (docs/matching.md) */
  LIVEHUB_MATCHING_RETRAIN_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
  LIVEHUB_MATCHING_RETRAIN_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  LIVEHUB_MATCHING_RETRAIN_MIN_EVENTS: z.coerce.number().int().min(0).max(10_000_000).default(20),
  /** T+N: days after an order completes before its pending shares become available */
  LIVEHUB_SETTLEMENT_DELAY_DAYS: z.coerce.number().int().min(0).max(90).default(1),
  /** the platform fee (平台服务费) of a category without a rate of its own, in basis points */
  LIVEHUB_PLATFORM_FEE_BP: z.coerce.number().int().min(0).max(10_000).default(500),
  LIVEHUB_FLASH_SOLD_OUT_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** this installation's region for cross-region sharing (行政区划代码 and name; docs/supervision.md) */
  LIVEHUB_REGION_CODE: z
    .string()
    .regex(/^\d{6}$/, { error: 'a 6-digit administrative division code (行政区划代码)' })
    .default('310114'),
  LIVEHUB_REGION_NAME: z.string().trim().min(2).max(100).default('上海市嘉定区'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  sessionSecret: Buffer;
  piiKey: Buffer;
  cookieSecure: boolean;
  /** T+N release of an order's pending shares, in days after completion (LIVEHUB_SETTLEMENT_DELAY_DAYS, default 1) */
  settlementDelayDays: number;
  /** seconds between two ticks of `livehub serve` (LIVEHUB_TICK_SECONDS, default 60) */
  tickSeconds: number;
  /** when the tick retrains the matching model (LIVEHUB_MATCHING_RETRAIN_HOURS / _HOUR / _MIN_EVENTS) */
  matchingRetrain?: { intervalHours: number; quietHourCst: number; minNewInteractions: number };
  /** the default platform fee in basis points (LIVEHUB_PLATFORM_FEE_BP, default 500) */
  defaultFeeBp: number;
  seedDemo: 'auto' | 'never';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dbPoolSize: number;
  /** how long a query waits for a free PostgreSQL connection before the request is answered 503 */
  dbPoolWaitMs: number;
  /** where streamers' encoders (OBS) publish: shown in the streamer console */
  rtmpIngestUrl: string;
  /** the embedded media server's RTMP port (null: not started — an external media server, or no video) */
  rtmpPort: number | null;
  /** the embedded media server's HTTP-FLV port */
  flvPort: number;
  /** playback: `<base>/<sessionId>.flv` (HTTP-FLV) and, when an HLS base is set, `<hls base>/<sessionId>.m3u8` */
  playbackBaseUrl: string;
  hlsBaseUrl: string | null;
  /**
   * playback URLs were given (LIVEHUB_PLAYBACK_BASE_URL / LIVEHUB_HLS_BASE_URL): an external media server may be
   * streaming without telling the platform, unless it calls the publish hooks
   */
  externalPlayback: boolean;
  /** shared secret of the SRS / nginx-rtmp publish callbacks (null: those routes answer 404) */
  publishHookSecret: string | null;
  /**
   * where people reach the web app (the payment page and its way back to an order); null: derived from each request
   * when it names a host this server serves (http/public-origin.ts)
   */
  publicBaseUrl: string | null;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (empty: none — the client address is the
   * socket's). Trusting it from anyone would let any client pick the address the sign-in limits count.
   */
  trustProxy: string[];
  /** minutes an order may stay unpaid (flash-sale orders: flashPayMinutes) before its stock goes back */
  payMinutes: number;
  /** a payout of at least this many fen waits for approval */
  payoutApprovalFen: number;
  /** the advance-compensation fund's alert floor in fen (先行赔付金警戒线) */
  fundFloorFen: number;
  /** this installation's region (cross-region sharing) */
  region: { code: string; name: string };
  /** account-number endings the simulated payout provider fails */
  simPayoutFailSuffixes: string[];
  /** the simulated identity authority (二要素): names answered 不一致, names never answered, the round trip */
  simIdentity: { mismatchNames: string[]; outageNames: string[]; latencyMs: number };
  /** the key tracking pushes are signed with (LIVEHUB_LOGISTICS_PUSH_KEY, or derived from the session secret) */
  logisticsPushKey: Buffer;
  /** the share of the simulated carrier's packages ending in an exception */
  simCarrierExceptionRate: number;
  flashPayMinutes: number;
  /** how long a flash sale's sold-out mark is trusted without a fresh answer from its counter (ADR 0011) */
  flashSoldOutMs: number;
  /** how long a resolved session is reused without a database query (0: never); changes reach every process at once */
  authCacheMs: number;
  /**
   * The event-loop guard: above this mean event-loop delay (ms) or utilization (0–1), sampled every `sampleMs`,
   * requests other than /api/health are answered 503 with Retry-After (0 turns a limit off).
   */
  pressure: { maxEventLoopDelayMs: number; maxEventLoopUtilization: number; retryAfterS: number; sampleMs: number };
  /** where secrets came from, for the start-up banner */
  secretsFile: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=` in a .env file) means unset, not an invalid value.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.LIVEHUB_DATA_DIR);
  const rtmpPort = e.LIVEHUB_RTMP_PORT === 'off' || e.LIVEHUB_RTMP_PORT === 0 ? null : e.LIVEHUB_RTMP_PORT;
  let secretsFile: string | null = null;
  let sessionSecret = e.LIVEHUB_SESSION_SECRET;
  let piiKey = e.LIVEHUB_PII_KEY;
  if (!sessionSecret || !piiKey) {
    const stored = loadOrCreateSecrets(dataDir);
    secretsFile = stored.file;
    sessionSecret ??= stored.sessionSecret;
    piiKey ??= stored.piiKey;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: Buffer.from(sessionSecret, 'base64'),
    piiKey: Buffer.from(piiKey, 'base64'),
    cookieSecure: e.LIVEHUB_COOKIE_SECURE === 'true',
    seedDemo: e.LIVEHUB_SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    dbPoolWaitMs: e.DB_POOL_WAIT_MS,
    rtmpIngestUrl: e.LIVEHUB_RTMP_INGEST_URL ?? `rtmp://localhost:${rtmpPort ?? 1935}/live`,
    rtmpPort,
    flvPort: e.LIVEHUB_FLV_PORT,
    playbackBaseUrl: trimSlash(e.LIVEHUB_PLAYBACK_BASE_URL ?? `http://localhost:${e.LIVEHUB_FLV_PORT}/live`),
    hlsBaseUrl: e.LIVEHUB_HLS_BASE_URL ? trimSlash(e.LIVEHUB_HLS_BASE_URL) : null,
    externalPlayback: Boolean(e.LIVEHUB_PLAYBACK_BASE_URL || e.LIVEHUB_HLS_BASE_URL),
    publishHookSecret: e.LIVEHUB_PUBLISH_HOOK_SECRET ?? null,
    publicBaseUrl: e.LIVEHUB_PUBLIC_URL ?? null,
    trustProxy: e.LIVEHUB_TRUST_PROXY ?? [],
    payMinutes: e.LIVEHUB_ORDER_PAY_MINUTES,
    settlementDelayDays: e.LIVEHUB_SETTLEMENT_DELAY_DAYS,
    tickSeconds: e.LIVEHUB_TICK_SECONDS,
    matchingRetrain: {
      intervalHours: e.LIVEHUB_MATCHING_RETRAIN_HOURS,
      quietHourCst: e.LIVEHUB_MATCHING_RETRAIN_HOUR,
      minNewInteractions: e.LIVEHUB_MATCHING_RETRAIN_MIN_EVENTS,
    },
    defaultFeeBp: e.LIVEHUB_PLATFORM_FEE_BP,
    payoutApprovalFen: e.LIVEHUB_PAYOUT_APPROVAL_FEN,
    fundFloorFen: e.LIVEHUB_FUND_FLOOR_FEN,
    region: { code: e.LIVEHUB_REGION_CODE, name: e.LIVEHUB_REGION_NAME },
    simPayoutFailSuffixes: e.LIVEHUB_SIM_PAYOUT_FAIL_SUFFIXES,
    simIdentity: {
      mismatchNames: e.LIVEHUB_SIM_IDENTITY_MISMATCH_NAMES,
      outageNames: e.LIVEHUB_SIM_IDENTITY_OUTAGE_NAMES,
      latencyMs: e.LIVEHUB_SIM_IDENTITY_LATENCY_MS,
    },
    logisticsPushKey: e.LIVEHUB_LOGISTICS_PUSH_KEY
      ? Buffer.from(e.LIVEHUB_LOGISTICS_PUSH_KEY, 'base64')
      : createHmac('sha256', Buffer.from(sessionSecret, 'base64')).update('livehub:logistics-push').digest(),
    simCarrierExceptionRate: e.LIVEHUB_SIM_CARRIER_EXCEPTION_RATE,
    flashPayMinutes: e.LIVEHUB_FLASH_PAY_MINUTES,
    flashSoldOutMs: e.LIVEHUB_FLASH_SOLD_OUT_MS,
    authCacheMs: e.LIVEHUB_AUTH_CACHE_MS,
    pressure: {
      maxEventLoopDelayMs: e.LIVEHUB_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: e.LIVEHUB_MAX_EVENT_LOOP_UTILIZATION,
      retryAfterS: e.LIVEHUB_PRESSURE_RETRY_AFTER_S,
      sampleMs: e.LIVEHUB_PRESSURE_SAMPLE_MS,
    },
    secretsFile,
  };
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** An IP address, a CIDR range, or one of proxy-addr's named ranges (loopback, linklocal, uniquelocal). */
function isProxyAddress(entry: string): boolean {
  if (entry === 'loopback' || entry === 'linklocal' || entry === 'uniquelocal') return true;
  const [addr = '', prefix, ...rest] = entry.split('/');
  const kind = isIP(addr);
  if (kind === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (kind === 4 ? 32 : 128);
}

const storedSecretsSchema = z.object({ sessionSecret: secret, piiKey: secret });

function loadOrCreateSecrets(dataDir: string): { file: string; sessionSecret: string; piiKey: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = storedSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new ConfigError([`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`]);
    return { file, ...parsed.data };
  }
  mkdirSync(dataDir, { recursive: true });
  const created = { sessionSecret: randomBytes(32).toString('base64'), piiKey: randomBytes(32).toString('base64') };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return { file, ...created };
}
