import type { Page } from 'playwright-core';

/** Our server may answer a question asked again within 2 s with the answer it kept for viewers. */
const SHARED_ANSWER_MS = 2000;

/**
 * Moves the page's clock (installed by the caller) on by `refreshMs`, to its next read of a state
 * the simulator was just given. 2 s of real time pass first, so that the page reads the new state,
 * not an answer our server kept from just before.
 */
export async function moveToNextRefresh(page: Page, refreshMs: number) {
  await new Promise((resolve) => setTimeout(resolve, SHARED_ANSWER_MS + 100));
  await page.clock.fastForward(refreshMs);
}
