import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { axeViolationsInViews } from './support/axe-check.ts';

/*
 * axe-core's WCAG 2.1 A and AA rules (contrast, names, roles, labels) on the connect screen, on a
 * laptop in light and a phone in dark (AXE_VIEWS), without loading it again. The demo dashboard,
 * its tools, the demo's bots list and their wall are checked in first-screen.browser.test.ts,
 * which loads them anyway; the expected list in expected-attendees.browser.test.ts.
 */

let app: AppUnderTest;
let page: Page;

runAppInChromium({
  simulator: () => new SimulatedAttendee(),
  ready: (running) => {
    ({ app } = running);
  },
  page: (created) => {
    page = created;
  },
  // axe is injected into the page for the check only; the page's own CSP forbids such scripts.
  context: { bypassCSP: true, reducedMotion: 'reduce' },
});

it('the connect screen breaks no WCAG A or AA rule, on a laptop in light or a phone in dark', async () => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo meeting' }).waitFor();
  expect(await axeViolationsInViews(page)).toEqual([]);
});
