/**
 * Browser test of issue #21's journey (docs/programmes.md): the demo streamer (of the demo MCN) books the demo base's
 * A1 服饰直播间 for 10:00–12:00 on 预约直播间, schedules a session for that slot in the live console and enrols it in
 * the running 2027 网上年货节 on 活动报名; the 商务委 approves it in 活动管理. At the slot the streamer checks in on
 * 预约直播间 naming the session (the booking records it), goes live and ends the session; the 商务委 ends the campaign,
 * and its live totals and the after-action report (the XLSX from 活动管理, read back with exceljs) count the session,
 * its row naming the studio it was held in.
 *
 * The platform's clock is real time shifted to a China morning, so the studio is open and the check-in window (15 min
 * before the start) can be reached: it stands at 09:05 for the booking and moves to 09:55 for the check-in.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav, pickFromSelect, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CST = 8 * HOUR;

/** 09:00 China time of the next China day whose 09:00 is still ahead of the real time. */
const nine = (() => {
  const chinaDay = Math.floor((Date.now() + CST) / DAY) * DAY - CST;
  const today = chinaDay + 9 * HOUR;
  return today > Date.now() + MINUTE ? today : today + DAY;
})();
/** The booked slot: 10:00–12:00 China time of that day. */
const SLOT = nine + HOUR;
let offset = nine + 5 * MINUTE - Date.now();
const clock = { now: () => new Date(Date.now() + offset) };
const moveClockTo = (at: number) => {
  offset = at - Date.now();
};

/** `YYYY-MM-DD HH:mm` of an instant: in China time (the studios' pickers) or the browser's own zone (the console's). */
const pad = (n: number) => String(n).padStart(2, '0');
const chinaText = (ms: number) => new Date(ms + CST).toISOString().slice(0, 16).replace('T', ' ');
const localText = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const CAMPAIGN = '2027 网上年货节';
const STUDIO = 'A1 服饰直播间';
const PURPOSE = '年货节 · 共享直播间专场';
const TITLE = '年货节 · 共享直播间嘉定好物专场';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;
const SLOW = { timeout: 240_000 };

const suite = new BrowserSuite();
const { screenshot } = suite;

/** Types a date and time into an antd DatePicker and confirms it. */
async function typeDate(input: ReturnType<Page['locator']>, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(text);
}

let streamer: Page;
let organiser: Page;
let sessionId = '';
let sessionsBefore = 0;

async function campaignRecord() {
  const [c] = (await suite.server.platform.c.uow.read.campaigns.listCampaigns({ limit: 50 })).filter((x) => x.name === CAMPAIGN);
  if (!c) throw new Error(`the seed has no ${CAMPAIGN}`);
  return c;
}

async function bookingRow() {
  const row = streamer.locator('.ant-table-row').filter({ hasText: PURPOSE });
  await row.waitFor();
  return row;
}

