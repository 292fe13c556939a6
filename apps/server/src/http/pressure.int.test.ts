/**
 * The event-loop guard: while the event loop is saturated, requests are refused at once with 503, Retry-After and
 * the coded bilingual `server.overloaded` body, while GET /api/health is still answered; once the loop recovers,
 * requests are served again. The saturation is real: a timer that keeps the loop busy far beyond the configured
 * limit (20 ms of mean delay), sampled every 20 ms.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let merchant: TestSession;

beforeAll(async () => {
  p = await createTestPlatform({
    seed: true,
    env: {
      LIVEHUB_MAX_EVENT_LOOP_DELAY_MS: '20',
      LIVEHUB_MAX_EVENT_LOOP_UTILIZATION: '0',
      LIVEHUB_PRESSURE_SAMPLE_MS: '20',
      LIVEHUB_PRESSURE_RETRY_AFTER_S: '7',
    },
  });
  // the seed itself kept the loop busy: sign in once the guard has seen it calm down
  await calm();
  merchant = await p.login('merchant');
});
afterAll(async () => p?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a plain request is no longer refused (the test's timeout bounds it). */
async function calm(): Promise<void> {
  while ((await p.app.inject({ method: 'GET', url: '/api/catalog/categories' })).statusCode === 503) await sleep(20);
}

/** Keeps the event loop busy: 100 ms of synchronous work on every timer turn, until stopped. */
function saturate(): () => void {
  const timer = setInterval(() => {
    const until = performance.now() + 100;
    while (performance.now() < until) {
      // busy: what a synchronous hot path does to every other request
    }
  }, 1);
  return () => clearInterval(timer);
}

async function products(lang: string) {
  return p.app.inject({ method: 'GET', url: '/api/catalog/products', headers: { ...merchant.headers(false), 'accept-language': lang } });
}

describe('the event-loop guard', () => {
  it('refuses with 503 + Retry-After + a bilingual coded body under pressure, answers /api/health, and recovers', async () => {
    await calm();
    expect((await products('zh-CN')).statusCode).toBe(200);
    const stop = saturate();
    try {
      // wait until the guard has sampled the saturated loop (the test's own timeout bounds this)
      let refused = await products('zh-CN');
      while (refused.statusCode !== 503) {
        await sleep(10);
        refused = await products('zh-CN');
      }
      expect(refused.headers['retry-after']).toBe('7');
      expect(refused.json()).toEqual({ error: { code: 'server.overloaded', message: '服务器繁忙，请 7 秒后重试' } });
      const [en, health] = await Promise.all([products('en-US'), p.app.inject({ method: 'GET', url: '/api/health' })]);
      expect(en.statusCode).toBe(503);
      expect(en.json().error.message).toBe('The server is overloaded: try again in 7 s');
      expect(health.statusCode).toBe(200);
      expect(health.json().status).toBe('ok');
    } finally {
      stop();
    }
    let served = await products('zh-CN');
    while (served.statusCode !== 200) {
      await sleep(20);
      served = await products('zh-CN');
    }
    expect(served.json().length).toBeGreaterThan(0);
  });
});
