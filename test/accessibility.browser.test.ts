import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { launchChromium } from './support/chromium.ts';
import { waitUntilLive } from './support/dashboard-page.ts';

/*
 * axe-core's WCAG 2.1 A and AA rules (contrast, names, roles, labels) on the connect screen and
 * the demo dashboard, the demo's bots and their wall, in light and in dark, on a laptop and on a phone. axe is injected into the
 * page for the check only; the page's own CSP forbids such scripts, so this context bypasses it.
 */

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  app = await startAppUnderTest(new SimulatedAttendee());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const views = [
  { name: 'a laptop in light', width: 1280, colorScheme: 'light' },
  { name: 'a laptop in dark', width: 1280, colorScheme: 'dark' },
  { name: 'a phone in dark', width: 390, colorScheme: 'dark' },
  { name: 'a phone in light', width: 390, colorScheme: 'light' },
] as const;

describe.each(views)('accessibility on $name', ({ width, colorScheme }) => {
  async function violationsOf(
    screen: 'connect' | 'dashboard' | 'bots list' | 'wall',
  ): Promise<string[]> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme,
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    try {
      await page.goto(app.url);
      if (screen === 'dashboard') {
        await page.getByRole('button', { name: 'Try the demo meeting' }).click();
        await waitUntilLive(page);
      }
      if (screen === 'bots list' || screen === 'wall') {
        await page.getByRole('button', { name: 'Show the demo’s bots' }).click();
        await page
          .getByText(/present ·/)
          .first()
          .waitFor({ timeout: 20_000 });
      }
      if (screen === 'wall') {
        for (const box of await page.getByRole('checkbox').all()) await box.check();
        await page.getByRole('button', { name: 'Watch together' }).click();
        await page.getByText('Peak').first().waitFor({ timeout: 20_000 });
      }
      await page.addScriptTag({ path: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations;
      });
      return violations.map(
        (violation) =>
          `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} (${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(', ')})`,
      );
    } finally {
      await context.close();
    }
  }

  it('the connect screen breaks no WCAG A or AA rule', async () => {
    expect(await violationsOf('connect')).toEqual([]);
  });

  it('the dashboard of the demo meeting breaks no WCAG A or AA rule', async () => {
    expect(await violationsOf('dashboard')).toEqual([]);
  });

  it('the demo’s bots list and their wall break no WCAG A or AA rule', async () => {
    expect(await violationsOf('bots list')).toEqual([]);
    expect(await violationsOf('wall')).toEqual([]);
  });
});