describe.skipIf(!browserAvailable)('the programme journey: a studio, a campaign, a session counted', () => {
  suite.aroundTests({ server: { clock } });

  it('the streamer books A1 for 10:00–12:00 on 预约直播间', SLOW, async () => {
    expect((await campaignRecord()).status).toBe('running');
    // the sessions the campaign counts before: its approved session enrolments (the seed's 老字号 session among them)
    const campaign = await campaignRecord();
    sessionsBefore = (await suite.server.platform.c.uow.read.campaigns.listEnrolments({ campaignId: campaign.id, limit: 500 })).filter(
      (e) => e.kind === 'session' && e.status === 'approved',
    ).length;
    expect(sessionsBefore).toBeGreaterThan(0);

    streamer = await suite.freshPage();
    await suite.login(streamer, 'streamer');
    await openFromNav(streamer, 'studio-booking', '/programmes/book');
    // the studio's row in 可预约的直播间 (my bookings below name the studio too)
    const studio = streamer
      .locator('.ant-card')
      .filter({ hasText: '可预约的直播间' })
      .locator('.ant-table-row')
      .filter({ hasText: STUDIO });
    await studio.waitFor();
    await studio.getByRole('button', { name: /^预\s?约$/ }).click();
    const dialog = streamer.getByRole('dialog');
    await dialog.getByText(STUDIO).waitFor();
    await typeDate(dialog.locator('.ant-picker input'), chinaText(SLOT));
    await dialog.locator('.ant-select').click();
    await streamer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^2$/ }).click();
    await dialog.locator('#purpose').fill(PURPOSE);
    await screenshot(streamer, 'journey-book-dialog', false);
    await dialog.getByRole('button', { name: /^预\s?约$/ }).click();
    const row = await bookingRow();
    await row.getByText('已预约').waitFor();
    expect(await row.textContent()).toContain(STUDIO);
    await tablesLoaded(streamer);
    await screenshot(streamer, 'journey-booked');
  });

  it('schedules the session for the slot and enrols it in 年货节; the 商务委 approves it', SLOW, async () => {
    await openFromNav(streamer, 'live', '/live');
    await streamer.getByTestId('live-console-page').waitFor();
    await streamer.getByTestId('schedule-new').click();
    await streamer.getByTestId('schedule-title').fill(TITLE);
    await typeDate(streamer.locator('[data-testid="schedule-time"] input, input[data-testid="schedule-time"]').first(), localText(SLOT));
    await streamer.getByTestId('schedule-products').click();
    const option = streamer.locator('.ant-select-dropdown:visible [data-testid^="product-option-"]').first();
    await option.waitFor();
    const productTestId = (await option.getAttribute('data-testid')) ?? '';
    await pickFromSelect(streamer, 'schedule-products', productTestId);
    await streamer.keyboard.press('Escape');
    await streamer.getByTestId('schedule-submit').click();
    await streamer.waitForURL((url) => /^\/live\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    sessionId = new URL(streamer.url()).pathname.split('/').pop() ?? '';
    await streamer.locator('[data-testid="live-session-page"][data-status="scheduled"]').waitFor();
    await screenshot(streamer, 'journey-scheduled');

    await openFromNav(streamer, 'campaign-enrol', '/campaigns/enrol');
    await streamer.getByTestId(`campaign-enrol-${CAMPAIGN}`).click();
    const dialog = streamer.getByRole('dialog');
    await dialog.getByText(`${CAMPAIGN} · 报名直播场次`).waitFor();
    await pickFromSelect(
      streamer,
      streamer.getByTestId('campaign-enrol-pick'),
      streamer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TITLE }),
    );
    await streamer.locator('#campaign-enrol-submit:not([disabled])').waitFor();
    await dialog.getByRole('button', { name: '提交报名' }).click();
    const mine = streamer.locator('.ant-table-row').filter({ hasText: TITLE });
    await mine.getByText('待审核', { exact: true }).waitFor();
    await screenshot(streamer, 'journey-enrolled');

    organiser = await suite.freshPage();
    await suite.login(organiser, 'reg_swc');
    await openFromNav(organiser, 'campaigns', '/campaigns');
    await organiser.getByTestId(`campaign-open-${CAMPAIGN}`).click();
    const drawer = organiser.locator('.ant-drawer').filter({ hasText: '报名审核' });
    const row = drawer.locator('.ant-table-row').filter({ hasText: TITLE });
    await row.getByText('待审核', { exact: true }).waitFor();
    await organiser.getByTestId(`enrolment-approve-${TITLE}`).click();
    await organiser.getByTestId('enrolment-reason').fill('主播已认证，场次在活动期间内，于共享直播间开播');
    await organiser
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await row.getByText('已通过', { exact: true }).waitFor();
    // the approved session is in the live totals at once, not yet live
    const sessions = drawer.getByTestId('campaign-sessions');
    await expect.poll(async () => (await sessions.textContent()) ?? '').toContain(String(sessionsBefore + 1));
    await screenshot(organiser, 'journey-approved');
  });

  it('at the slot the streamer checks in naming the session, goes live from the studio and ends', SLOW, async () => {
    moveClockTo(nine + 55 * MINUTE);
    await openFromNav(streamer, 'studio-booking', '/programmes/book');
    const row = await bookingRow();
    await row.getByRole('button', { name: /^签\s?到$/ }).click();
    const dialog = streamer.getByRole('dialog').filter({ hasText: '关联直播场次' });
    await pickFromSelect(
      streamer,
      dialog.locator('.ant-select'),
      streamer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TITLE }),
    );
    await screenshot(streamer, 'journey-check-in', false);
    await dialog.getByRole('button', { name: /^签\s?到$/ }).click();
    await row.getByText('已签到').waitFor();
    await row.getByText(TITLE).waitFor(); // 直播场次: the session named at check-in
    await screenshot(streamer, 'journey-checked-in');
    // the booking records the session held in the studio
    const [booking] = (await suite.server.platform.c.uow.read.programmes.listBookings({ limit: 500 })).filter((b) => b.purpose === PURPOSE);
    expect(booking).toMatchObject({ status: 'checked_in', sessionId });

    await streamer.goto(`${suite.baseUrl}/live/sessions/${sessionId}`);
    await streamer.locator('[data-testid="checklist-summary"][data-ok="true"]').waitFor();
    await streamer.getByTestId('session-start').click();
    await streamer.locator('[data-testid="live-session-page"][data-status="live"]').waitFor();
    await screenshot(streamer, 'journey-live');

    // live in the campaign's totals
    await organiser.reload();
    await organiser.getByTestId(`campaign-open-${CAMPAIGN}`).click();
    const live = organiser.getByTestId('campaign-live');
    await expect.poll(async () => (await live.textContent()) ?? '', { timeout: 30_000 }).toContain('1');
    await screenshot(organiser, 'journey-totals-live');

    await streamer.getByTestId('session-end').click();
    await streamer.locator('.ant-popover:visible [data-testid="end-ok"]').click();
    await streamer.locator('[data-testid="live-session-page"][data-status="ended"]').waitFor();
    await screenshot(streamer, 'journey-ended');
  });

  it('the 商务委 ends the campaign; its totals and after-action report count the session', SLOW, async () => {
    await organiser.reload();
    const campaignRow = organiser.locator('.ant-table-row').filter({ hasText: CAMPAIGN });
    await campaignRow.getByRole('button', { name: '结束活动' }).click();
    await campaignRow.getByText('已结束').waitFor();
    await organiser.getByTestId(`campaign-open-${CAMPAIGN}`).click();
    const sessions = organiser.getByTestId('campaign-sessions');
    await expect.poll(async () => (await sessions.textContent()) ?? '').toContain(String(sessionsBefore + 1));
    expect(await organiser.getByTestId('campaign-live').textContent()).toContain('0');
    // the session's row names the studio it was held in
    const sessionRow = organiser.getByTestId('campaign-session-rows').locator('.ant-table-row').filter({ hasText: TITLE });
    await sessionRow.waitFor();
    expect(await sessionRow.textContent()).toContain(`云嘉直播电商产业园 · ${STUDIO}`);
    expect(await sessionRow.textContent()).toContain('已结束');
    expect((await organiser.locator('.ant-drawer').textContent()) ?? '').not.toMatch(UUID);
    await screenshot(organiser, 'journey-campaign-ended');

    const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByTestId('campaign-report-xlsx').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const summary = wb.getWorksheet('概况');
    const figure = (label: string) => {
      let v: unknown;
      summary?.eachRow((r) => {
        if (r.getCell(1).value === label) v = r.getCell(2).value;
      });
      return v;
    };
    expect(figure('直播场次')).toBe(sessionsBefore + 1);
    expect(Number(figure('已结束场次'))).toBeGreaterThanOrEqual(1);
    const rows: string[] = [];
    wb.getWorksheet('直播场次')?.eachRow((r) => {
      rows.push(r.values?.toString() ?? '');
    });
    const ours = rows.find((r) => r.includes(TITLE));
    expect(ours).toBeDefined();
    expect(ours).toContain('已结束');
    expect(ours).toContain(`云嘉直播电商产业园 · ${STUDIO}`);
  });
});
