/**
 * Browser-test plumbing shared by every e2e/browser suite: Debian Chromium with the flags this closed-network
 * machine needs, a built web app, fresh zh-CN pages, signing in as a demo account, and settled screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
export const screenshotDir = path.join(repoRoot, 'e2e/browser/__screenshots__');
export const DEMO_PASSWORD = 'livehub-demo';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The server serves the built web app; build it once if this checkout has not (npm test builds it first). */
export function ensureWebBuilt(): void {
  if (existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', '@livehub/web'], { cwd: repoRoot, stdio: 'inherit' });
}

export class BrowserHarness {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  static async start(baseUrl: string): Promise<BrowserHarness> {
    ensureWebBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    return new BrowserHarness(await launchChromium(), baseUrl);
  }

  /** A page in its own browser context (own cookies), Chinese locale, desktop size. */
  async freshPage(): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  async login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${this.baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workbench-title').waitFor();
  }

  /** A screenshot once the page is idle and dialogs and toasts have gone, so it shows the page itself. */
  async screenshot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-modal-wrap')
      .first()
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => undefined);
    await page
      .locator('.ant-message-notice')
      .first()
      .waitFor({ state: 'detached', timeout: 6000 })
      .catch(() => undefined);
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}
