/**
 * Browser test of the human review console (技术+人工实时审核): live events ingested over the API land in the review
 * queue; a reviewer sees the hits highlighted with live SLA countdowns, claims and confirms one (→ violation with
 * an evidence hash), verifies the evidence chain, dismisses another and meets a 409 on an item another reviewer
 * holds; a viewer's repeated message shows as one row 「重复 N 次」 with the session and sender by name, and two rows are
 * dismissed in one batch; the rule pack browser screens a line; a merchant is refused the queue. Assertions do not depend on the
 * exact content of the rule pack (at least one hit, not exact counts). Screenshots go to __screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, login, screenshot } = suite;

const SESSION = 'live-rv-20260101-001';

/** review item ids created by the seeded events, in ingest order */
let itemIds: string[] = [];

const SAMPLE_EVENTS = [
  { eventId: 'rv-ctx-1', kind: 'transcript', text: '欢迎来到直播间，今天给大家带来一款新面霜', offsetS: 0 },
  { eventId: 'rv-1', kind: 'chat', text: '家人们加我薇信 vx123456 私聊', offsetS: 10 },
  { eventId: 'rv-2', kind: 'transcript', text: '这款面霜是全网最低价，效果最好', offsetS: 20 },
  { eventId: 'rv-3', kind: 'transcript', text: '吃了这个保证治愈糖尿病，加微信下单', offsetS: 30 },
] as const;

async function api<T>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${suite.baseUrl}${url}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** Ingests the sample lines as one live session; returns the review item ids they opened. */
async function ingestSamples(prefix: string): Promise<string[]> {
  const admin = await suite.server.platform.login('admin');
  const base = Date.now() - 60_000;
  const ids: string[] = [];
  for (const e of SAMPLE_EVENTS) {
    const r = await api<{ reviewItemId: string | null }>('POST', '/api/compliance/events', admin.headers(), {
      eventId: `${prefix}${e.eventId}`,
      kind: e.kind,
      text: e.text,
      sessionRef: SESSION,
      occurredAt: new Date(base + e.offsetS * 1000).toISOString(),
    });
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    if (r.json.reviewItemId) ids.push(r.json.reviewItemId);
  }
  return ids;
}

async function openItem(page: Page, id: string): Promise<void> {
  await openFromNav(page, 'review', '/review');
  await page.locator(`[data-testid="review-row"][data-item-id="${id}"]`).click();
  await page.waitForURL((url) => url.pathname === `/review/${id}`);
  await page.locator(`[data-testid="review-item-page"][data-item-id="${id}"]`).waitFor();
}

async function decide(page: Page, button: 'confirm-button' | 'dismiss-button', reason: string): Promise<void> {
  await page.getByTestId(button).click();
  const reasonBox = page.getByTestId('decision-reason');
  await reasonBox.waitFor();
  // validation as you type: one character is too short and the submit stays disabled
  await reasonBox.fill('违');
  await page.getByText('理由至少 2 个字').waitFor();
  expect(await page.getByTestId('decision-submit').isDisabled()).toBe(true);
  await reasonBox.fill(reason);
  await expect.poll(() => page.getByTestId('decision-submit').isDisabled()).toBe(false);
  await page.getByTestId('decision-submit').click();
}

