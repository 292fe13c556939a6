/**
 * Browser test of 监管线索: complaints pile up against a merchant (the disputes context's events through the
 * outbox) and raise a 投诉激增 clue. 市场监管局's regulator opens 监管线索 from the menu, sees the clue by name in
 * Chinese (风险, 线索类型, 承办部门), opens it (evidence, log), transfers it to 知识产权局 with a reason; it leaves
 * the queue. 知识产权局's regulator finds it in theirs with the transfer in the log, and dismisses it with a reason.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav, pickFromSelect } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 90_000 };

describe.skipIf(!browserAvailable)('supervision clues', () => {
  suite.aroundTests();

  it('a complaint spike becomes a clue; 市场监管局 transfers it to 知识产权局, who dismisses it', SLOW, async () => {
    const p = suite.server.platform;
    const merchant = await p.login('merchant_0005');
    const merchantOrgId = merchant.me.active?.orgId as string;
    const merchantName = (await p.c.uow.read.orgs.findById(merchantOrgId))?.name as string;
    // six complaints filed against the merchant this week, as the disputes context writes them to the outbox
    await p.c.uow.transaction(async (tx) => {
      for (let n = 0; n < 6; n++)
        await tx.outbox.add({
          id: p.c.ids.next(),
          topic: 'disputes.complaint_filed',
          payload: { complaintId: p.c.ids.next(), merchantOrgId, category: 'false_advertising' },
          createdAt: new Date(p.c.clock.now().getTime() - n * 3_600_000),
          publishedAt: null,
        });
    });
    for (;;) {
      const r = await p.c.outbox.dispatch();
      if (r.published === 0 && !r.pending) break;
    }

    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'clues', '/supervision/clues');
    expect(await page.getByTestId('clues-title').textContent()).toBe('监管线索');
    const row = page.getByTestId('clue-row').filter({ hasText: '投诉激增' }).filter({ hasText: merchantName });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('中风险');
    expect(text).toContain('7天内收到投诉 6 件（投诉激增）');
    expect(text).toContain('市场监管局');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await suite.screenshot(page, 'supervision-clues');

    await row.click();
    const drawer = page.getByTestId('clue-drawer');
    await drawer.getByTestId('clue-summary').waitFor();
    // every complaint of the window is evidence
    expect(await drawer.getByTestId('clue-evidence').locator('.ant-list-item').count()).toBe(6);
    expect(await drawer.getByTestId('clue-evidence').textContent()).toContain('消费者投诉');
    expect(await drawer.getByTestId('clue-log').textContent()).toContain('发现线索');
    await suite.screenshot(page, 'supervision-clue-drawer');

    await drawer.getByTestId('clue-transfer').click();
    const modal = page.getByTestId('clue-transfer-modal');
    // the select sits in a dialog that may still be opening: pick until it shows the department (pickFromSelect)
    const department = modal.getByTestId('clue-transfer-department');
    await pickFromSelect(
      page,
      department,
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '知识产权局' }),
    );
    await department.getByText('知识产权局').waitFor();
    await modal.getByTestId('clue-transfer-reason').fill('涉及假冒注册商标，属知识产权局职责');
    await page.getByTestId('clue-transfer-submit').click();
    await page.getByText('已移送至知识产权局').waitFor();
    await row.waitFor({ state: 'detached' });

    // 知识产权局 finds it in its queue, with the transfer in the log, and dismisses it
    const ipo = await suite.freshPage();
    await suite.login(ipo, 'reg_ipo');
    await openFromNav(ipo, 'clues', '/supervision/clues');
    const theirs = ipo.getByTestId('clue-row').filter({ hasText: merchantName }).filter({ hasText: '投诉激增' });
    await theirs.waitFor();
    expect(await theirs.getByTestId('clue-department').textContent()).toBe('知识产权局');
    await theirs.click();
    const log = ipo.getByTestId('clue-log');
    await expect.poll(async () => (await log.textContent()) ?? '').toContain('市场监管局 → 知识产权局');
    expect(await log.textContent()).toContain('涉及假冒注册商标，属知识产权局职责');
    await ipo.getByTestId('clue-dismiss').click();
    await ipo.getByTestId('clue-dismiss-reason').fill('经核查，所涉商品有品牌授权，不构成侵权');
    await expect.poll(() => ipo.getByTestId('clue-dismiss-submit').isDisabled()).toBe(false);
    await ipo.getByTestId('clue-dismiss-submit').click();
    await ipo.getByText('已不予立案').waitFor();
    await suite.screenshot(ipo, 'supervision-clue-dismissed');
    const clues = await p.call(await p.login('reg_ipo'), 'GET', '/api/supervision/clues?status=dismissed&rule=complaint_spike');
    expect(
      clues.body.items.some(
        (c: { subjectId: string; closingReason: string }) => c.subjectId === merchantOrgId && c.closingReason.includes('品牌授权'),
      ),
    ).toBe(true);
  });

  it('市场监管局 shares a clue with 商务委, who reads it read-only; the read is in 市场监管局’s sharing log', SLOW, async () => {
    const p = suite.server.platform;
    const merchant = await p.login('merchant_0004');
    const merchantName = (await p.c.uow.read.orgs.findById(merchant.me.active?.orgId as string))?.name as string;
    const created = await p.call(await p.login('regulator'), 'POST', '/api/supervision/clues', {
      subjectKind: 'organization',
      subjectId: merchant.me.active?.orgId,
      riskLevel: 2,
      description: '直播中承诺“全网最低价”，疑与线下渠道价格不符，请商务委协查',
    });
    expect(created.status).toBe(201);

    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'clues', '/supervision/clues');
    const row = page.getByTestId('clue-row').filter({ hasText: merchantName }).filter({ hasText: '人工录入' });
    await row.click();
    const drawer = page.getByTestId('clue-drawer');
    await drawer.getByTestId('clue-share').click();
    const modal = page.getByTestId('clue-share-modal');
    await modal.getByTestId('clue-share-departments').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '商务委' }).click();
    await modal.getByTestId('clue-share-reason').fill('涉及价格承诺与渠道管理，请协查');
    await page.getByTestId('clue-share-submit').click();
    await page.getByText('已共享给 商务委').waitFor();
    await expect.poll(async () => (await drawer.getByTestId('clue-shared-with').textContent()) ?? '').toBe('商务委');

    // 商务委 finds it marked as shared, read-only: no transfer, share or dismissal
    const swc = await suite.freshPage();
    await suite.login(swc, 'reg_swc');
    await openFromNav(swc, 'clues', '/supervision/clues');
    const theirs = swc.getByTestId('clue-row').filter({ hasText: merchantName }).filter({ hasText: '人工录入' });
    await theirs.getByTestId('clue-shared-tag').waitFor();
    await theirs.click();
    const theirDrawer = swc.getByTestId('clue-drawer');
    await theirDrawer.getByText('其他部门共享（只读）').waitFor();
    expect(await theirDrawer.getByTestId('clue-transfer').count()).toBe(0);
    expect(await theirDrawer.getByTestId('clue-dismiss').count()).toBe(0);

    // 市场监管局's sharing log: shared with 商务委, and read by 商务委 李明
    await page.reload();
    const log = page.getByTestId('clues-sharing-log');
    await expect.poll(async () => (await log.textContent()) ?? '').toContain('商务委 李明');
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('查阅');
    expect(text).toContain('共享');
    expect(text).toContain('涉及价格承诺与渠道管理，请协查');
    await log.scrollIntoViewIfNeeded();
    await suite.screenshot(page, 'supervision-sharing-log');
  });
});
