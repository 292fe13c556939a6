/**
 * Browser test of admission and certification: a consumer applies for streamer certification through the form
 * (field errors as they type an ID number, a document upload), follows the timeline, is refused going live while
 * pending; a reviewer approves from the approvals workbench; the gate opens and the public list shows them. A
 * department votes on the joint-review board of a base. Screenshots go to e2e/browser/__screenshots__/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../helpers/png.ts';
import { decideOnApplication, expectCheckedAsTyped, openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, login, screenshot } = suite;

let workDir: string;
let idCardPng: string;

/** GB 11643-1999: the check character of a resident ID number from its first 17 digits. */
function idCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return '10X98765432'.charAt(sum % 11);
}

describe.skipIf(!browserAvailable)('admission and certification', () => {
  suite.aroundTests({
    setUp: () => {
      workDir = mkdtempSync(path.join(tmpdir(), 'livehub-registry-'));
      idCardPng = path.join(workDir, 'id-card.png');
      writeFileSync(idCardPng, tinyPng());
    },
    tearDown: () => {
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    },
  });

  it('a new consumer gets certified as a streamer: validation as you type, upload, timeline, reviewer approval, live gate', async () => {
    const username = `applicant_${Date.now().toString(36)}`;
    const displayName = `新主播${Date.now().toString().slice(-4)}`;
    const body = '11010519950312123';
    const validId = body + idCheckChar(body);
    const wrongCheck = body + (idCheckChar(body) === '0' ? '1' : '0');

    // sign up through the UI → the consumer storefront
    const page = await freshPage();
    await page.goto(`${suite.baseUrl}/register`);
    await page.getByTestId('register-username').fill(username);
    await page.getByTestId('register-display-name').fill(displayName);
    await page.getByTestId('register-password').fill('applicant-pass-1');
    await page.getByTestId('register-submit').click();
    await page.waitForURL((url) => url.pathname === '/shop');

    // 主播认证 from the consumer's navigation; not certified yet: the gate is closed
    await openFromNav(page, 'apply-streamer', '/apply/streamer');
    await page.getByTestId('apply-streamer-form').waitFor();
    await page.locator('[data-testid="live-gate-card"][data-allowed="false"]').waitFor();
    await page.locator('[data-testid="live-gate-reasons"] [data-reason="not_registered"]').waitFor();

    await page.getByTestId('streamer-real-name').fill('张晓测');
    // validation as you type: too short, then a wrong check character, then a valid number with its age hint
    await expectCheckedAsTyped(page, 'streamer-id-number', { prefix: '110105199', tooShort: '应为 18 位', wrongCheck, valid: validId });
    expect(await page.getByTestId('id-number-hint').textContent()).toContain('1995-03-12');

    await page.getByTestId('topic-beauty').click();
    await page.getByTestId('topic-fashion').click();
    // the ID card: raw PNG bytes through the Upload's customRequest
    await page.getByTestId('doc-upload-id_card').locator('input[type="file"]').setInputFiles(idCardPng);
    await page.locator('[data-testid="doc-upload-id_card"][data-uploaded="1"]').waitFor();
    await screenshot(page, 'apply-streamer');

    await page.getByTestId('apply-submit').click();
    await page.waitForURL((url) => /^\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
    const applicationId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const detail = page.locator(`[data-testid="application-page"][data-application-id="${applicationId}"]`);
    await detail.waitFor();
    expect(await detail.getAttribute('data-step')).toBe('review');
    expect(((await page.getByTestId('current-step').textContent()) ?? '').trim()).toBe('平台审核');
    expect(await page.getByTestId('application-status').textContent()).toContain('办理中');
    // the automatic identity check ran and is on the timeline; the upload is listed with a download link
    await page.locator('[data-testid="timeline-event"][data-action="identity_checks"]').waitFor();
    await page.locator('[data-testid="timeline-event"][data-action="submit"]').waitFor();
    await page.locator('[data-testid="document-row"][data-doc-type="id_card"] [data-testid="doc-link"]').waitFor();
    // may not go live while the certification is under review
    const gate = page.getByTestId('live-gate-card');
    await page.locator('[data-testid="live-gate-card"][data-allowed="false"]').waitFor();
    await gate.locator('[data-reason="status_pending"]').waitFor();
    expect(await gate.textContent()).toContain('暂不可开播');
    expect(await gate.textContent()).toContain('认证审核中');
    // the applicant may only withdraw
    await page.getByTestId('action-withdraw').waitFor();
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    await screenshot(page, 'application-timeline');

    // the reviewer finds it in 审批工作台 and approves it
    const reviewer = await freshPage();
    await login(reviewer, 'reviewer');
    await openFromNav(reviewer, 'approvals', '/approvals');
    const row = reviewer.locator(`[data-testid="approval-row"][data-application-id="${applicationId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(displayName);
    expect(await row.textContent()).toContain('平台审核');
    await screenshot(reviewer, 'approvals');
    await row.click();
    await reviewer.waitForURL((url) => url.pathname === `/applications/${applicationId}`);
    await reviewer.getByTestId('action-approve').click();
    // no reason required for 认证通过: the confirmation dialog submits as is
    await reviewer.getByTestId('reason-input').waitFor();
    await reviewer.getByTestId('reason-submit').click();
    const approved = reviewer.locator('[data-testid="application-page"][data-status="approved"]');
    const followed = await approved.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!followed) {
      // seen once in CI on a loaded machine: the click landed while the dialog was still opening, or the page did
      // not follow the answer — submit again when the dialog is still there, reload when it is gone
      if (await reviewer.getByTestId('reason-submit').isVisible()) await reviewer.getByTestId('reason-submit').click();
      else await reviewer.reload();
    }
    await approved.waitFor();
    await reviewer.locator('[data-testid="timeline-event"][data-action="approve"]').waitFor();

    // the applicant reloads: 已认证, and the gate is open
    await page.reload();
    await page.locator(`[data-testid="application-page"][data-status="approved"]`).waitFor();
    expect(((await page.getByTestId('current-step').textContent()) ?? '').trim()).toBe('已认证');
    expect(await page.getByTestId('application-status').textContent()).toContain('已通过');
    await page.locator('[data-testid="live-gate-card"][data-allowed="true"]').waitFor();
    expect(await page.getByTestId('live-gate-card').textContent()).toContain('可以开播');
    expect(await page.locator('[data-testid="streamer-status"]').getAttribute('data-status')).toBe('certified');

    // and is on the public list
    const visitor = await freshPage();
    await visitor.goto(`${suite.baseUrl}/public`);
    await visitor.getByTestId('public-search').locator('input').fill(displayName);
    await visitor.getByTestId('public-streamers-table').getByText(displayName).waitFor();
  });

  it('a certified streamer sees the certification card on the workbench', async () => {
    const page = await freshPage();
    await login(page, 'streamer');
    await page.waitForURL((url) => url.pathname === '/streamer');
    const card = page.getByTestId('live-gate-card');
    await card.waitFor();
    expect(await card.getAttribute('data-allowed')).toBe('true');
    expect(await card.textContent()).toContain('可以开播');
    await screenshot(page, 'streamer-workbench-gate', false);
    await page.getByTestId('nav-apply-streamer').waitFor();
    await page.getByTestId('nav-applications').waitFor();
  });

  it('regulators see the joint-review board; the department that has not voted votes on the base', async () => {
    const regulator = await freshPage();
    await login(regulator, 'regulator');
    await openFromNav(regulator, 'approvals', '/approvals');
    const board = regulator.getByTestId('approvals-joint-board').getByTestId('joint-board').first();
    await board.waitFor();
    expect(await board.getByTestId('dept-card-scjgj').getAttribute('data-decision')).toBe('approve');
    expect(await board.getByTestId('dept-card-zscqj').getAttribute('data-decision')).toBe('pending');
    await regulator.getByTestId('export-csv').waitFor();
    await regulator.getByTestId('nav-registry').waitFor();
    const baseApplicationId = (await board.getAttribute('data-application-id')) ?? '';
    await screenshot(regulator, 'approvals-regulator');

    // 知识产权局 approves: the third vote completes the joint review → public notice
    const ipo = await freshPage();
    await login(ipo, 'reg_ipo');
    await ipo.goto(`${suite.baseUrl}/applications/${baseApplicationId}`);
    await ipo.locator('[data-testid="application-page"][data-step="joint_review"]').waitFor();
    // vote; retried when the application changed meanwhile or the page did not follow (seen once in CI, about 1 run
    // in 16 here, cause not found)
    await decideOnApplication(ipo, 'vote', {
      submit: async () => {
        await ipo.getByTestId('dept-card-zscqj').getByTestId('action-approve').click();
        await ipo.getByTestId('reason-input').fill('商标使用规范，无侵权记录');
        await ipo.getByTestId('reason-submit').click();
      },
      done: ipo.locator('[data-testid="application-page"][data-step="public_notice"]'),
      timeoutMs: 30_000,
    });
    expect(await ipo.getByTestId('dept-card-zscqj').getAttribute('data-decision')).toBe('approve');
    await ipo.getByTestId('objection-box').waitFor();
    await screenshot(ipo, 'joint-review');
  });

  it('the public list renders without login', async () => {
    const page = await freshPage();
    await page.goto(`${suite.baseUrl}/public`);
    await page.getByTestId('public-list-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/public');
    await page.getByTestId('public-bases-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('public-streamers-table').locator('.ant-table-row').first().waitFor();
    // masked: no full 18-character ID number anywhere on the page
    expect(await page.locator('body').textContent()).not.toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'public-list');
  });
});
