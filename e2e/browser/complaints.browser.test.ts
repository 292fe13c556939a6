/**
 * Browser test of the complaint pages (投诉, docs/disputes.md). The demo consumer complains about false advertising
 * heard in a live room, from the page of the order bought there (我要投诉); the merchant's 投诉处理 shows the 48-hour
 * countdown; the merchant does not answer, the deadline passes and the server's sweep sends the complaint to the
 * platform's 调解台; the reviewer decides compensation; the consumer sees the outcome on the timeline and an item in
 * the inbox. Then the regulator's 受理台: a reason is required, the escalated demo complaint is accepted, and its
 * 行政调解 ends in 调解成立 (the remedy form of the platform's 调解台) with the compensation owed.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav, toastsGone } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 120_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/;

const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe.skipIf(!browserAvailable)('complaints', () => {
  suite.aroundTests();

  it('from the live room: the consumer picks their order from this session; someone without one is told why', SLOW, async () => {
    const p = suite.server.platform;
    const consumer = await p.login('consumer');
    const orders = (await p.call(consumer, 'GET', '/api/orders?as=buyer&limit=100')).body as Array<{
      orderNo: string;
      status: string;
      attribution: { sessionId: string | null };
    }>;
    const roomOrder = orders.find((o) => o.status === 'paid' && o.attribution.sessionId !== null);
    if (!roomOrder?.attribution.sessionId) throw new Error('the demo consumer has no paid order from a live room');
    const room = `${suite.baseUrl}/live/rooms/${roomOrder.attribution.sessionId}`;

    const page = await suite.freshPage();
    await suite.login(page, 'consumer');
    await page.goto(room);
    await page.getByTestId('room-complain').click();
    const picked = page.getByTestId('room-complain-modal').locator('.ant-list-item').filter({ hasText: roomOrder.orderNo });
    await picked.waitFor();
    await suite.screenshot(page, 'complaint-room-pick', false);
    await picked.getByTestId('room-complain-order').click();
    await page.getByTestId('complaint-file-form').waitFor();
    expect(await page.getByTestId('complaint-from-room').isChecked()).toBe(true);
    expect(await page.getByTestId('complaint-file-modal').textContent()).toContain(roomOrder.orderNo);
    await page.keyboard.press('Escape');
    await page.getByTestId('complaint-file-form').waitFor({ state: 'detached' });

    const other = await suite.freshPage();
    await suite.login(other, 'consumer_00001');
    await other.goto(room);
    await other.getByTestId('room-complain').click();
    await other.getByTestId('room-complain-modal').getByText('您在本场直播中没有已支付的订单').waitFor();
  });

  it(
    'a consumer complains from the order page; the merchant is silent; the mediator decides compensation; the merchant does not pay; the fund pays and recovers; the advance enters its credit record',
    SLOW,
    async () => {
      const p = suite.server.platform;
      const consumer = await p.login('consumer');
      const orders = (await p.call(consumer, 'GET', '/api/orders?as=buyer&limit=100')).body as Array<{
        id: string;
        orderNo: string;
        status: string;
        totalFen: number;
        merchantOrgId: string;
        attribution: { sessionId: string | null };
      }>;
      const roomOrder = orders.find((o) => o.status === 'paid' && o.attribution.sessionId !== null);
      if (!roomOrder) throw new Error('the demo consumer has no paid order from a live room');
      // the shop that sold it in the room (the lamb farm's), through one of its staff
      const staff = (await p.c.uow.read.memberships.listForOrg(roomOrder.merchantOrgId)).find((m) => m.role === 'merchant_staff');
      if (!staff) throw new Error('the room order’s merchant has no staff');

      // 我要投诉 from the order page
      const buyer = await suite.freshPage();
      await suite.login(buyer, 'consumer');
      await buyer.goto(`${suite.baseUrl}/orders/${roomOrder.id}`);
      await buyer.getByTestId('order-complain').click();
      const modal = buyer.getByTestId('complaint-file-modal');
      await modal.getByTestId('complaint-file-form').waitFor();
      expect(await modal.getByTestId('complaint-category').textContent()).toContain('虚假宣传');
      expect(await modal.textContent()).toContain(roomOrder.orderNo);
      // too short a description is refused on its field before anything is sent
      await input(buyer, 'complaint-amount').fill(String(roomOrder.totalFen / 100));
      await modal.getByTestId('complaint-description').fill('太短了');
      await buyer.getByTestId('complaint-file-submit').click();
      await modal.getByText('请至少填写 10 个字').waitFor();
      await modal
        .getByTestId('complaint-description')
        .fill('主播在直播间宣称这款滩羊肉“现切现发、绝对不含冷冻肉”，收到后发现是冻肉解冻，属于虚假宣传，要求退款。');
      await input(buyer, 'complaint-phone').fill('13812345678');
      await modal.getByTestId('complaint-from-room').check();
      await suite.screenshot(buyer, 'complaint-file', false);
      await buyer.getByTestId('complaint-file-submit').click();
      await buyer.waitForURL((url) => /^\/complaints\/[0-9a-f-]{36}$/.test(url.pathname));
      const complaintId = new URL(buyer.url()).pathname.split('/').pop() as string;

      // the complaint's page: the step, its deadline counting down, the timeline; names, never ids
      await buyer.getByTestId('complaint-step').getByText('待商家答复').waitFor();
      await expect.poll(() => buyer.getByTestId('complaint-countdown').first().textContent()).toMatch(/^剩余 (1 天 23 小时|2 天 0 小时)$/);
      expect(await buyer.getByTestId('complaint-entry').first().textContent()).toContain('提交投诉');
      expect(await buyer.getByTestId('complaint-facts').textContent()).toContain('138****5678');
      expect(await buyer.getByTestId('complaint-facts').textContent()).toContain('直播间购买');
      expect(await buyer.locator('main').textContent()).not.toMatch(UUID);
      await toastsGone(buyer);
      await suite.screenshot(buyer, 'complaint-consumer-filed');

      // the merchant's 投诉处理: the new complaint with its 48-hour countdown
      const merchant = await suite.freshPage();
      await suite.login(merchant, staff.username);
      await openFromNav(merchant, 'complaints', '/complaints');
      expect(await merchant.getByTestId('complaints-title').textContent()).toBe('投诉处理');
      const row = merchant.getByTestId('complaint-row').filter({ hasText: roomOrder.orderNo });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/剩余 (1 天 23 小时|2 天 0 小时)/);
      expect(await row.textContent()).toContain('待商家答复');
      expect(await merchant.getByTestId('complaints-table').textContent()).not.toMatch(UUID);
      await suite.screenshot(merchant, 'complaint-merchant-desk');

      // the merchant does not answer: past the 48 hours the server's sweep sends it to platform mediation
      const due = new Date((await p.call(consumer, 'GET', `/api/complaints/${complaintId}`)).body.dueAt as string);
      await p.c.complaints.sweeper.sweep(new Date(due.getTime() + 1));
      while ((await p.c.outbox.dispatch()).pending);

      // the reviewer's 调解台: decide compensation
      const mediator = await suite.freshPage();
      await suite.login(mediator, 'reviewer');
      await openFromNav(mediator, 'complaints', '/complaints');
      expect(await mediator.getByTestId('complaints-title').textContent()).toBe('调解台');
      const queued = mediator.getByTestId('complaint-row').filter({ hasText: roomOrder.orderNo });
      await queued.waitFor();
      expect(await queued.textContent()).toContain('平台调解中');
      expect(await queued.textContent()).toMatch(/剩余 \d+ 天/);
      await suite.screenshot(mediator, 'complaint-mediation-desk');
      await queued.getByTestId('complaint-open').click();
      await mediator.waitForURL((url) => url.pathname === `/complaints/${complaintId}`);
      await mediator.getByTestId('complaint-entry').filter({ hasText: '商家 48 小时未答复，转入平台调解' }).waitFor();
      await mediator.getByTestId('complaint-decide').click();
      const form = mediator.getByTestId('complaint-step-form');
      await form.getByText('赔偿', { exact: true }).click();
      await input(mediator, 'complaint-step-amount').fill(String(roomOrder.totalFen / 100));
      await form.getByTestId('complaint-step-note').fill('直播间宣称与实物不符，商家未在期限内答复，认定虚假宣传，由商家赔偿货款。');
      await suite.screenshot(mediator, 'complaint-decide', false);
      await mediator.getByTestId('complaint-step-submit').click();
      await mediator.getByTestId('complaint-outcome').waitFor();
      expect(await mediator.getByTestId('complaint-outcome').textContent()).toContain('投诉成立');
      while ((await p.c.outbox.dispatch()).pending);

      // the consumer: the outcome on the timeline, and the inbox item
      await buyer.reload();
      await buyer.getByTestId('complaint-outcome').waitFor();
      const yuan = `¥${(roomOrder.totalFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
      expect(await buyer.getByTestId('complaint-outcome').textContent()).toContain(`赔偿 ${yuan}`);
      const decided = buyer.getByTestId('complaint-entry').filter({ hasText: '调解决定' });
      expect(await decided.textContent()).toContain('平台调解员');
      expect(await decided.textContent()).toContain('认定虚假宣传');
      expect(await buyer.getByTestId('complaint-actions').textContent()).toContain('当前步骤无需您操作');
      await suite.screenshot(buyer, 'complaint-consumer-outcome');
      await buyer.goto(`${suite.baseUrl}/notifications`);
      const item = buyer.getByTestId('inbox-item').filter({ hasText: '调解决定已作出' }).filter({ hasText: roomOrder.orderNo });
      await item.waitFor();
      expect(await item.textContent()).toContain(`经平台调解已解决：赔偿 ¥`);
      expect(await item.textContent()).toContain(roomOrder.orderNo);
      expect(
        await buyer.getByTestId('inbox-item').filter({ hasText: '投诉已进入平台调解' }).filter({ hasText: roomOrder.orderNo }).count(),
      ).toBe(1);
      await suite.screenshot(buyer, 'complaint-consumer-inbox');
      await item.getByTestId('inbox-open').click();
      await buyer.waitForURL((url) => url.pathname === `/complaints/${complaintId}`);

      // 赔付: the decision obliges the merchant to pay within 3 working days; both sides see it
      const owed = buyer.getByTestId('complaint-obligation');
      await owed.waitFor();
      expect(await owed.getByTestId('complaint-obligation-status').textContent()).toBe('待商家支付');
      expect(await owed.textContent()).toContain(yuan);
      await merchant.goto(`${suite.baseUrl}/complaints/${complaintId}`);
      await merchant.getByTestId('complaint-pay').waitFor();
      await suite.screenshot(merchant, 'complaint-merchant-owes');

      // the merchant does not pay: past the deadline the fund pays the consumer (先行赔付) and recovers from the deposit
      const staffSession = await p.login(staff.username);
      const creditBefore = (await p.call(staffSession, 'GET', '/api/credit/me')).body as { total: number };
      const detail = (await p.call(consumer, 'GET', `/api/complaints/${complaintId}`)).body as { obligation: { dueAt: string } };
      const swept = await p.c.complaints.payments.sweep(new Date(Date.parse(detail.obligation.dueAt) + 1));
      expect(swept.compensationsAdvanced).toBeGreaterThanOrEqual(1);
      for (;;) {
        const r = await p.c.outbox.dispatch();
        expect(r.error).toBeNull();
        if (r.published === 0 && !r.pending) break;
      }
      await buyer.reload();
      await expect
        .poll(async () => (await buyer.getByTestId('complaint-obligation-status').textContent()) ?? '')
        .toMatch(/^(先行赔付已追偿|部分追偿|平台已先行赔付)$/);
      const after = (await p.call(consumer, 'GET', `/api/complaints/${complaintId}`)).body.obligation as {
        advancedFen: number;
        recoveredFromDepositFen: number;
        recoveredFromBalanceFen: number;
      };
      expect(after.advancedFen).toBe(roomOrder.totalFen);
      expect(await buyer.getByTestId('complaint-obligation').textContent()).toContain('平台先行赔付');
      if (after.recoveredFromDepositFen > 0)
        expect(await buyer.getByTestId('complaint-obligation-recovered').textContent()).toContain(`保证金 ¥`);
      expect(await buyer.getByTestId('complaint-entry').filter({ hasText: '商家逾期未付，平台先行赔付' }).count()).toBe(1);
      await suite.screenshot(buyer, 'complaint-advanced');
      // the ledger still balances, and the merchant's credit dropped for the advance
      expect((await p.c.ledger.verify()).ok).toBe(true);
      // the advance is in the merchant's credit record (−6 per severity level on service, docs/credit.md); it is dated
      // at the sweep, after the deadline — a moment this test reaches by passing it to the sweep, not by moving the
      // server's clock — so the score as of now is not lower yet, and no later than its time can it be higher
      const credit = (await p.call(staffSession, 'GET', '/api/credit/me')).body as {
        total: number;
        events: Array<{ kind: string; data: { severity?: number } }>;
      };
      const advanced = credit.events.find((e) => e.kind === 'compensation.advanced');
      expect(advanced?.data.severity).toBeGreaterThan(0);
      expect(credit.total).toBeLessThanOrEqual(creditBefore.total);
      // the merchant's inbox says so
      await merchant.goto(`${suite.baseUrl}/notifications`);
      await merchant.getByTestId('inbox-item').filter({ hasText: '平台已先行赔付' }).first().waitFor();
    },
  );

  it('the regulator’s 受理台: a reason is required; accepts the escalated demo complaint, then 调解成立', SLOW, async () => {
    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'complaints', '/complaints');
    expect(await page.getByTestId('complaints-title').textContent()).toBe('受理台');
    const row = page.getByTestId('complaint-row').filter({ hasText: '待监管受理' }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/剩余 \d+ 天|已逾期/);
    expect(await page.getByTestId('complaints-table').textContent()).not.toMatch(UUID);
    await suite.screenshot(page, 'complaint-intake-desk');
    await row.getByTestId('complaint-open').click();
    await page.waitForURL((url) => /^\/complaints\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('complaint-entry').filter({ hasText: '调解超过 45 个工作日，调解未成' }).waitFor();
    expect(await page.getByTestId('complaint-timeline').textContent()).toContain('提交监管部门');

    // 不予受理 without a reason: refused on the field
    await page.getByTestId('complaint-regulator-refuse').click();
    await page.getByTestId('complaint-step-submit').click();
    await page.getByTestId('complaint-step-form').getByText('请填写').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('complaint-step-form').waitFor({ state: 'detached' });

    await page.getByTestId('complaint-regulator-accept').click();
    await page.getByTestId('complaint-step-note').fill('涉及直播间虚假宣传，属本局管辖，依法受理。');
    await page.getByTestId('complaint-step-submit').click();
    await page.getByTestId('complaint-step').getByText('监管已受理').waitFor();
    const accepted = page.getByTestId('complaint-entry').filter({ hasText: '监管部门受理' });
    expect(await accepted.textContent()).toContain('市场监管部门');
    expect(await accepted.textContent()).toContain('涉及直播间虚假宣传，属本局管辖，依法受理。');
    await toastsGone(page);
    await suite.screenshot(page, 'complaint-regulator-accepted');

    // 行政调解: the 45 working days from acceptance counting down; 调解成立 on the mediator's remedy form
    expect(await page.getByTestId('complaint-step').textContent()).toMatch(/剩余 \d+ 天/);
    await page.getByTestId('complaint-regulator-mediation').waitFor();
    await page.getByTestId('complaint-regulator-close').waitFor();
    await page.getByTestId('complaint-regulator-mediate').click();
    const form = page.getByTestId('complaint-step-form');
    await form.getByText('赔偿', { exact: true }).click();
    await input(page, 'complaint-step-amount').fill('10');
    await form.getByTestId('complaint-step-note').fill('经调解，商家同意赔偿 10 元，双方达成调解协议。');
    await page.getByTestId('complaint-step-submit').click();
    await page.getByTestId('complaint-outcome').waitFor();
    expect(await page.getByTestId('complaint-outcome').textContent()).toContain('赔偿 ¥10.00');
    const mediated = page.getByTestId('complaint-entry').filter({ hasText: '监管部门调解成立' });
    expect(await mediated.textContent()).toContain('经调解，商家同意赔偿 10 元，双方达成调解协议。');
    // owed by the merchant as any resolution's compensation
    await page.getByTestId('complaint-obligation').waitFor();
    await toastsGone(page);
    await suite.screenshot(page, 'complaint-regulator-mediated');
  });

  it(
    '投诉统计: the regulator sees complaints per merchant, streamer and product as a chart and a table by name, and exports them',
    SLOW,
    async () => {
      const page = await suite.freshPage();
      await suite.login(page, 'regulator');
      await openFromNav(page, 'complaints', '/complaints');
      await page.getByRole('tab', { name: '投诉统计' }).click();
      const table = page.getByTestId('complaint-stats-table');
      await table.getByTestId('complaint-stats-row').first().waitFor();
      await page.getByTestId('complaint-stats-chart').waitFor();
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('投诉数');
      expect(text).not.toMatch(UUID);
      const byProduct = page.waitForResponse((r) => r.url().includes('/api/complaints/stats?') && r.url().includes('by=product'));
      await page.getByTestId('complaint-stats-by').getByText('按商品').click();
      await byProduct;
      await table.getByTestId('complaint-stats-row').first().waitFor();
      expect(await table.textContent()).not.toMatch(UUID);
      const href = await page.getByTestId('complaint-stats-xlsx').getAttribute('href');
      expect(href).toMatch(/^\/api\/complaints\/stats\.xlsx\?by=product&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
      const file = await page.request.get(`${suite.baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('spreadsheetml');
      await suite.screenshot(page, 'complaint-stats');
    },
  );
});
