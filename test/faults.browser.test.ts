import type { Page } from 'playwright-core';
import { RunningClock } from '../server/simulator/clock.ts';
import {
  peakConcurrency,
  InstrumentedAttendee,
  type LoggedRequest,
} from '../server/testing/instrumented-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { figuresOnPage, truthOf, waitUntilLive, watchBot } from './support/dashboard-page.ts';
import { pauseClockSoon } from './support/page-clock.ts';
import { countRequestsInPage } from './support/requests-in-page.ts';

/*
 * Every fault between the page and Attendee, one at a time, against the real app (`npm start`)
 * and a simulated Attendee over HTTP. After each, what the page shows must equal what the
 * simulator holds: nothing lost, nothing doubled. A failure of the very first history page is
 * proven where the loader is (src/event-feed/parallel-history.test.ts), through the same
 * queries the page runs.
 *
 * Two clocks are at play, and they are moved together:
 * - The page's timers (poll interval, backoff, request timeout, Retry-After) run on Playwright's
 *   clock (`page.clock.install()`): it ticks in real time, and `fastForward` makes waits of
 *   seconds or minutes pass at once, firing due timers at most once, as a laptop waking up does.
 * - The simulator's clock (a RunningClock) is the server's: it makes the meeting happen, stamps
 *   created_at and the `Date` header the page takes its `after` watermark from. It ticks in real
 *   time too, and `jump` moves it as far as the page's clock was moved, so minutes of meeting
 *   pass "during" an outage or a sleep. The page never compares its clock with the server's
 *   (the watermark is the server's own Date minus an overlap), so the two need only agree on
 *   how much time passed.
 * To compare with the truth, the simulator's clock is held still: no new events, no late
 * commits becoming visible, the page's polls catch up and the numbers must then be equal.
 */

const KEY = 'faults-key-5a1d';
const clock = new RunningClock();
const simulator = new InstrumentedAttendee({ clock, seed: 23 });
let app: AppUnderTest;
let page: Page;
let botId: string;
/** The page's own requests for events, counted in the page. */
let eventRequestsInPage: Awaited<ReturnType<typeof countRequestsInPage>> | undefined;

function addMeeting(id: string) {
  simulator.addBot({ id, apiKey: KEY, meeting: { historyMinutes: 8, participants: 15 } });
  botId = id;
}

function eventRequests(from = 0): LoggedRequest[] {
  return simulator.requests
    .slice(from)
    .filter((request) => request.path === `/api/v1/bots/${botId}/participant_events`);
}

/** Moves both clocks on together: the meeting goes on while the page waits. */
async function letTimePass(ms: number) {
  clock.jump(ms);
  await page.clock.fastForward(ms);
}

