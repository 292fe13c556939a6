/**
 * Browser test of 举报: a viewer who is not signed in opens a live room, reports it (category, description, phone) and
 * gets the tracking code with its copy button; on 举报查询 the code shows the report received. A reviewer opens
 * 举报受理 from the menu, sees the report (the reporter only as 匿名, the phone masked, the room by its title — no raw
 * ids), starts checking it and finds it unsubstantiated with a reason; 举报查询 then shows the outcome. The demo
 * consumer's 我的举报 lists the seeded reports with their outcomes, and a product on a room's shelf opens the form with
 * the evidence upload a signed-in reporter has. Screenshots go to e2e/browser/__screenshots__/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFromNav, screenshotDir, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 90_000 };
const DESCRIPTION = '主播在直播间里说“吃了能治高血压”，普通食品这样宣传不对';

describe.skipIf(!browserAvailable)('reports (举报)', () => {
  suite.aroundTests();

  it(
    'an anonymous viewer reports a live room and tracks it; a reviewer handles it; the tracking page shows the outcome',
    SLOW,
    async () => {
      const p = suite.server.platform;
      const [session] = await p.c.uow.read.live.listSessions({ status: ['live'], limit: 1 });
      if (!session) throw new Error('the demo data has no live session');

      // 举报 from the room, not signed in
      const viewer = await suite.freshPage();
      await viewer.goto(`${suite.baseUrl}/live/rooms/${session.id}`);
      await viewer.getByTestId('room-page').waitFor();
      await viewer.getByTestId('room-report').click();
      const dialog = viewer.getByTestId('report-dialog');
      await dialog.getByTestId('report-description').waitFor();
      expect(await dialog.textContent()).toContain('登录后可上传证据');
      await dialog.getByTestId('report-category').click();
      await viewer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '虚假宣传' }).click();
      await dialog.getByTestId('report-description').fill(DESCRIPTION);
      await dialog.getByTestId('report-phone').fill('13912340987');
      await dialog.getByTestId('report-submit').click();
      const codeEl = dialog.getByTestId('report-code');
      await codeEl.waitFor();
      const code = ((await codeEl.textContent()) ?? '').trim();
      expect(code).toMatch(/^JB-[23456789A-HJ-NP-Z]{16}$/);
      expect(await dialog.locator('.ant-typography-copy').count()).toBe(1);
      // the dialog is the point of this one (the suite's screenshot waits for dialogs to close)
      await viewer.screenshot({ path: path.join(screenshotDir, 'reports-filed.png') });

      // 举报查询: received
      await dialog.getByText('去查询').click();
      await viewer.waitForURL((url) => url.pathname === '/reports/track');
      const result = viewer.getByTestId('report-track-result');
      await result.waitFor();
      expect(await result.getByTestId('report-status').getAttribute('data-status')).toBe('received');
      expect(await result.textContent()).toContain('直播间');
      await suite.screenshot(viewer, 'reports-track-received');

      // 举报受理: the reviewer handles it
      const reviewer = await suite.freshPage();
      await suite.login(reviewer, 'reviewer');
      await openFromNav(reviewer, 'reports', '/reports');
      await tablesLoaded(reviewer);
      const row = reviewer.locator('[data-testid="reports-queue"] tr').filter({ hasText: DESCRIPTION });
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('匿名');
      expect(text).toContain('139****0987');
      expect(text).toContain(session.title);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await suite.screenshot(reviewer, 'reports-queue');
      await row.getByTestId('report-review').click();
      await row.locator('[data-testid="report-status"][data-status="under_review"]').waitFor();
      await row.getByTestId('report-unsubstantiate').click();
      const modal = reviewer.getByTestId('report-handle-modal');
      await modal.getByTestId('report-handle-reason').fill('调阅回放，未发现所述宣传内容');
      await modal.getByTestId('report-handle-submit').click();
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(async () => reviewer.locator('[data-testid="reports-queue"] tr').filter({ hasText: DESCRIPTION }).count()).toBe(0);

      // 举报查询 shows the outcome
      await viewer.reload();
      await viewer.locator('[data-testid="report-track-result"] [data-status="unsubstantiated"]').waitFor();
      expect(await viewer.getByTestId('report-track-outcome').textContent()).toBe('调阅回放，未发现所述宣传内容');
      expect(await viewer.getByTestId('report-track-result').textContent()).not.toContain('139');
      await suite.screenshot(viewer, 'reports-track-handled');

      // 我的举报: the demo consumer's reports (seeded through the services), in words, with the outcomes
      const consumer = await suite.freshPage();
      await suite.login(consumer, 'consumer');
      await openFromNav(consumer, 'my-reports', '/reports/mine');
      await consumer.locator('[data-testid="my-reports"] tr').filter({ hasText: '举报属实' }).first().waitFor();
      const mine = (await consumer.getByTestId('my-reports').textContent()) ?? '';
      for (const word of ['举报属实', '举报不属实', '已移交监管', '核查中', '核实划线价无真实成交记录']) expect(mine).toContain(word);
      expect(mine).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|false_advertising|under_review/);
      await suite.screenshot(consumer, 'reports-mine');

      // a product is reported from the room's shelf (the form names it a 商品)
      const withProducts = await p.c.uow.read.live.listSessions({ status: ['live'], limit: 50 });
      let shelfSession: string | null = null;
      for (const s of withProducts) if ((await p.c.uow.read.live.listProducts(s.id)).length > 0) shelfSession = shelfSession ?? s.id;
      if (!shelfSession) throw new Error('the demo data has no live session with products');
      await consumer.goto(`${suite.baseUrl}/live/rooms/${shelfSession}`);
      await consumer.getByTestId('tab-shelf').click();
      await consumer.getByTestId('shelf-report').first().click();
      const productDialog = consumer.getByTestId('report-dialog');
      await productDialog.getByTestId('report-description').waitFor();
      expect(await productDialog.textContent()).toContain('举报商品');
      // signed in: evidence may be attached
      expect(await productDialog.getByTestId('doc-upload-other').count()).toBe(1);
      // once the dialog has finished zooming in
      await expect.poll(() => consumer.locator('.ant-modal[class*="zoom"]').count()).toBe(0);
      await consumer.screenshot({ path: path.join(screenshotDir, 'reports-shelf-form.png') });
    },
  );
});
