/**
 * A real LiveHub server on a random loopback port with the demo data and the built web app, for tests that go
 * over HTTP, WebSocket or a browser.
 */
import { spawnSync } from 'node:child_process';
import { createTestPlatform, type TestPlatform } from '@livehub/testing';

export interface TestServer {
  baseUrl: string;
  platform: TestPlatform;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const platform = await createTestPlatform({ seed: true, serveWeb: true });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
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