describe.skipIf(!browserAvailable)('review console', () => {
  suite.aroundTests({
    setUp: async () => {
      // The default rule pack must open review items for these lines: if it stops doing so, this test should fail.
      itemIds = await ingestSamples('');
      expect(itemIds.length).toBeGreaterThanOrEqual(3);
    },
  });

  it('reviewer works the queue: highlighted hits, live SLA, claim, confirm, evidence chain, dismiss, 409', async () => {
    const [first, second, third] = itemIds as [string, string, string];
    const page = await freshPage();
    await login(page, 'reviewer');

    // the queue: every seeded item, hits marked inside the text, a live countdown per row
    await openFromNav(page, 'review', '/review');
    for (const id of itemIds) await page.locator(`[data-testid="review-row"][data-item-id="${id}"]`).waitFor();
    expect(await page.getByTestId('review-row').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('review-text').locator('[data-testid="hit-mark"]').count()).toBeGreaterThanOrEqual(1);
    const firstMark = (await page.getByTestId('hit-mark').first().textContent()) ?? '';
    expect(firstMark.length).toBeGreaterThan(0);
    const countdown = page.locator(`[data-testid="review-row"][data-item-id="${first}"] [data-testid="sla-countdown"]`);
    const before = (await countdown.textContent()) ?? '';
    expect(before).toMatch(/剩余 [\d:]+|已超时 \d+ 分钟/);
    // it ticks every second
    await expect.poll(async () => (await countdown.textContent()) ?? '', { timeout: 5000 }).not.toBe(before);
    await screenshot(page, 'review-queue');

    // the item view: numbered hits with their legal basis, the earlier events of the session, claim, confirm
    await openItem(page, first);
    expect(await page.getByTestId('review-text').getByTestId('hit-mark').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('hit-detail').count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId('review-context').getByTestId('context-event').first().waitFor();
    expect(await page.getByTestId('review-context').textContent()).toContain('欢迎来到直播间');
    await page.getByTestId('claim-button').click();
    await page.getByTestId('claimed-by-me').waitFor();
    await decide(page, 'confirm-button', '主播在弹幕中引导观众添加微信私下交易，证据确凿');
    const result = page.getByTestId('decision-result');
    await result.waitFor();
    expect(await result.getAttribute('data-decision')).toBe('confirm');
    const violationId = ((await page.getByTestId('violation-id').textContent()) ?? '').trim();
    const evidenceHash = ((await page.getByTestId('evidence-hash').textContent()) ?? '').trim();
    expect(violationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(evidenceHash).toMatch(/^[0-9a-f]{64}$/);
    await page.locator('[data-testid="review-item-page"][data-status="confirmed"]').waitFor();
    await screenshot(page, 'review-item');

    // violations: the new one with its evidence hash prefix, and the chain verifies
    await openFromNav(page, 'violations', '/violations');
    await page.locator(`[data-testid="violation-row"][data-violation-id="${violationId}"]`).waitFor();
    expect(await page.locator(`[data-violation-id="${violationId}"] [data-testid="violation-evidence-hash"]`).textContent()).toBe(
      evidenceHash.slice(0, 12),
    );
    await page.getByTestId('evidence-verify').click();
    const verified = page.getByTestId('evidence-verify-result');
    await verified.waitFor();
    expect(await verified.getAttribute('data-ok')).toBe('true');
    expect(await verified.textContent()).toContain('证据链完整');
    await screenshot(page, 'violations');

    // dismiss another item with a reason (no claim needed while it is open)
    await openItem(page, second);
    await decide(page, 'dismiss-button', '语境正常，属于误报');
    await page.locator('[data-testid="decision-result"][data-decision="dismiss"]').waitFor();
    await page.locator('[data-testid="review-item-page"][data-status="dismissed"]').waitFor();
    // a reviewer is not a rule editor: no exemption button
    expect(await page.getByTestId('exemption-button').count()).toBe(0);

    // another reviewer (the admin, over the API) claims the third item: claiming it here is a clear 409 message
    await openItem(page, third);
    const admin = await suite.server.platform.login('admin');
    const claimed = await api<{ status: string }>('POST', `/api/review/items/${third}/claim`, admin.headers());
    expect(claimed.status).toBe(200);
    await page.getByTestId('claim-button').click();
    const conflict = page.getByTestId('review-action-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('其他审核员');
  });

  it('groups a viewer repeating one message as 重复 N 次, names the session, and batch-dismisses two items', async () => {
    const admin = await suite.server.platform.login('admin');
    const consumer = await suite.server.platform.login('consumer');
    const live = await suite.server.platform.c.uow.read.live.listSessions({ status: ['live'], limit: 20 });
    const room = live.find((s) => s.title.startsWith('盐池滩羊'));
    if (!room) throw new Error('the demo data has no live room');
    const send = async (eventId: string, text: string) => {
      const r = await api<{ reviewItemId: string | null }>('POST', '/api/compliance/events', admin.headers(), {
        eventId,
        kind: 'chat',
        text,
        sessionRef: room.id,
        senderUserId: consumer.me.user.id,
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      return r.json.reviewItemId as string;
    };
    // a simulated viewer floods the room with one message, and sends another one once
    const flood = [
      await send('bt-1', '加我薇信 flood888 便宜卖'),
      await send('bt-2', '加我薇信 flood888 便宜卖'),
      await send('bt-3', '加我薇信flood888便宜卖'),
    ];
    expect(new Set(flood).size).toBe(1);
    const spam = flood[0] as string;
    const once = await send('bt-4', '私聊我 vx once777 下单');
    expect(once).not.toBe(spam);

    const page = await freshPage();
    await login(page, 'reviewer');
    await openFromNav(page, 'review', '/review');
    const spamRow = page.locator(`[data-testid="review-row"][data-item-id="${spam}"]`);
    const onceRow = page.locator(`[data-testid="review-row"][data-item-id="${once}"]`);
    await spamRow.waitFor();
    expect(await spamRow.getByTestId('review-occurrences').textContent()).toBe('重复 3 次');
    // names, not ids: the session's title and the sender's display name
    expect(await spamRow.getByTestId('review-session-name').textContent()).toBe(room.title);
    const senderName = (await suite.server.platform.c.uow.read.users.findById(consumer.me.user.id))?.displayName ?? '';
    expect(await spamRow.getByTestId('review-sender').textContent()).toBe(senderName);
    expect(await spamRow.textContent()).not.toContain(room.id);

    // tick two rows (ticking does not open the item), then dismiss both in one request
    await spamRow.locator('.ant-checkbox-input').click();
    await onceRow.locator('.ant-checkbox-input').click();
    expect(new URL(page.url()).pathname).toBe('/review');
    await page.getByTestId('review-batch-bar').waitFor();
    expect(await page.getByTestId('review-batch-count').getAttribute('data-count')).toBe('2');
    await screenshot(page, 'review-queue-batch');
    await page.getByTestId('review-batch-dismiss').click();
    await page.getByTestId('decision-reason').fill('模拟观众刷屏，非主播违规');
    await expect.poll(() => page.getByTestId('decision-submit').isDisabled()).toBe(false);
    await page.getByTestId('decision-submit').click();
    // the toast, or the error the page shows instead (a conflict banner or the modal's error), whichever comes first;
    // the toast lasts three seconds, so the rows leaving the queue below are the durable sign
    const outcome = page
      .getByText('已处理 2 项')
      .or(page.getByTestId('review-batch-conflict'))
      .or(page.getByTestId('decision-error'))
      .first();
    await outcome.waitFor({ timeout: 45_000 });
    expect(await outcome.textContent()).toBe('已处理 2 项');
    // the pending queue no longer lists them; over the API both are dismissed, by this reviewer
    await spamRow.waitFor({ state: 'detached', timeout: 30_000 });
    await onceRow.waitFor({ state: 'detached', timeout: 30_000 });
    for (const id of [spam, once]) {
      const item = await api<{ status: string; decidedByName: string | null; occurrences: number }>(
        'GET',
        `/api/review/items/${id}`,
        admin.headers(false),
      );
      expect(item.json.status).toBe('dismissed');
      expect(item.json.decidedByName).toEqual(expect.any(String));
    }
  });

  it('platform admin turns a dismissal into an exemption', async () => {
    const page = await freshPage();
    await login(page, 'admin');
    await page.goto(`${suite.baseUrl}/review/${itemIds[1]}`);
    await page.locator('[data-testid="review-item-page"][data-status="dismissed"]').waitFor();
    await page.getByTestId('exemption-button').click();
    const text = page.getByTestId('exemption-text');
    await text.waitFor();
    expect(((await text.inputValue()) ?? '').length).toBeGreaterThan(0);
    await page.getByTestId('exemption-submit').click();
    await page.getByText('豁免词已添加').waitFor();
  });

  it('rule pack browser lists rules and screens a line in 试一试', async () => {
    const page = await freshPage();
    await login(page, 'reviewer');
    await openFromNav(page, 'rules', '/rules');
    await page.getByTestId('rule-pack-header').waitFor();
    await page.getByTestId('rule-row').first().waitFor();
    expect(await page.getByTestId('rule-row').count()).toBeGreaterThanOrEqual(1);
    // expand the first rule: its terms / exemptions
    await page.getByTestId('rule-row').first().locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('rule-detail').first().waitFor();

    await page.getByTestId('try-text').fill('家人们加我薇信，这是全网最好的面霜，全网最低价');
    await page.getByTestId('try-submit').click();
    const tryResult = page.getByTestId('try-result');
    await tryResult.waitFor();
    expect(await tryResult.getAttribute('data-decision')).toMatch(/^(allow|warn|review|block)$/);
    expect(await tryResult.getByTestId('hit-mark').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'rules', false);
  });

  it('merchant cannot open the review queue but sees its own violations and the rule pack', async () => {
    const page = await freshPage();
    await login(page, 'merchant');
    expect(await page.getByTestId('nav-review').count()).toBe(0);
    await page.getByTestId('nav-violations').waitFor();
    await page.getByTestId('nav-rules').waitFor();

    await page.goto(`${suite.baseUrl}/review`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').textContent()).toContain('403');

    await openFromNav(page, 'violations', '/violations');
    await page.getByTestId('violations-table').waitFor();
    expect(await page.getByTestId('evidence-verify').count()).toBe(0);
  });
});
