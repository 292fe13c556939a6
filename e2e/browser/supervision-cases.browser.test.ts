/**
 * Browser test of 案件 (off-site enforcement): 市场监管局's regulator files a case from a clue about the demo
 * merchant's product (立案), attaches an order as evidence (hash-chained), notifies the merchant online; the merchant,
 * in a second browser context, reads 监管通知 and states its case; the regulator decides 下架 and executes it — the
 * product is taken down at once, and the decision reaches the merchant's credit as a 行政处罚 event.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import { insertOrder } from '@livehub/server/testing';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 120_000 };

describe.skipIf(!browserAvailable)('supervision cases', () => {
  suite.aroundTests();

  it('clue → 立案 → evidence → 告知 → the merchant answers → 下架 → the product is taken down', SLOW, async () => {
    const p = suite.server.platform;
    const regulatorApi = await p.login('regulator');
    const merchantApi = await p.login('merchant');
    const consumer = await p.login('consumer');
    const merchantOrgId = merchantApi.me.active?.orgId as string;
    const merchantName = (await p.c.uow.read.orgs.findById(merchantOrgId))?.name as string;
    const [product] = await p.c.uow.read.catalog.listProducts({ merchantOrgId, status: ['approved'], limit: 1 });
    if (!product) throw new Error('the demo merchant has no product on sale');
    const clue = await p.call(regulatorApi, 'POST', '/api/supervision/clues', {
      subjectKind: 'product',
      subjectId: product.id,
      riskLevel: 3,
      description: '直播中宣称“原价999元”，从未以该价格销售',
    });
    expect(clue.status).toBe(201);
    const order = await insertOrder(p, consumer.me.user.id, merchantOrgId, 19_900);

    // 立案 from the clue
    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'cases', '/supervision/cases');
    expect(await page.getByTestId('cases-title').textContent()).toBe('案件');
    await page.getByTestId('case-open').click();
    const openModal = page.getByTestId('case-open-modal');
    await openModal.getByTestId('case-open-clue').click();
    await page.locator('.ant-select-item-option').filter({ hasText: product.title }).filter({ hasText: '人工录入' }).first().click();
    await openModal.getByTestId('case-open-summary').fill('涉嫌虚构原价进行价格欺诈');
    await page.getByTestId('case-open-submit').click();
    const drawer = page.getByTestId('case-drawer');
    await expect.poll(async () => (await drawer.getByTestId('case-drawer-status').textContent()) ?? '').toBe('调查取证');
    expect(await drawer.getByTestId('case-drawer-party').textContent()).toBe(merchantName);

    // 取证: the order, hashed and chained
    await drawer.getByTestId('case-add-evidence').click();
    const ev = page.getByTestId('case-evidence-modal');
    await ev.getByTestId('case-evidence-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '订单' }).click();
    await ev.getByTestId('case-evidence-ref').fill(order.id);
    await ev.getByTestId('case-evidence-note').fill('成交价与标示原价不符');
    await page.getByTestId('case-evidence-submit').click();
    await drawer.getByTestId('case-evidence-summary').filter({ hasText: order.orderNo }).waitFor();
    expect(await drawer.getByTestId('case-chain').textContent()).toBe('哈希链完整');
    expect(await drawer.getByTestId('case-evidence-hash').first().textContent()).toMatch(/链 [0-9a-f]{12}…/);

    // 联合执法: 知识产权局 is invited to handle the case jointly; the log says so
    await drawer.getByTestId('case-joint').click();
    const joint = page.getByTestId('case-joint-modal');
    await joint.getByTestId('case-joint-departments-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '知识产权局' }).click();
    await joint.getByTestId('case-joint-note').fill('协助认定商标权属');
    await page.getByTestId('case-joint-submit').click();
    await expect.poll(async () => (await drawer.getByTestId('case-joint-departments').textContent()) ?? '').toContain('知识产权局');
    await drawer.getByTestId('case-log').getByText('邀请协办').waitFor();

    // 告知
    await drawer.getByTestId('case-notify').click();
    const notify = page.getByTestId('case-notify-modal');
    await notify.getByTestId('case-notify-facts').fill('经查，当事人在直播中标示的原价999元从未成交，构成虚构原价。');
    await notify.getByTestId('case-notify-intended').fill('拟下架涉案商品');
    await notify.getByTestId('case-notify-basis').fill('《明码标价和禁止价格欺诈规定》第十九条');
    await page.getByTestId('case-notify-submit').click();
    await expect.poll(async () => (await drawer.getByTestId('case-drawer-status').textContent()) ?? '').toBe('已告知');
    await suite.screenshot(page, 'supervision-case-notified');

    // the merchant, in its own browser context, reads the notice and answers
    const m = await suite.freshPage();
    await suite.login(m, 'merchant');
    await openFromNav(m, 'supervision-notices', '/supervision/notices');
    const card = m.getByTestId('notice-card').filter({ hasText: '涉嫌虚构原价进行价格欺诈' });
    await card.waitFor();
    expect(await card.getByTestId('notice-facts').textContent()).toContain('原价999元从未成交');
    await card.getByTestId('notice-statement-input').fill('原价系供应商建议零售价，已更正标价并下架相关宣传。');
    await card.getByTestId('notice-submit').click();
    await expect.poll(async () => (await card.getByTestId('notice-status').textContent()) ?? '').toBe('已陈述申辩');
    await suite.screenshot(m, 'supervision-notice-answered');

    // back to the regulator: the statement is there; decide 下架 and execute
    await page.reload();
    await page.getByTestId('case-row').filter({ hasText: '涉嫌虚构原价进行价格欺诈' }).click();
    await expect.poll(async () => (await drawer.getByTestId('case-drawer-status').textContent()) ?? '').toBe('已陈述申辩');
    expect(await drawer.getByTestId('case-statement').textContent()).toContain('建议零售价');
    await drawer.getByTestId('case-decide').click();
    const decide = page.getByTestId('case-decide-modal');
    await decide.getByTestId('case-decide-measures').getByText(`下架商品「${product.title}」`).click();
    await decide.getByTestId('case-decide-reasoning').fill('当事人虚构原价，误导消费者；陈述申辩理由不成立。');
    await decide.getByTestId('case-decide-basis').fill('《价格法》第四十条');
    await page.getByTestId('case-decide-submit').click();
    await expect.poll(async () => (await drawer.getByTestId('case-drawer-status').textContent()) ?? '').toBe('已决定');
    expect(await drawer.getByTestId('case-measure').first().textContent()).toBe(`下架商品「${product.title}」`);
    expect(await drawer.getByTestId('case-pdf').getAttribute('href')).toMatch(/\/api\/supervision\/cases\/.+\/decision\.pdf$/);
    expect((await p.c.uow.read.catalog.findProduct(product.id))?.status).toBe('approved');

    await drawer.getByTestId('case-execute').click();
    await expect.poll(async () => (await drawer.getByTestId('case-drawer-status').textContent()) ?? '').toBe('已执行');
    expect((await p.c.uow.read.catalog.findProduct(product.id))?.status).toBe('delisted');
    expect(await drawer.getByTestId('case-log').textContent()).toContain('当事人陈述申辩');
    expect(await drawer.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await suite.screenshot(page, 'supervision-case-executed');

    // the decision is a credit event of the merchant
    for (;;) {
      const r = await p.c.outbox.dispatch();
      if (r.published === 0 && !r.pending) break;
    }
    const events = await p.c.uow.read.credit.eventsOf(merchantOrgId);
    expect(events.some((e) => e.kind === 'case.penalty' && e.source.startsWith('case:'))).toBe(true);
  });
});
