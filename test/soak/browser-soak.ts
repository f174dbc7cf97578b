/**
 * `npm run soak` (without --server-days): the demo meeting at ten times speed, watched in Chromium for ten minutes of wall
 * time (SOAK_MINUTES, SOAK_SPEED to change), through `npm start` and its proxy. Reports the JS heap
 * (after a forced garbage collection) at the start, every minute and at the end, and checks that
 * what the page shows at the end equals the simulator's truth. Figures are `name: value unit`.
 * Exits non-zero when the state differs or the heap grew out of proportion.
 */
import type { CDPSession, Page } from 'playwright-core';
import { RunningClock } from '../../server/simulator/clock.ts';
import {
  peakConcurrency,
  InstrumentedAttendee,
} from '../../server/testing/instrumented-attendee.ts';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';
import { startAppUnderTest } from '../support/app-under-test.ts';
import { launchChromium } from '../support/chromium.ts';
import {
  figuresOnPage,
  truthOf,
  waitUntilLive,
  watchBot,
  type Figures,
} from '../support/dashboard-page.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SPEED = Number(process.env.SOAK_SPEED ?? 10);
/** Heap at the end may grow with the events held, but not beyond this many times the start. */
const MAX_HEAP_GROWTH = 3;

function report(name: string, value: number | string, unit = '') {
  const shown = typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;
  console.log(`${name}: ${shown}${unit ? ` ${unit}` : ''}`);
}

async function heapAfterGc(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const nodes = metrics.find((metric) => metric.name === 'Nodes')?.value ?? 0;
  return { heapMb: usedSize / 1024 / 1024, nodes };
}

async function waitForTruth(page: Page, expected: Figures & { rosterLength: number }) {
  const deadline = Date.now() + 60_000;
  let shown = await figuresOnPage(page);
  while (Date.now() < deadline) {
    shown = await figuresOnPage(page);
    if (JSON.stringify(shown) === JSON.stringify(expected)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return shown;
}

const clock = new RunningClock({ speed: SPEED });
const simulator = new InstrumentedAttendee({ clock });
simulator.addBot({ id: DEMO_BOT_ID, apiKey: DEMO_API_KEY, meeting: {} });
const app = await startAppUnderTest(simulator);
const browser = await launchChromium();
let failed: boolean;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await watchBot(page, app.url, DEMO_BOT_ID, DEMO_API_KEY);
  await waitUntilLive(page, 60_000);
  const startedAt = Date.now();
  const meetingStartMs = clock.now();
  const eventsAtStart = truthOf(simulator, DEMO_BOT_ID).events;
  const start = await heapAfterGc(cdp);
  report('soak speed', SPEED, 'x');
  report('events at start', eventsAtStart, 'events');
  report('heap at start', start.heapMb, 'MB');
  report('dom nodes at start', start.nodes, 'nodes');

  let peakHeapMb = start.heapMb;
  for (let minute = 1; minute <= MINUTES; minute += 1) {
    await new Promise((resolve) => setTimeout(resolve, startedAt + minute * 60_000 - Date.now()));
    const sample = await heapAfterGc(cdp);
    peakHeapMb = Math.max(peakHeapMb, sample.heapMb);
    const shown = await figuresOnPage(page);
    report(`heap at minute ${minute}`, sample.heapMb, 'MB');
    report(`events loaded at minute ${minute}`, shown.events, 'events');
  }

  clock.hold();
  const truth = truthOf(simulator, DEMO_BOT_ID);
  const shown = await waitForTruth(page, truth);
  const end = await heapAfterGc(cdp);
  peakHeapMb = Math.max(peakHeapMb, end.heapMb);
  const eventRequests = simulator.requests.filter((request) =>
    request.path.endsWith('/participant_events'),
  );
  report('wall time', (Date.now() - startedAt) / 60_000, 'min');
  report('meeting time', (clock.now() - meetingStartMs) / 60_000, 'min');
  report('heap at end', end.heapMb, 'MB');
  report('heap peak', peakHeapMb, 'MB');
  report('dom nodes at end', end.nodes, 'nodes');
  report('events at end', truth.events, 'events');
  report('events loaded on page', shown.events, 'events');
  report('present in truth', truth.present, 'people');
  report('present on page', shown.present, 'people');
  report('roster rows on page', shown.rosterLength, 'rows');
  report('event requests', eventRequests.length, 'requests');
  report('failed event requests', eventRequests.filter((r) => r.status !== 200).length, 'requests');
  report(
    'peak live polls in flight',
    peakConcurrency(eventRequests, (request) => request.query.after !== undefined),
    'requests',
  );
  report('page errors', pageErrors.length, 'errors');

  const equal = JSON.stringify(shown) === JSON.stringify(truth);
  const bounded = end.heapMb <= start.heapMb * MAX_HEAP_GROWTH;
  report('state equals truth', equal ? 'yes' : 'NO');
  report('heap bounded', bounded ? 'yes' : 'NO');
  failed = !equal || !bounded || pageErrors.length > 0;
} finally {
  await browser.close();
  await app.stop();
}
process.exit(failed ? 1 : 0);
