import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { DEMO_BOT_ID } from '../src/common/demo-meeting.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import {
  AXE_VIEWS,
  axeViolationsInViews,
  LAPTOP_IN_LIGHT,
  PHONE_IN_DARK,
} from './support/axe-check.ts';
import { waitUntilLive } from './support/dashboard-page.ts';
import { expectOnFirstScreen } from './support/first-screen.ts';

/*
 * The meeting first: who is here on the first screen of a laptop and of a phone, the tools one
 * keyboard press away, and the parts nobody asked for yet not downloaded.
 */

let app: AppUnderTest;
let page: Page;

runAppInChromium({
  simulator: () => new SimulatedAttendee(),
  ready: (started) => {
    ({ app } = started);
  },
  page: (created) => {
    page = created;
  },
  // axe is injected into the page for the check only; the page's own CSP forbids such scripts.
  context: { bypassCSP: true, reducedMotion: 'reduce' },
});

async function openDemoMeeting() {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo meeting' }).click();
  await waitUntilLive(page);
}

// The views axe checks in, each in one colour scheme: a scheme changes colours, never where
// things are.
const screens = [
  { ...LAPTOP_IN_LIGHT, height: 800, rosterRows: 8, timelineRows: 8 },
  { ...PHONE_IN_DARK, height: 844, rosterRows: 4, timelineRows: 0 },
];

describe('the first screen shows the meeting', () => {
  // One demo meeting, looked at in each view in turn (as axeViolationsInViews does): opening it
  // afresh for each view cost a page load and the demo's history each time for the same checks.
  it('on a laptop in light and a phone in dark: the header, Present now and who is here, and no WCAG A or AA rule broken', async () => {
    await openDemoMeeting();
    for (const view of screens) {
      const { name, colorScheme, height } = view;
      await page.setViewportSize({ width: view.width, height });
      await page.emulateMedia({ colorScheme });
      const heading = page.getByRole('heading', { level: 1 });
      await expectOnFirstScreen(`${name}: the bot ID`, heading, height);
      await expectOnFirstScreen(
        `${name}: the status line`,
        page.getByRole('status').first(),
        height,
      );
      await expectOnFirstScreen(`${name}: Present now`, page.getByLabel('Present now'), height);
      await expectOnFirstScreen(`${name}: Peak`, page.getByLabel('Peak', { exact: true }), height);
      const roster = page.getByRole('list', { name: 'Currently present' });
      const rosterRows = roster.getByRole('listitem');
      await expect
        .poll(() => rosterRows.count(), { message: name })
        .toBeGreaterThanOrEqual(view.rosterRows);
      for (let row = 0; row < view.rosterRows; row++) {
        await expectOnFirstScreen(`${name}: roster row ${row + 1}`, rosterRows.nth(row), height);
      }
      const timelineRows = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
      for (let row = 0; row < view.timelineRows; row++) {
        await expectOnFirstScreen(
          `${name}: timeline row ${row + 1}`,
          timelineRows.nth(row),
          height,
        );
      }
    }
    expect(await axeViolationsInViews(page), 'the dashboard').toEqual([]);
  });
});

describe('the bots list and the wall', () => {
  it('lists the first bots on the first screen, each tile leads with Present now, and neither breaks a WCAG A or AA rule in either view', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Show the demo’s bots' }).click();
    const inMeetings = page.getByRole('list', { name: 'Bots in meetings now', exact: true });
    const rows = inMeetings.getByRole('listitem');
    await rows.first().waitFor({ timeout: 20_000 });
    // The connect form folds away while the list is open.
    expect(await page.getByLabel('Bot ID').isVisible()).toBe(false);
    for (let row = 0; row < 3; row++) {
      await expectOnFirstScreen(`bot ${row + 1}`, rows.nth(row), 800);
    }
    await page
      .getByText(/present ·/)
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await axeViolationsInViews(page), 'the bots list').toEqual([]);

    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Watch together' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    // The demo meeting's own tile (the wall is a region too, holding every tile).
    const tile = page.getByRole('region', { name: DEMO_BOT_ID, exact: true });
    await tile.getByLabel('Present now').waitFor({ timeout: 20_000 });
    const terms = await tile.locator('dt').allTextContents();
    expect(terms[0]).toBe('Present now');
    const present = await tile.getByLabel('Present now').boundingBox();
    const peak = await tile.getByLabel('Peak', { exact: true }).boundingBox();
    // Larger than the other figures, and first.
    expect(present!.height).toBeGreaterThan(peak!.height);
    expect(present!.x).toBeLessThan(peak!.x);
    await page.getByText('Peak').first().waitFor({ timeout: 20_000 });
    expect(await axeViolationsInViews(page), 'the wall').toEqual([]);
  });
});

/** Presses Tab until the focus is on the button or field named `name` (as a keyboard user would). */
async function tabTo(name: string | RegExp) {
  // What the focus went through, for the failure's message: a run that fails once in many
  // should say where the focus was, not only where it was not.
  const seen: string[] = [];
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (element === null) return '';
      const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      return (
        element.getAttribute('aria-label') ??
        labelled?.textContent ??
        element.textContent ??
        ''
      ).trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    seen.push(focused === '' ? '(nothing named)' : focused.slice(0, 40));
  }
  throw new Error(`Tab never reached ${String(name)}; the focus went to: ${seen.join(' → ')}`);
}

