import type { Page } from 'playwright-core';
import { SHARED_ANSWER_MS_IN_TESTS } from './app-under-test.ts';

const FRAME_MS = 50;

/**
 * Moves the page's clock (installed by the caller) on by `refreshMs`, to its next read of a state
 * the simulator was just given. The app server's reuse time (SHARED_ANSWER_MS_IN_TESTS, which the
 * caller's app server must be started with) passes first in real time, so that the page reads the
 * new state, not an answer the server kept for viewers from just before.
 */
export async function moveToNextRefresh(page: Page, refreshMs: number) {
  await new Promise((resolve) => setTimeout(resolve, SHARED_ANSWER_MS_IN_TESTS + 100));
  // One frame first: Preact runs effects after a paint, and a paused clock holds the frame too, so
  // a poll that an effect is about to schedule would otherwise start its wait after the jump.
  await page.clock.runFor(FRAME_MS);
  await page.clock.fastForward(refreshMs);
}
