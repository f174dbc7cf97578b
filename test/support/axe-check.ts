import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now, one line per violation. The page's
 * CSP forbids injected scripts: the page's context must have been created with bypassCSP.
 *
 * `scope`: only these parts of the page, when a step changed them and the rest was checked as it
 * is (a tool's panel opened on a dashboard checked whole). A check of the whole dashboard takes
 * about four times one of a panel, most of it the contrast of every line of the roster and the
 * timeline; the rules about the page as a whole (one main landmark, a level-one heading) need the
 * whole page, and run only then.
 */
export async function axeViolations(page: Page, scope: readonly Locator[] = []): Promise<string[]> {
  // Once a document: parsing axe's half a megabyte again for each view of the same screen was
  // most of a check's time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const parts = await Promise.all(scope.map((part) => part.elementHandle()));
  const violations = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(include.length > 0 ? { include } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are read; listing every passing node as well doubled the work.
      resultTypes: ['violations'],
    });
    return result.violations;
  }, parts);
  return violations.map(
    (violation) =>
      `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} (${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')})`,
  );
}

export interface AxeView {
  name: string;
  width: number;
  colorScheme: 'light' | 'dark';
}

/**
 * The views a screen is checked in. A view's colours come from its scheme and its boxes from its
 * width, so a laptop in light and a phone in dark check each scheme's contrast and each width's
 * layout (what shows, what scrolls, what overlaps) once; the other two pairings repeated both for
 * half the run's axe time.
 */
export const LAPTOP_IN_LIGHT: AxeView = {
  name: 'a laptop in light',
  width: 1280,
  colorScheme: 'light',
};
export const PHONE_IN_DARK: AxeView = { name: 'a phone in dark', width: 390, colorScheme: 'dark' };
export const AXE_VIEWS: readonly AxeView[] = [LAPTOP_IN_LIGHT, PHONE_IN_DARK];

/**
 * axeViolations in each view, by resizing the page and switching the colour scheme it is told
 * the system prefers (the page follows prefers-color-scheme live): one page load checks them all.
 * Each line is prefixed by its view; an empty list passes.
 */
export async function axeViolationsInViews(
  page: Page,
  views: readonly AxeView[] = AXE_VIEWS,
  scope: readonly Locator[] = [],
): Promise<string[]> {
  const found: string[] = [];
  for (const view of views) {
    await page.setViewportSize({ width: view.width, height: 900 });
    await page.emulateMedia({ colorScheme: view.colorScheme });
    // Buttons ease their colours from one scheme to the other: axe must see where they settle.
    // A live update can cancel a transition midway (its `finished` rejects) and start another,
    // so wait until none is left rather than for the first set.
    await page.evaluate(async () => {
      for (let round = 0; round < 20 && document.getAnimations().length > 0; round += 1) {
        await Promise.allSettled(document.getAnimations().map((run) => run.finished));
      }
    });
    for (const violation of await axeViolations(page, scope))
      found.push(`${view.name}: ${violation}`);
  }
  return found;
}
