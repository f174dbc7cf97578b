import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';
import { startAppUnderTest, type AppUnderTest } from './app-under-test.ts';
import { connectToChromium } from './shared-chromium.ts';

export interface RunningApp {
  simulator: SimulatedAttendee;
  app: AppUnderTest;
  browser: Browser;
  /**
   * A page of its own, in a context of its own, for a test that changes what cannot be put back
   * (Playwright's page clock, a CSP bypassed); closed after the test. It becomes the page given
   * to `options.page`.
   */
  ownPage(contextOptions?: BrowserContextOptions): Promise<Page>;
}

export interface AppInChromiumOptions {
  /** The simulated Attendee the app's proxy forwards to, with the bots the file needs. */
  simulator: () => SimulatedAttendee;
  ready: (running: RunningApp) => void;
  /** The page for the next test: 1280 × 900, on a blank device (nothing stored). */
  page: (page: Page) => void;
  /** Collects the text of any alert() or confirm() the page opens (and dismisses it). */
  dialogs?: string[];
  /** Options of the shared page's context (say, a CSP bypassed for axe), for every test. */
  context?: BrowserContextOptions;
}

const VIEWPORT = { width: 1280, height: 900 };

/**
 * The usual frame of a browser test file: the app started with `npm start` against a simulator,
 * the run's Chromium, and one page that every test of the file starts afresh: its storage
 * emptied and its listeners removed, so each test is a person opening the app on a new device.
 * A new browser context for every test cost four times the CPU (a new renderer, the app's code
 * compiled again), and the suite's time is mostly that.
 */
export function runAppInChromium(options: AppInChromiumOptions): void {
  let running: RunningApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const ownContexts: BrowserContext[] = [];

  const listenForDialogs = (target: Page) =>
    target.on('dialog', (dialog) => {
      options.dialogs?.push(dialog.message());
      void dialog.dismiss();
    });

  beforeAll(async () => {
    const simulator = options.simulator();
    const app = await startAppUnderTest(simulator);
    const browser = await connectToChromium();
    context = await browser.newContext({ viewport: VIEWPORT, ...options.context });
    page = await context.newPage();
    running = {
      simulator,
      app,
      browser,
      ownPage: async (contextOptions = {}) => {
        const own = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
        ownContexts.push(own);
        const ownPage = await own.newPage();
        listenForDialogs(ownPage);
        options.page(ownPage);
        return ownPage;
      },
    };
    options.ready(running);
  });

  afterAll(async () => {
    await running?.browser.close();
    await running?.app.stop();
  });

  beforeEach(async () => {
    page!.removeAllListeners();
    listenForDialogs(page!);
    await page!.setViewportSize(VIEWPORT);
    // Storage is per origin: on the app's origin (a page without the app), then emptied.
    await page!.goto(`${running!.app.url}/healthz`);
    await page!.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    options.page(page!);
  });

  afterEach(async () => {
    for (const own of ownContexts.splice(0)) await own.close();
    // Nothing of this test may keep running while the next one starts.
    await page!.goto('about:blank');
  });
}
