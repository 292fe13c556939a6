/**
 * Browser test of 加购 in the live room: a consumer on a phone opens the demo's live room (盐池滩羊), taps 加入购物车 on
 * a product of the shelf (choosing its specification when it has several) and is told it was added; a second tap in
 * the same minute is not counted again. The room's merchant, on 实时需求, sees the SKU's 加购 next to its sales, and
 * the count rises on the open page through the stream (no reload) when another viewer adds it. Screenshots go to
 * e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 180_000 };
/** The platform's clock: real time, held still while the two taps must fall in one session minute. */
let held: number | null = null;
const clock = { now: () => new Date(held ?? Date.now()) };

/** Taps 加入购物车 on the product's shelf card, picking `skuId` when the product asks for a specification. */
async function addToCart(page: Page, productId: string, skuId: string): Promise<void> {
  await page.locator(`[data-testid="shelf-item"][data-product-id="${productId}"]`).getByTestId('shelf-add-to-cart').click();
  const pick = page.locator(`[data-testid="cart-sku"][data-sku-id="${skuId}"]`);
  const added = page.getByText(/已加入购物车|已在购物车中/).first();
  await Promise.race([pick.waitFor().then(() => pick.click()), added.waitFor()]);
}

describe.skipIf(!browserAvailable)('加购 in the live room', () => {
  suite.aroundTests({ server: { clock } });

  it('a viewer’s 加入购物车 shows on the merchant’s 实时需求, once per minute, live', SLOW, async () => {
    const c = suite.server.platform.c;
    const [live] = await c.uow.read.live.listSessions({ status: ['live'], limit: 5 });
    expect(live?.title).toMatch(/盐池滩羊/);
    const sessionId = live?.id as string;
    const [product] = await c.uow.read.live.listProducts(sessionId);
    const productId = product?.productId as string;
    const [sku] = await c.uow.read.catalog.listSkus([productId]);
    const skuId = sku?.id as string;
    const counted = async () =>
      (await c.uow.read.supply.cartAdds(sessionId)).filter((x) => x.skuId === skuId).reduce((n, x) => n + x.adds, 0);
    const before = await counted();

    // the merchant's 实时需求 is open first: the count must arrive through the stream
    const staff = (await c.uow.read.memberships.listForOrg(product?.merchantOrgId as string)).find((m) => m.role === 'merchant_staff');
    const board = await suite.freshPage();
    await board.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(board, staff?.username as string);
    await openFromNav(board, 'merchant-demand', '/merchant/demand');
    const cell = board.getByTestId(`carts-${skuId}`).first();
    await cell.waitFor();
    expect(await cell.getAttribute('data-carts')).toBe(String(before));

    const viewer = await suite.freshPage({ mobile: true });
    await suite.login(viewer, 'consumer_00071');
    await viewer.goto(`${suite.baseUrl}/live/rooms/${sessionId}`);
    await viewer.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
    await viewer.getByTestId('tab-shelf').click();
    held = Date.now();
    await addToCart(viewer, productId, skuId);
    await viewer.getByText('已加入购物车').first().waitFor();
    expect(await counted()).toBe(before + 1);
    await suite.screenshot(viewer, 'live-room-add-to-cart', false);

    // the same viewer again within the minute: told it is already there, not counted again
    await viewer.getByText('已加入购物车').first().waitFor({ state: 'hidden', timeout: 15_000 });
    await addToCart(viewer, productId, skuId);
    await viewer.getByText('已在购物车中').first().waitFor();
    expect(await counted()).toBe(before + 1);
    held = null;

    // the open board shows it without a reload
    await board
      .locator(`[data-testid="carts-${skuId}"][data-carts="${before + 1}"]`)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await board.getByTestId(`carts-${skuId}`).first().textContent()).toMatch(/^\d+ \/ \d+$/);
    await suite.screenshot(board, 'merchant-demand-carts');
  });
});
