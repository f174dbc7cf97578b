import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InstrumentedAttendee, peakConcurrency } from '../server/testing/instrumented-attendee.ts';
import {
  makeLocalhostCertificate,
  type LocalhostCertificate,
} from '../server/testing/localhost-certificate.ts';
import { HISTORY_CONCURRENCY } from '../src/event-feed/parallel-history.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { VIEWPORT } from './support/app-in-chromium.ts';
import { figuresOnPage, truthOf, waitUntilLive, watchBot } from './support/dashboard-page.ts';
import { connectToChromium } from './support/shared-chromium.ts';

const BOT = 'bot_h2Meeting000001';
const KEY = 'h2-test-key';
const PEOPLE = 120;
/** About a hundred pages: enough for the page to plan more windows than HTTP/1.1's eight. */
const SPEECHES = 2_400;

let certificate: LocalhostCertificate;
let simulator: InstrumentedAttendee;
let app: AppUnderTest;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** A long meeting written straight into the simulator: everyone joins, some leave, many speak. */
function addLongMeeting(into: InstrumentedAttendee) {
  into.addBot({ id: BOT, apiKey: KEY });
  const start = Date.now() - 3 * 3_600_000;
  const step = (3 * 3_600_000 - 60_000) / (PEOPLE + SPEECHES);
  let at = start;
  const when = () => ({ createdAtMs: (at += step), timestampMs: at });
  for (let person = 0; person < PEOPLE; person += 1) {
    into.join(BOT, { uuid: `person-${person}`, name: `Person ${person}` }, when());
  }
  for (let index = 0; index < SPEECHES; index += 1) {
    const uuid = `person-${(index >> 1) % PEOPLE}`;
    if (index % 2 === 0) into.speechStart(BOT, uuid, when());
    else into.speechStop(BOT, uuid, when());
  }
  for (let person = 0; person < PEOPLE; person += 7) into.leave(BOT, `person-${person}`, when());
}

beforeAll(async () => {
  certificate = makeLocalhostCertificate();
  // A round trip long enough that requests sent together are seen together upstream.
  simulator = new InstrumentedAttendee({ latencyMs: 150, lateCommitProbability: 0 });
  addLongMeeting(simulator);
  app = await startAppUnderTest(simulator, {
    TLS_CERT_FILE: certificate.certFile,
    TLS_KEY_FILE: certificate.keyFile,
  });
  browser = await connectToChromium();
  // The certificate was made by this test: Chromium is told to accept it here, and only here.
  context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
  certificate?.remove();
});

describe('the dashboard served over HTTPS and HTTP/2', () => {
  it('loads a long history with more windows at once than HTTP/1.1 allows, and the roster is right', async () => {
    simulator.clearRequests();
    await watchBot(page, app.url, BOT, KEY);
    await waitUntilLive(page);
    const protocol = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .nextHopProtocol,
    );
    expect(protocol).toBe('h2');
    const truth = truthOf(simulator, BOT);
    await expect.poll(() => figuresOnPage(page)).toEqual(truth);
    const eventPages = (request: { path: string }) =>
      request.path === `/api/v1/bots/${BOT}/participant_events`;
    expect(peakConcurrency(simulator.requests, eventPages)).toBeGreaterThan(HISTORY_CONCURRENCY);
  });
});
