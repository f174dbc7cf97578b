import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { axeViolationsInViews, type AxeView } from './support/axe-check.ts';

/*
 * axe-core's WCAG 2.1 A and AA rules (contrast, names, roles, labels) on the connect screen, in
 * light and in dark, on a laptop and on a phone, checked in the four views without loading it
 * again (axeViolationsInViews). The demo dashboard, its tools, the demo's bots list and their wall
 * are checked in first-screen.browser.test.ts, which loads them anyway; the expected list in
 * expected-attendees.browser.test.ts.
 */

const views: AxeView[] = [
  { name: 'a laptop in light', width: 1280, colorScheme: 'light' },
  { name: 'a laptop in dark', width: 1280, colorScheme: 'dark' },
  { name: 'a phone in dark', width: 390, colorScheme: 'dark' },
  { name: 'a phone in light', width: 390, colorScheme: 'light' },
];

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

function violationsInEveryView(): Promise<string[]> {
  return axeViolationsInViews(page, views);
}

it('the connect screen breaks no WCAG A or AA rule, light or dark, laptop or phone', async () => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo meeting' }).waitFor();
  expect(await violationsInEveryView()).toEqual([]);
});
