import type { Page } from 'playwright-core';

/**
 * Pauses the page's clock (installed by the caller) `aheadMs` from its now. The clock runs on in
 * real time while the two requests travel, and on a loaded machine it passed the moment before
 * the pause arrived ("Cannot fast-forward to the past", one CI run); the failed pause leaves
 * the clock paused where it was, so the moment is read again and the pause asked once more.
 */
export async function pauseClockSoon(page: Page, aheadMs = 100) {
  for (let attempt = 1; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + aheadMs);
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Cannot fast-forward to the past')) throw error;
    }
  }
}
