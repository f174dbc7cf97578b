import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { axeViolationsInViews, type AxeView } from './support/axe-check.ts';
import { waitUntilLive } from './support/dashboard-page.ts';

/*
 * axe-core's WCAG 2.1 A and AA rules (contrast, names, roles, labels) on the connect screen, the
 * demo dashboard, the demo's bots list and their wall, each in light and in dark, on a laptop and
 * on a phone. One page goes through the screens as a person would, and each screen is checked in
 * the four views without loading it again (axeViolationsInViews): loading the page afresh for
 * each view cost four times the CPU for the same checks.
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

async function openDemoBots(): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Show the demo’s bots' }).click();
  await page
    .getByText(/present ·/)
    .first()
    .waitFor({ timeout: 20_000 });
}

it('the connect screen breaks no WCAG A or AA rule, light or dark, laptop or phone', async () => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo meeting' }).waitFor();
  expect(await violationsInEveryView()).toEqual([]);
});

it('the dashboard of the demo meeting breaks no WCAG A or AA rule, in every view', async () => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo meeting' }).click();
  await waitUntilLive(page);
  expect(await violationsInEveryView()).toEqual([]);
});

it('the demo’s bots list and their wall break no WCAG A or AA rule, in every view', async () => {
  await openDemoBots();
  expect(await violationsInEveryView()).toEqual([]);

  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Watch together' }).click();
  await page.getByText('Peak').first().waitFor({ timeout: 20_000 });
  expect(await violationsInEveryView()).toEqual([]);
});
