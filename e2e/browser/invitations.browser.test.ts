/**
 * Browser test of 成员邀请 (issue #13, item 2): the MCN manager invites the demo consumer by username from the
 * 主播管理 page, the invitation waits as 待接受; the consumer sees it on their page with 接受 / 拒绝, accepts, and
 * lands on the streamer workbench acting through the MCN; the MCN sees it accepted and the new streamer among its
 * members. A second invitation is revoked with 撤销. Screenshots go to e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { screenshot } = suite;

async function openMembers(page: Page): Promise<void> {
  await openFromNav(page, 'members', '/members');
  await page.getByTestId('invitations-table').waitFor();
}

async function invite(page: Page, invitee: string): Promise<void> {
  await page.getByTestId('member-invite').click();
  await page.getByTestId('invite-invitee').fill(invitee);
  await page.locator('.ant-modal:visible .ant-btn-primary').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
}

function invitationRow(page: Page, text: string) {
  return page.getByTestId('invitations-table').locator('tr').filter({ hasText: text });
}

describe.skipIf(!browserAvailable)('成员邀请: invite, accept, revoke', () => {
  suite.aroundTests();

  it('the MCN invites the consumer, who accepts on their page and becomes its streamer', async () => {
    const mcn = await suite.harness.freshPage();
    await suite.harness.login(mcn, 'mcn');
    await openMembers(mcn);
    // managers no longer add people directly: only the invitation button is there
    expect(await mcn.getByTestId('member-add').count()).toBe(0);
    await invite(mcn, 'consumer');
    await expect.poll(() => invitationRow(mcn, '消费者 小林').textContent()).toContain('待接受');
    expect(await invitationRow(mcn, '消费者 小林').textContent()).toContain('主播');
    await screenshot(mcn, 'invitation-sent');

    const me = await suite.harness.freshPage();
    await suite.harness.login(me, 'consumer');
    const card = me.getByTestId('my-invitations');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('上海星禾文化传媒有限公司');
    expect(text).toContain('邀请你成为主播');
    expect(text).toContain('赵晓东');
    await screenshot(me, 'invitation-received');
    await me.getByTestId('invitation-accept').click();
    await me.waitForURL((url) => url.pathname === '/streamer');
    await me.getByTestId('workbench-streamer').waitFor();
    expect(await me.getByTestId('my-invitations').count()).toBe(0);
    await screenshot(me, 'invitation-accepted');

    await mcn.reload();
    await mcn.getByTestId('invitations-table').waitFor();
    await expect.poll(() => invitationRow(mcn, '消费者 小林').textContent()).toContain('已接受');
    await expect.poll(() => mcn.getByTestId('members-table').textContent()).toContain('消费者 小林');
  });

  it('the MCN revokes an invitation it sent', async () => {
    const mcn = await suite.harness.freshPage();
    await suite.harness.login(mcn, 'mcn');
    await openMembers(mcn);
    await invite(mcn, 'provider');
    const row = invitationRow(mcn, '云链供应链服务 周航');
    await expect.poll(() => row.textContent()).toContain('待接受');
    await row.getByTestId('invitation-revoke').click();
    await mcn.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => row.textContent()).toContain('已撤销');
    expect(await row.getByTestId('invitation-revoke').count()).toBe(0);
    await screenshot(mcn, 'invitation-revoked');

    // the invited user no longer sees it
    const provider = await suite.harness.freshPage();
    await suite.harness.login(provider, 'provider');
    await provider.waitForLoadState('networkidle');
    expect(await provider.getByTestId('my-invitations').count()).toBe(0);
  });
});
