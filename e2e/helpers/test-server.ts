/**
 * A real LiveHub server on a random loopback port with the demo data and the built web app, for tests that go
 * over HTTP, WebSocket or a browser.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { Clock } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';

export interface TestServer {
  baseUrl: string;
  platform: TestPlatform;
  close(): Promise<void>;
}

/** A loopback port free right now (for a server that must know its own URL before it listens). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const addr = probe.address();
      const port = addr && typeof addr !== 'string' ? addr.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `publicUrl`: the server is told the URL it is reached at (LIVEHUB_PUBLIC_URL); without it the links it hands out
 * (the simulated payment provider's page and its way back to the order) follow the request's own origin.
 */
export interface TestServerOptions {
  publicUrl?: boolean;
  /** the platform's clock (a test that lets days pass: return windows, T+N releases); the system's by default */
  clock?: Clock;
  /** more configuration (environment variables), e.g. LIVEHUB_SETTLEMENT_DELAY_DAYS */
  env?: Record<string, string>;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const port = opts.publicUrl ? await freePort() : 0;
  const platform = await createTestPlatform({
    seed: true,
    serveWeb: true,
    // Each browser context and HTTP sign-in of a test stands for its own client (its own X-Forwarded-For, as a
    // proxy in front would send), so a file's many sign-ins do not add up on one address's sign-in limit.
    env: { LIVEHUB_TRUST_PROXY: 'loopback', ...(opts.publicUrl ? { LIVEHUB_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}), ...opts.env },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await platform.app.listen({ port, host: '127.0.0.1' });
  const addr = platform.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return { baseUrl: `http://127.0.0.1:${addr.port}`, platform, close: () => platform.close() };
}

/** Browser tests skip only outside CI when Chromium is missing (scripts/test.mjs sets this). */
export const browserAvailable = process.env.LIVEHUB_SKIP_BROWSER !== '1';

/**
 * Video tests need ffmpeg on PATH. Without it they are skipped outside CI (scripts/test.mjs sets
 * LIVEHUB_SKIP_FFMPEG and says so) and fail under CI=true, which installs it (.ci/run).
 */
export function ffmpegStatus(): 'ok' | 'skip' | 'missing' {
  const found =
    process.env.LIVEHUB_SKIP_FFMPEG !== '1' && spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0;
  if (found) return 'ok';
  return process.env.CI === 'true' ? 'missing' : 'skip';
}
