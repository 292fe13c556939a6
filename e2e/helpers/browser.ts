/**
 * Browser-test plumbing shared by every e2e/browser suite: Debian Chromium with the flags this closed-network
 * machine needs, a built web app, fresh zh-CN pages, signing in as a demo account, and settled screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/**
 * The server serves the built web app: build it when it is missing or older than its sources, by the same script
 * `npm start` and `npm test` use (run as a process: e2e imports no file outside its folder).
 */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/web-build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
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

  /** A browser context of its own (own cookies), Chinese locale: desktop size, or a phone's. Closed with the harness. */
  async context(opts: { mobile?: boolean } = {}): Promise<BrowserContext> {
    const client = { extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() } };
    const context = await this.browser.newContext(
      opts.mobile
        ? { locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...client }
        : { locale: 'zh-CN', viewport: { width: 1440, height: 900 }, ...client },
    );
    this.contexts.push(context);
    return context;
  }

  /** A page in its own browser context (own cookies), Chinese locale, desktop size unless `mobile`. */
  async freshPage(opts: { mobile?: boolean } = {}): Promise<Page> {
    const page = await (await this.context(opts)).newPage();
    // generous: the CI machine is shared and has 2 cores; a step that waits this long has failed, not slowed
    page.setDefaultTimeout(40_000);
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
    await toastsGone(page);
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * Switches the header's language menu to `locale`. A click on the menu item while the dropdown is still animating in
 * can miss (the menu stays open, nothing switches); the step is retried until the menu has closed on its choice.
 */
/** The text of the page's visible body: no id and no message key of the given areas (`nav.` always) may show. */
export async function expectNoRawText(page: Page, areas: readonly string[]): Promise<void> {
  const text = (await page.locator('.lh-content').first().textContent()) ?? '';
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(text).not.toMatch(new RegExp(`\\b(${['nav', ...areas].join('|')})\\.[a-z]+`));
}

export async function switchLanguage(page: Page, locale: 'zh-CN' | 'en-US'): Promise<void> {
  const item = page.getByTestId(`lang-${locale}`);
  for (let attempt = 0; ; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId('lang-switch').click();
    await item.click();
    try {
      await item.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Follows the side navigation's `nav-<key>` entry and waits for the page at `pathname`. */
export async function openFromNav(page: Page, key: string, pathname: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await page.waitForURL((url) => url.pathname === pathname);
}

/** Waits (6 s at the most) for the toast messages on the page to go. */
export async function toastsGone(page: Page): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
}

/** Waits until every table has faded its loading overlay out. */
export async function tablesLoaded(page: Page): Promise<void> {
  // a string: the e2e type check has no DOM library
  // polled with evaluate, not waitForFunction: the page's CSP forbids eval, which waitForFunction's polling uses
  await expect
    .poll(() =>
      page.evaluate<boolean>("[...document.querySelectorAll('.ant-spin-container')].every((e) => getComputedStyle(e).opacity === '1')"),
    )
    .toBe(true);
}

let clientSeq = 0;
/**
 * A client address of its own for each browser context and HTTP sign-in (TEST-NET-2, never routed): the test server
 * trusts X-Forwarded-For from loopback, so a file's sign-ins count per client, as they would from real people.
 */
export function nextClientAddress(): string {
  clientSeq++;
  return `198.51.100.${(clientSeq % 250) + 1}`;
}

/** A demo account signed in over HTTP, for the API calls and sockets a test makes beside the browser. */
export interface HttpAuth {
  cookie: string;
  csrf: string;
  userId: string;
  orgId: string | null;
}

export async function signInHttp(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<HttpAuth> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('lh_session='))
    ?.split(';')[0];
  const me = (await res.json()) as { csrfToken: string; user: { id: string }; active: { orgId: string } | null };
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: me.csrfToken, userId: me.user.id, orgId: me.active?.orgId ?? null };
}

/** A JSON API call as a signed-in account; anything but a 2xx throws with the answer. */
export async function apiAs<T>(baseUrl: string, auth: HttpAuth, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The validation message under a form field (by the field's test id); '' when there is none. */
export async function fieldError(page: Page, testId: string): Promise<string> {
  const item = page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) });
  return (
    (await item
      .locator('.ant-form-item-explain')
      .textContent()
      .catch(() => '')) ?? ''
  ).trim();
}

