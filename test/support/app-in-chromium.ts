import type { Browser, Page } from 'playwright-core';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';
import { startAppUnderTest, type AppUnderTest } from './app-under-test.ts';
import { connectToChromium } from './shared-chromium.ts';

export interface RunningApp {
  simulator: SimulatedAttendee;
  app: AppUnderTest;
  browser: Browser;
}

export interface AppInChromiumOptions {
  /** The simulated Attendee the app's proxy forwards to, with the bots the file needs. */
  simulator: () => SimulatedAttendee;
  ready: (running: RunningApp) => void;
  /** A fresh 1280 × 900 page for every test. */
  page: (page: Page) => void;
  /** Collects the text of any alert() or confirm() the page opens (and dismisses it). */
  dialogs?: string[];
}

/**
 * The usual frame of a browser test file: the app started with `npm start` against a simulator,
 * one Chromium for the file, one page for each test.
 */
export function runAppInChromium(options: AppInChromiumOptions): void {
  let running: RunningApp | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    const simulator = options.simulator();
    const app = await startAppUnderTest(simulator);
    running = { simulator, app, browser: await connectToChromium() };
    options.ready(running);
  });

  afterAll(async () => {
    await running?.browser.close();
    await running?.app.stop();
  });

  beforeEach(async () => {
    page = await running!.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      options.dialogs?.push(dialog.message());
      void dialog.dismiss();
    });
    options.page(page);
  });

  afterEach(async () => {
    await page?.close();
  });
}