/** Moves the page's clock on through its backoff until every queued fault was served and retried. */
async function serveAllFaults() {
  await expect
    .poll(
      async () => {
        if (simulator.faults.pending > 0) await letTimePass(4_000);
        return simulator.faults.pending;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(0);
  // The retry after the last fault is up to 30 s of backoff away (MAX_BACKOFF_MS).
  await letTimePass(30_000);
}

/** Brings the page's next poll on now (polls fall on 3 s ticks of its clock) rather than waiting for it. */
async function pollNow() {
  await letTimePass(3_000);
}

async function waitForStatus(text: string | RegExp) {
  await page.getByRole('status').getByText(text).waitFor({ timeout: 20_000 });
}

/** Holds the meeting still and waits for the page to show exactly what the simulator holds. */
async function expectPageToEqualTruth() {
  clock.hold();
  await page.clock.fastForward(3_000);
  const truth = truthOf(simulator, botId);
  await expect.poll(() => figuresOnPage(page), { timeout: 20_000, interval: 500 }).toEqual(truth);
  expect(await page.getByRole('alert').count()).toBe(0);
  return truth;
}

async function watchUntilLive(id: string) {
  addMeeting(id);
  await watchBot(page, app.url, botId, KEY);
  await waitUntilLive(page);
}

runAppInChromium({
  simulator: () => simulator,
  // One page for the file, its clock installed once: a context per test cost more than the
  // tests' own work.
  pageClock: true,
  ready: (running) => {
    ({ app } = running);
  },
  page: (created) => {
    page = created;
  },
});

beforeEach(async () => {
  eventRequestsInPage ??= await countRequestsInPage(page, '/participant_events');
});

afterEach(() => {
  simulator.faults.clear();
  clock.release();
});

describe('the dashboard survives every fault between it and Attendee', () => {
  // One meeting through each answer that is not the events: what the page says for each, and
  // nothing lost or doubled once they pass. A meeting each cost a history load and a comparison.
  it('keeps up through bursts of server errors, a garbled body and a proxy’s HTML error page', async () => {
    await watchUntilLive('bot_FaultBursts0001');
    simulator.faults.failNext(
      3,
      { kind: 'status', status: 503, body: '{"detail":"Service unavailable"}' },
      'participant_events',
    );
    await pollNow();
    await waitForStatus('Reconnecting… Server error 503: Service unavailable.');
    await serveAllFaults();
    await waitUntilLive(page);

    simulator.faults.failNext(4, { kind: 'status', status: 500 }, 'participant_events');
    await pollNow();
    await waitForStatus(/Reconnecting… Server error 500/);
    await serveAllFaults();
    await waitUntilLive(page);

    // A JSON body cut short.
    simulator.faults.failNext(2, { kind: 'malformed-json' }, 'participant_events');
    await pollNow();
    await waitForStatus('Reconnecting… The response arrived garbled (not valid JSON).');
    await serveAllFaults();
    await waitUntilLive(page);

    // A proxy in between answering with its own HTML page.
    simulator.faults.failNext(2, { kind: 'status', status: 502 }, 'participant_events');
    simulator.faults.failNext(1, { kind: 'status', status: 504 }, 'bot');
    await pollNow();
    await waitForStatus('Reconnecting… Server error 502: Bad Gateway.');
    await serveAllFaults();
    await waitUntilLive(page);
    await expectPageToEqualTruth();
  });

  it('waits as long as a 429 says in Retry-After, and not a moment less', async () => {
    await watchUntilLive('bot_FaultThrottle01');
    const throttle = {
      kind: 'status',
      status: 429,
      body: '{"detail":"Request was throttled. Expected available in 20 seconds."}',
      headers: { 'Retry-After': '20' },
    } as const;
    simulator.faults.failNext(1, throttle, 'participant_events');
    await pollNow();
    await waitForStatus('Reconnecting… The server asked us to wait for 20 s (HTTP 429).');
    const startedWhenThrottled = await eventRequestsInPage!.started();
    const throttled = simulator.requests.findLastIndex((request) => request.status === 429);

    await letTimePass(15_000);
    expect(await eventRequestsInPage!.started()).toBe(startedWhenThrottled);
    await letTimePass(6_000);
    await expect
      .poll(() => eventRequests(throttled + 1).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await waitUntilLive(page);
    await expectPageToEqualTruth();
  });

  it('reconnects after the upstream is down for 30 s, backing off meanwhile', async () => {
    await watchUntilLive('bot_FaultOutage0001');
    const eventsBefore = truthOf(simulator, botId).events;
    simulator.faults.always({ kind: 'drop' });
    const outageFrom = simulator.requests.length;
    await pollNow();
    await waitForStatus(/Reconnecting… Server error 502: Cannot reach http:\/\/127\.0\.0\.1:\d+: /);
    for (let second = 0; second < 30; second += 5) {
      await letTimePass(5_000);
      // The failure comes back in real time; the page then sets its next backoff.
      await eventRequestsInPage!.untilNoneInFlight();
    }
    const triedDuringOutage = eventRequests(outageFrom).length;
    // Polling every 3 s would be 10 requests; backing off (1, 2, 4, 8, 16 s) is about 5.
    expect(triedDuringOutage).toBeGreaterThanOrEqual(2);
    expect(triedDuringOutage).toBeLessThanOrEqual(7);

    simulator.faults.clear();
    await letTimePass(30_000);
    await waitUntilLive(page);
    const truth = await expectPageToEqualTruth();
    expect(truth.events).toBeGreaterThan(eventsBefore);
  });

  it('aborts and retries answers slower than its timeout, one request at a time', async () => {
    await watchUntilLive('bot_FaultSlow000001');
    const from = simulator.requests.length;
    simulator.faults.failNext(2, { kind: 'slow', delayMs: 120_000 }, 'participant_events');
    await pollNow();
    for (let slow = 0; slow < 2; slow += 1) {
      await expect
        .poll(() => eventRequests(from).filter((request) => request.fault === 'slow').length, {
          timeout: 10_000,
        })
        .toBe(slow + 1);
      // The page's own 15 s timeout (REQUEST_TIMEOUT_MS).
      await letTimePass(15_000);
      await waitForStatus('Reconnecting… No answer within 15 s.');
      await expect
        .poll(() => eventRequests(from).filter((request) => request.abandoned).length, {
          timeout: 10_000,
        })
        .toBe(slow + 1);
      await letTimePass(4_000);
    }
    await waitUntilLive(page);
    await expectPageToEqualTruth();
    expect(peakConcurrency(eventRequests(from))).toBe(1);
  });

  it('catches up after a laptop sleeps for 10 minutes while the meeting goes on', async () => {
    await watchUntilLive('bot_FaultSleep00001');
    const eventsBefore = truthOf(simulator, botId).events;
    await pauseClockSoon(page, 1_000);
    const startedBeforeSleep = await eventRequestsInPage!.started();
    const asleepFrom = simulator.requests.length;
    clock.jump(10 * 60_000);
    // Asleep, the page asks nothing, however long the meeting goes on.
    expect(await eventRequestsInPage!.started()).toBe(startedBeforeSleep);

    await page.clock.fastForward('10:00');
    await page.clock.resume();
    const truth = await expectPageToEqualTruth();
    // Ten minutes of meeting is many pages: the catch-up poll followed the cursor to the end.
    expect(truth.events - eventsBefore).toBeGreaterThan(100);
    expect(eventRequests(asleepFrom).some((request) => request.query.cursor)).toBe(true);
  });
});
