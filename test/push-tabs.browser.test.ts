import type { BrowserContext, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { parseScrape } from '../server/testing/prometheus-scrape.ts';
import {
  TEST_WEBHOOK_SECRET,
  deliverWebhook,
  joinDelivery,
  pushedOnlyEvent,
} from '../server/testing/webhook-deliveries.ts';
import { freePort, startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { VIEWPORT, runAppInChromium, type RunningApp } from './support/app-in-chromium.ts';
import { watchBot } from './support/dashboard-page.ts';

const BOT = 'bot_sharedTabs00001';
const KEY = 'tabs-key-abc123';
// A leader and two followers, so that when the leader closes, one follower takes over and
// serves the other. The server's own count of open streams proves they share one (with a stream
// each, six tabs would hold every HTTP/1.1 connection to the server and a seventh could load
// nothing); src/event-feed/tab-share.test.ts covers what the tabs tell each other.
const TABS = 3;

let simulator: SimulatedAttendee;
let running: RunningApp;
/** An app of this file's own, with a webhook secret and its metrics served. */
let app: AppUnderTest;
let metricsUrl: string;
let context: BrowserContext | undefined;

runAppInChromium({
  simulator: () => {
    simulator = new SimulatedAttendee({ seed: 261, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    for (const name of ['Hana History', 'Ike Early']) {
      simulator.join(BOT, { uuid: `uuid-${name}`, name });
    }
    return simulator;
  },
  ready: (ready) => {
    running = ready;
  },
  page: () => undefined,
});

beforeAll(async () => {
  const metricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  app = await startAppUnderTest(simulator, {
    ATTENDEE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET.toString('base64'),
    METRICS_PORT: String(metricsPort),
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

/** Push streams open on the server now, from its own count. */
async function openStreams(): Promise<number> {
  const samples = parseScrape(await (await fetch(metricsUrl)).text());
  return samples.find((sample) => sample.name === 'attendee_live_push_streams_open')!.value;
}

async function pushJoin(name: string) {
  expect(await deliverWebhook(app.url, joinDelivery(BOT, pushedOnlyEvent(name)))).toBe(200);
}

const roster = (page: Page) => page.getByRole('list', { name: 'Currently present' });

describe('tabs of one browser', () => {
  it('share one push stream: three tabs load, all show a pushed join, and another tab takes over when the leader closes', async () => {
    context = await running.browser.newContext({ viewport: VIEWPORT });
    const pages: Page[] = [];
    /** The tabs that asked for /live: the leader, and after it closes, its successor. */
    const streamers = new Set<Page>();
    for (let tab = 0; tab < TABS; tab++) {
      const page = await context.newPage();
      page.on('request', (request) => {
        if (request.url().startsWith(`${app.url}/live?`)) streamers.add(page);
      });
      pages.push(page);
      await watchBot(page, app.url, BOT, KEY);
    }
    for (const page of pages) {
      await roster(page).getByText('Hana History').waitFor({ timeout: 30_000 });
      await page.getByRole('status').getByText(/^Live/).waitFor({ timeout: 15_000 });
    }
    await expect.poll(openStreams, { timeout: 10_000 }).toBe(1);

    await pushJoin('Pia Pushed');
    for (const page of pages) {
      await roster(page).getByText('Pia Pushed').waitFor({ timeout: 10_000 });
    }
    expect(await openStreams()).toBe(1);
    expect(streamers.size).toBe(1);

    const [leader] = streamers;
    await leader!.close();
    const remaining = pages.filter((page) => page !== leader);
    // The new leader's stream opens once its tab holds the lock and has heard the others.
    await expect.poll(() => streamers.size, { timeout: 10_000 }).toBe(2);
    await expect.poll(openStreams, { timeout: 10_000 }).toBe(1);
    await pushJoin('Quin After');
    for (const page of remaining) {
      await roster(page).getByText('Quin After').waitFor({ timeout: 10_000 });
    }
    expect(await openStreams()).toBe(1);
  }, 120_000);
});
