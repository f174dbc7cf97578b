import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';
import {
  SHARED_ANSWER_MS_IN_TESTS,
  startAppUnderTest,
  type AppUnderTest,
} from './app-under-test.ts';
import { connectToChromium } from './shared-chromium.ts';
import './worker-servers.ts';

export interface RunningApp<Simulator extends SimulatedAttendee = SimulatedAttendee> {
  simulator: Simulator;
  app: AppUnderTest;
  browser: Browser;
  /**
   * A page of its own, in a context of its own, for a test that changes what cannot be put back
   * (Playwright's page clock, a CSP bypassed); closed after the test. It becomes the page given
   * to `options.page`.
   */
  ownPage(contextOptions?: BrowserContextOptions): Promise<Page>;
}

export interface AppInChromiumOptions<Simulator extends SimulatedAttendee = SimulatedAttendee> {
  /**
   * The simulated Attendee the app's proxy forwards to, with the bots the file needs (an
   * InstrumentedAttendee when the file counts requests or switches faults on).
   */
  simulator: () => Simulator;
  ready: (running: RunningApp<Simulator>) => void;
  /** The page for the next test: 1280 × 900, on a blank device (nothing stored). */
  page: (page: Page) => void;
  /** Collects the text of any alert() or confirm() the page opens (and dismisses it). */
  dialogs?: string[];
  /** Options of the shared page's context (say, a CSP bypassed for axe), for every test. */
  context?: BrowserContextOptions;
  /**
   * The file's page runs on Playwright's page clock, installed once (it outlives navigations; it
   * ticks in real time until a test moves it). A clock cannot be given back: the page is in a
   * context of its own, closed with the file, rather than one the worker's other files share.
   */
  pageClock?: boolean;
}

/** Every test's page: a laptop's window. */
export const VIEWPORT = { width: 1280, height: 900 };

/**
 * The browser test files run one after another in each of the run's workers (isolate: false), and
 * a worker keeps what is costly to start for all of them: its connection to the run's Chromium,
 * one page per kind of context, and one app server. A context of its own for each file cost a new
 * renderer process and the app's code warmed up again, about 2.5 CPU-seconds a file; a server of
 * its own, about 0.65 CPU-seconds and a second of waiting for it to listen. The worker's app is
 * served on its own port where it can be, so that the page's code comes from the browser's cache,
 * compiled, as it does for someone opening the app again; it forwards to the simulator of the
 * file running now.
 */
let workerBrowser: Promise<Browser> | undefined;
const workerPages = new Map<string, Promise<Page>>();
// Below the kernel's ephemeral ports, as freePort's are (app-under-test.ts).
const WORKER_PORT_BASE = 21_800;
let workerApp: Promise<AppUnderTest> | undefined;
let simulatorOfFile: SimulatedAttendee | undefined;

function browserOfWorker(): Promise<Browser> {
  workerBrowser ??= connectToChromium();
  return workerBrowser;
}

function pageOfWorker(contextOptions: BrowserContextOptions): Promise<Page> {
  const key = JSON.stringify(contextOptions);
  let page = workerPages.get(key);
  if (page === undefined) {
    page = browserOfWorker().then(async (browser) => {
      const context = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
      return context.newPage();
    });
    workerPages.set(key, page);
  }
  return page;
}

function workerPort(): number | undefined {
  const poolId = Number(process.env.VITEST_POOL_ID);
  return Number.isInteger(poolId) && poolId > 0 ? WORKER_PORT_BASE + poolId : undefined;
}

function appOfWorker(): Promise<AppUnderTest> {
  workerApp ??= startAppUnderTest(
    { handle: (request) => simulatorOfFile!.handle(request) },
    { SHARED_ANSWER_MS: String(SHARED_ANSWER_MS_IN_TESTS) },
    workerPort(),
  ).then(async (app) => {
    // Stopped by the global teardown (worker-servers.ts), after the worker's last file.
    await writeFile(join(inject('serverPidsDir'), String(app.process.pid)), '');
    // Every later test of the worker fails with "connection refused" if it goes: say why once.
    app.process.once('exit', (code, signal) =>
      console.error(`The worker's app server exited (${code ?? signal}):\n${app.output()}`),
    );
    return app;
  });
  return workerApp;
}

/**
 * Ends whatever the last test left running on `page` and empties what the app can keep on the
 * device for `appUrl`'s origin (its localStorage, and any other storage but the HTTP cache, which
 * keeps the app's code as a returning visitor's browser does). Through the browser rather than
 * from a page of the app's origin: loading one (its /healthz) only to run `localStorage.clear()`
 * in it cost a document load a test.
 */
export async function startAfresh(page: Page, appUrl: string): Promise<void> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(appUrl).origin,
      storageTypes: 'all',
    });
  } finally {
    await cdp.detach();
  }
}

/**
 * The usual frame of a browser test file: the app as `npm start` runs it (the worker's, forwarding
 * to the file's simulator), the run's Chromium, and one page that every test of the file starts
 * afresh: its storage emptied, its listeners removed, its viewport and media reset, so each test
 * is a person opening the app on a new device. A new browser context for every test cost four
 * times the CPU (a new renderer, the app's code compiled again), and the suite's time is mostly
 * that.
 */
export function runAppInChromium<Simulator extends SimulatedAttendee>(
  options: AppInChromiumOptions<Simulator>,
): void {
  let running: RunningApp<Simulator> | undefined;
  let page: Page | undefined;
  let fileContext: BrowserContext | undefined;
  const ownContexts: BrowserContext[] = [];

  const listenForDialogs = (target: Page) =>
    target.on('dialog', (dialog) => {
      options.dialogs?.push(dialog.message());
      void dialog.dismiss();
    });

  beforeAll(async () => {
    const simulator = options.simulator();
    simulatorOfFile = simulator;
    const app = await appOfWorker();
    const browser = await browserOfWorker();
    if (options.pageClock) {
      fileContext = await browser.newContext({ viewport: VIEWPORT, ...options.context });
      page = await fileContext.newPage();
      await page.clock.install();
    } else {
      page = await pageOfWorker(options.context ?? {});
    }
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
    // Nothing of this file may keep running on the worker's page while the next file starts
    // (between tests, the next test's first navigation ends it).
    await page?.goto('about:blank');
    await fileContext?.close();
  });

  beforeEach(async () => {
    page!.removeAllListeners();
    listenForDialogs(page!);
    // Left first, so that the last test's page is not laid out again for a new size or scheme.
    await startAfresh(page!, running!.app.url);
    await page!.setViewportSize(VIEWPORT);
    await page!.emulateMedia({ colorScheme: 'light' });
    options.page(page!);
  });

  afterEach(async () => {
    for (const own of ownContexts.splice(0)) await own.close();
  });
}