/**
 * A code field (an ID number, a credit code) checked as the user types: a prefix is too short, a wrong check
 * character is refused, the valid code clears the message.
 */
export async function expectCheckedAsTyped(
  page: Page,
  testId: string,
  steps: { prefix: string; tooShort: string; wrongCheck: string; valid: string },
): Promise<void> {
  const field = page.getByTestId(testId);
  await field.pressSequentially(steps.prefix);
  await expect.poll(() => fieldError(page, testId)).toContain(steps.tooShort);
  await field.fill(steps.wrongCheck);
  await expect.poll(() => fieldError(page, testId)).toContain('校验位错误');
  await field.fill(steps.valid);
  await expect.poll(() => fieldError(page, testId)).toBe('');
}

/**
 * A reviewer's decision on an application page, submitted until the page shows it (`done`). If the application changed
 * meanwhile (409, shown above the page) or the page did not follow, reloads and submits again only if the decision is
 * still open, as a reviewer would; a refusal fails with its message; three attempts at the most.
 */
export async function decideOnApplication(
  page: Page,
  what: string,
  opts: { submit: () => Promise<void>; done: Locator; timeoutMs: number },
): Promise<void> {
  const timeout = opts.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    await opts.submit();
    const outcome = await Promise.race([
      opts.done.waitFor({ timeout }).then(() => 'done'),
      page
        .getByTestId('application-error')
        .waitFor({ timeout })
        .then(() => 'stale'),
      page
        .getByTestId('reason-error')
        .waitFor({ timeout })
        .then(() => 'refused'),
    ]).catch(() => 'timeout');
    if (outcome === 'done') return;
    if (outcome === 'refused') throw new Error(`${what} refused: ${await page.getByTestId('reason-error').textContent()}`);
    if (attempt >= 3) throw new Error(`the ${what} did not go through (${outcome})`);
    // what the server holds decides: reload, and submit again only if it is still open
    await page.reload();
    await page.getByTestId('application-page').waitFor();
    if ((await opts.done.count()) > 0) return;
  }
}

/** Clicks the OK button (by test id) of the popconfirm that is open. */
export async function confirmPopover(page: Page, okTestId: string): Promise<void> {
  const ok = page.locator(`.ant-popover:visible [data-testid="${okTestId}"]`);
  await ok.waitFor();
  await ok.click();
}

/**
 * Opens a Select and clicks one of its options (a test id inside the option's label, or a locator of the option in the
 * open dropdown), until the click lands — and, for a test id, the choice shows in the select. A select inside a modal
 * that is still opening loses its dropdown when the dialog takes the focus at the end of its animation; the dropdown
 * then stays drawn with its option still "visible" to Playwright but no longer taking clicks (the dialog is hit
 * instead). Clicking the select again reopens it. `shows`: for an option given as a locator, the text the select must
 * show once it is chosen (a click can land and choose nothing: the dropdown of the select before is still closing).
 */
export async function pickFromSelect(
  page: Page,
  select: string | Locator,
  option: string | Locator,
  timeoutMs = 60_000,
  shows?: string,
): Promise<void> {
  const box = typeof select === 'string' ? page.getByTestId(select) : select;
  const target = typeof option === 'string' ? page.locator(`.ant-select-dropdown:visible [data-testid="${option}"]`) : option.first();
  const chosen =
    typeof option === 'string'
      ? box.locator(`[data-testid="${option}"]`).first()
      : shows
        ? box.getByTitle(shows, { exact: true }).first()
        : null;
  const succeeds = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => false,
    );
  const deadline = Date.now() + timeoutMs;
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (;;) {
    // already chosen (a click of the round before landed, its choice showed late): a second click would undo it in a
    // multiple select
    if (chosen && (await chosen.isVisible())) return;
    // no dropdown open: open this one; one open but its option not there yet (options still loading on a slow
    // machine): wait for it rather than click the select again, which would close it
    if ((await dropdown.count()) === 0) await box.click();
    if ((await succeeds(target.click({ timeout: 5_000 }))) && (!chosen || (await succeeds(chosen.waitFor({ timeout: 5_000 }))))) return;
    // the dropdown shows the option but did not take the click (closing, or under a dialog that took the focus): a
    // click on the select closes it (or takes the focus back), and the next round opens it again if need be
    if (await target.isVisible()) await box.click();
    if (Date.now() > deadline) throw new Error(`could not pick ${typeof option === 'string' ? option : 'the option'} in the select`);
  }
}
