/**
 * Browser test of 政策服务包 (docs/programmes.md), its talent side: the demo streamer (certified; the demo merchant
 * meets none of the seeded enterprise policies — its 12-month GMV is far below the growth reward's) opens 人才政策
 * from the menu, sees the seeded 直播电商人才住房补贴 with its conditions evaluated one by one, and applies —
 * declaring its social-security months (自报) and uploading the documents the policy asks for. The issuing department
 * (商务委, who published the seeded policies) opens 政策管理, reviews the application in its 审核 tab and grants it;
 * the streamer's 我的申请 then shows it granted with the policy's amount, paid (已拨付 with the date), and the
 * department's opinion. Screenshots go to e2e/browser/__screenshots__/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFromNav, screenshotDir, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 180_000 };
const POLICY = '直播电商人才住房补贴';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;
const OPINION = '持证与社保缴纳符合政策条件，按月发放住房补贴';

describe.skipIf(!browserAvailable)('policy service packages', () => {
  suite.aroundTests();

  it(
    'a streamer applies for a seeded talent policy → the issuing department grants it → the streamer sees the decision',
    SLOW,
    async () => {
      const read = suite.server.platform.c.uow.read;

      // the streamer: 人才政策 → the policy, its conditions evaluated → 申报
      const page = await suite.freshPage();
      await suite.login(page, 'streamer');
      await openFromNav(page, 'talent-policies', '/talent-policies');
      await page.getByTestId('policy-packages-page').getByText('人才政策').first().waitFor();
      const card = page.getByTestId(`policy-${POLICY}`);
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toMatch(/符合条件|接近符合/);
      expect(text).toContain('发布部门商务委');
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/policies\.|marketerLevel|socialSecurityMonths/);
      await tablesLoaded(page);
      await suite.screenshot(page, 'policy-packages');

      await card.getByRole('button', { name: /申\s?报/ }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: POLICY });
      await dialog.getByText('社保缴纳证明').waitFor();
      if ((await dialog.getByLabel('本市社保缴纳月数（自报）').count()) > 0) await dialog.getByLabel('本市社保缴纳月数（自报）').fill('24');
      for (const [doc, name] of [
        ['professional_licence', '互联网营销师证书.pdf'],
        ['social_security_record', '社保缴纳证明.pdf'],
      ] as const) {
        await dialog
          .getByTestId(`doc-upload-${doc}`)
          .locator('input[type="file"]')
          .setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
        await dialog.locator(`[data-testid="doc-upload-${doc}"][data-uploaded="1"]`).waitFor();
      }
      await page.screenshot({ path: path.join(screenshotDir, 'policy-apply-dialog.png') });
      await dialog.getByRole('button', { name: '提交申报' }).click();
      await page.getByText('已提交，等待主管部门审核').waitFor();
      await card.getByText('审核中').waitFor();
      const mine = page.locator('.ant-table-row').filter({ hasText: POLICY });
      await mine.getByText('审核中').waitFor();
      await suite.screenshot(page, 'policy-applied');
      const [policy] = (await read.policies.listPolicies({ limit: 20 })).filter((p) => p.title === POLICY);
      const [applied] = await read.policies.listApplications({ policyIds: [policy?.id as string], limit: 5 });
      expect(applied).toMatchObject({ status: 'in_review' });

      // the issuing department: 政策管理 → 审核 → 核定通过 with the amount and its opinion
      const dept = await suite.freshPage();
      await suite.login(dept, 'reg_swc');
      await openFromNav(dept, 'policy-admin', '/policy-admin');
      await dept.getByTestId('policy-admin-page').waitFor();
      await dept.getByRole('tab', { name: '审核' }).click();
      const row = dept.locator('.ant-table-row').filter({ hasText: POLICY }).filter({ hasText: '审核中' });
      await row.waitFor();
      await tablesLoaded(dept);
      await suite.screenshot(dept, 'policy-review-queue');
      await row.getByRole('button', { name: /审\s?核/ }).click();
      const review = dept.locator('.ant-modal').filter({ hasText: '核定金额（元）' });
      await review.getByText(`审核：${POLICY}`).waitFor();
      expect(await review.getByRole('radio', { name: '核定通过' }).isChecked()).toBe(true);
      await review.getByLabel('审核意见').fill(OPINION);
      await dept.screenshot({ path: path.join(screenshotDir, 'policy-review-dialog.png') });
      await review.getByRole('button', { name: /确\s?定|OK/ }).click();
      await dept.getByText('已处理').waitFor();
      await dept.locator('.ant-table-row').filter({ hasText: POLICY }).filter({ hasText: '已核定' }).waitFor();
      await suite.screenshot(dept, 'policy-review-done');

      // the streamer sees the decision
      await page.reload();
      await page.getByTestId('policy-packages-page').waitFor();
      await mine.getByText('已核定').waitFor();
      const decided = (await mine.textContent()) ?? '';
      expect(decided).toContain('¥24,000.00');
      // paid through the ledger on approval (已拨付 with the date)
      expect(decided).toMatch(/已拨付 ¥24,000\.00（\d{4}\/\d{1,2}\/\d{1,2}）/);
      expect(decided).toContain(OPINION);
      expect(decided).not.toMatch(UUID);
      await tablesLoaded(page);
      await suite.screenshot(page, 'policy-granted');
    },
  );
});
