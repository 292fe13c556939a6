/**
 * The seeded server and the Chromium harness every e2e/browser suite runs against: one per file, started before the
 * describe block's tests and closed after them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BrowserHarness } from './browser.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';

export interface BrowserSuiteHooks {
  /** Before the browser starts, with the server up (files to upload, data ingested over the server). */
  setUp?: (server: TestServer) => Promise<void> | void;
  /** Before the browser and the server close (sockets the test opened). */
  beforeClose?: () => Promise<void> | void;
  /** After both have closed (temporary files). */
  tearDown?: () => Promise<void> | void;
  /** how the server starts (its clock, more configuration) */
  server?: TestServerOptions;
}

export class BrowserSuite {
  #server: TestServer | undefined;
  #harness: BrowserHarness | undefined;

  get server(): TestServer {
    if (!this.#server) throw new Error('the browser suite has not started');
    return this.#server;
  }

  get harness(): BrowserHarness {
    if (!this.#harness) throw new Error('the browser suite has not started');
    return this.#harness;
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** A page in its own browser context (own cookies), Chinese locale, desktop size unless `mobile`. */
  readonly freshPage = (opts: { mobile?: boolean } = {}): Promise<Page> => this.harness.freshPage(opts);
  readonly login = (page: Page, username: string): Promise<void> => this.harness.login(page, username);
  readonly screenshot = (page: Page, name: string, fullPage = true): Promise<void> => this.harness.screenshot(page, name, fullPage);

  /** Called in the describe block: starts the server and the browser before its tests, closes them after. */
  aroundTests(hooks: BrowserSuiteHooks = {}): void {
    beforeAll(async () => {
      this.#server = await startTestServer(hooks.server);
      await hooks.setUp?.(this.#server);
      this.#harness = await BrowserHarness.start(this.#server.baseUrl);
    });
    afterAll(async () => {
      await hooks.beforeClose?.();
      await this.#harness?.close();
      await this.#server?.close();
      await hooks.tearDown?.();
    });
  }
}
