/**
 * Browser test of 跨区域协同: the regulator opens the page from the menu, sees this region's public key, exports a
 * signed bundle (downloaded), registers 苏州市 by pasting its public key, imports a bundle 苏州 signed about a merchant
 * of this district — the clue appears as 跨区域移送 with its provenance — and is told in Chinese why a bundle changed
 * after signing is refused. Screenshots go to e2e/browser/__screenshots__/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCHANGE_FORMAT } from '@livehub/contracts';
import { generateRegionKey, keyIdOf, publicKeyPem, signBundle } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 90_000 };

describe.skipIf(!browserAvailable)('cross-region sharing', () => {
  suite.aroundTests();

  it('exports a signed bundle, registers 苏州市 and imports its bundle; a changed one is refused', SLOW, async () => {
    const p = suite.server.platform;
    const merchant = await p.login('merchant_0005');
    const profile = await p.c.uow.read.registry.findMerchant(merchant.me.active?.orgId as string);
    expect(profile).not.toBeNull();
    const suzhou = generateRegionKey();
    const now = p.c.clock.now();
    const bundle = signBundle(
      {
        format: EXCHANGE_FORMAT,
        region: { code: '320500', name: '苏州市' },
        keyId: keyIdOf(suzhou.publicKey),
        createdAt: now.toISOString(),
        items: [
          {
            kind: 'clue',
            id: 'sz-clue-0001',
            rule: 'complaint_spike',
            riskLevel: 3,
            status: 'open',
            summary: { zh: '7天内收到投诉 11 件（投诉激增）', en: '11 complaints within 7 days (complaint spike)' },
            subject: { kind: 'organization', creditCode: profile?.creditCode as string, name: profile?.legalName as string },
            productTitle: null,
            signals: 11,
            firstAt: new Date(now.getTime() - 5 * 86_400_000).toISOString(),
            lastAt: now.toISOString(),
          },
        ],
      },
      suzhou.privateKey,
    );
    const dir = mkdtempSync(join(tmpdir(), 'livehub-exchange-'));
    const good = join(dir, 'suzhou.json');
    const bad = join(dir, 'suzhou-changed.json');
    writeFileSync(good, JSON.stringify(bundle));
    writeFileSync(bad, JSON.stringify({ ...bundle, items: bundle.items.map((i) => ({ ...i, riskLevel: 1 })) }));

    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'exchange', '/supervision/exchange');
    expect(await page.getByTestId('exchange-title').textContent()).toBe('跨区域协同');
    expect(await page.getByTestId('exchange-public-key').textContent()).toContain('BEGIN PUBLIC KEY');

    // 导出: a signed bundle downloaded, and listed
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^livehub-310114-\d{8}-\d{6}\.json$/);
    await page.getByTestId('exchange-bundles').getByText('导出').waitFor();

    // 登记合作地区 with 苏州's public key pasted as PEM
    await page.getByTestId('exchange-add-region').click();
    await page.getByTestId('exchange-region-code').fill('320500');
    await page.getByTestId('exchange-region-name').fill('苏州市');
    await page.getByTestId('exchange-region-key').fill(publicKeyPem(suzhou.publicKey));
    await page.getByTestId('exchange-add-region-ok').click();
    await page.getByTestId('exchange-regions').getByText(keyIdOf(suzhou.publicKey)).waitFor();

    // a bundle changed after signing: refused, in words
    await page.locator('input[type=file]').setInputFiles(bad);
    const error = page.getByTestId('exchange-import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('签名验证失败');

    await page.locator('input[type=file]').setInputFiles(good);
    const done = page.getByTestId('exchange-import-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('已导入 苏州市 的 1 条记录：匹配本地区企业 1 条，生成线索 1 条');
    const row = page
      .getByTestId('exchange-records')
      .locator('tr')
      .filter({ hasText: profile?.legalName as string });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('苏州市');
    expect(text).toContain('已生成本地线索');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await suite.screenshot(page, 'supervision-exchange');

    // the clue is in 监管线索 as 跨区域移送
    await openFromNav(page, 'clues', '/supervision/clues');
    const clue = page.getByTestId('clue-row').filter({ hasText: '跨区域移送' });
    await clue.waitFor();
    expect(await clue.textContent()).toContain('苏州市推送的线索：7天内收到投诉 11 件（投诉激增）');
  });
});