const toolButton = (name: string) =>
  page.getByRole('group', { name: 'Tools' }).getByRole('button', { name });

/** The name of the tool panel the focus is in, read at once (no waiting), or null. */
const focusedPanel = () =>
  page.evaluate(() => {
    const labelledBy = document.activeElement
      ?.closest('section[aria-labelledby]')
      ?.getAttribute('aria-labelledby');
    return labelledBy ? (document.getElementById(labelledBy)?.textContent ?? null) : null;
  });

describe('the tools, by keyboard alone', () => {
  it('opens, uses and closes each tool, says which are in use, and breaks no WCAG A or AA rule with each open', async () => {
    await openDemoMeeting();
    await page.locator('body').focus();

    // Rewind: its panel opens with the focus in it; Escape closes it and gives the focus back.
    await tabTo('Rewind');
    await page.keyboard.press('Enter');
    expect(await toolButton('Rewind').getAttribute('aria-expanded')).toBe('true');
    // Loaded on first opening: the field is waited for, as a person would.
    await page.getByLabel('Show the meeting at').waitFor();
    await tabTo('Show the meeting at');
    const firstJoin = await page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('listitem')
      .last()
      .locator('time')
      .first()
      .textContent();
    await page.keyboard.type(firstJoin ?? '');
    await page.keyboard.press('Enter');
    const rosterHeading = page.getByRole('heading', { level: 2, name: /^Present at / });
    await rosterHeading.waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('region', { name: 'Rewind', exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rewind/);
    // Closed, the rewind still shows at the roster, with the way back.
    await tabTo('Back to live');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'In the meeting now' }).waitFor();

    // Alerts: a name watched for; the button says one is, with the panel closed.
    await toolButton('Alerts').focus();
    await page.keyboard.press('Enter');
    // In the panel as it opens, so a Tab pressed at once goes on from there.
    expect(await focusedPanel()).toBe('Alerts');
    await tabTo('Tell me when they join');
    await page.keyboard.type('Dana Ruiz');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Watching for' }).getByText('Dana Ruiz').waitFor();
    await page.keyboard.press('Escape');
    expect(await toolButton('Alerts').textContent()).toMatch(/in use: 1$/);

    // Expected attendees: a list typed in and saved; its counts show at the roster.
    await toolButton('Expected attendees').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add expected attendees' }).waitFor();
    await tabTo('Add expected attendees');
    await page.keyboard.press('Enter');
    await tabTo('Names, one a line');
    await page.keyboard.type('Chen Wei\nNobody Expected');
    await tabTo('Save the list');
    await page.keyboard.press('Enter');
    await page.getByRole('rowheader', { name: 'Nobody Expected' }).waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByRole('region', { name: 'In the meeting now' })
      .getByText(/^Expected 2: 1 here, 1 not here/)
      .waitFor();

    // Settings: the interval, chosen with the arrow keys.
    await toolButton('Settings').focus();
    await page.keyboard.press('Enter');
    expect(await focusedPanel()).toBe('Settings');
    await tabTo('Check every');
    const before = await page.getByLabel('Check every').inputValue();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Check every').inputValue()).not.toBe(before);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('region', { name: 'Settings', exact: true }).count()).toBe(0);

    // Each tool, open as it was left, breaks no WCAG A or AA rule: its panel and the tool
    // buttons, which say what is open and in use (the rest of the dashboard is checked as it is
    // in the first test). The expected list's panel is checked, filled in, in
    // expected-attendees.browser.test.ts.
    for (const tool of ['Rewind', 'Alerts', 'Settings']) {
      await toolButton(tool).click();
      const panel = page.getByRole('region', { name: tool, exact: true });
      await panel.waitFor();
      const changed = [panel, page.getByRole('group', { name: 'Tools' })];
      expect(await axeViolationsInViews(page, AXE_VIEWS, changed), tool).toEqual([]);
    }
  });
});

describe('what a visitor downloads', () => {
  it('loads no part before the first Watch, and each part when it is first used; a tool keeps what was typed', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The connect screen's entry, and the API client it asks for the bot's description with
    // the moment Watch is pressed (a chunk it shares with the dashboard): no part of the
    // dashboard, the wall or a tool.
    expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(scripts.length).toBeLessThanOrEqual(2);
    const dashboardParts =
      /\/(workspace|participants-section|rewind-controls|expected-section|series-chunk)-/;
    expect(scripts.filter((path) => dashboardParts.test(path))).toEqual([]);

    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await waitUntilLive(page);
    await page.getByRole('table', { name: 'Participants' }).waitFor();
    const named = (part: string) => scripts.some((path) => path.includes(`/${part}-`));
    expect(named('workspace')).toBe(true);
    expect(named('participants-section')).toBe(true);
    expect(named('rewind-controls')).toBe(false);
    expect(named('expected-section')).toBe(false);

    await toolButton('Rewind').click();
    await page.getByLabel('Show the meeting at').waitFor();
    expect(named('rewind-controls')).toBe(true);
    // Closed and opened again, the tool still holds what was typed in it.
    await page.getByLabel('Show the meeting at').fill('12:34');
    await toolButton('Rewind').click();
    await toolButton('Rewind').click();
    expect(await page.getByLabel('Show the meeting at').inputValue()).toBe('12:34');
    await toolButton('Expected attendees').click();
    await page.getByRole('button', { name: 'Add expected attendees' }).waitFor();
    expect(named('expected-section')).toBe(true);
  });
});
