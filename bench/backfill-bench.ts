import { InstrumentedAttendee, type PageCost } from '../server/testing/instrumented-attendee.ts';
import { getOnce, startAppUnderTest } from '../test/support/app-under-test.ts';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.ts';
import { populateBurstyMeeting, populateMeeting } from './populate-meeting.ts';
import { walkPlainly } from './plain-walk.ts';
import { openChromiumWalker } from './plain-walk-in-chromium.ts';
import { DEFAULT_REUSE_MS } from '../server/proxy/shared-answers.ts';

export const BOT = 'bot_benchBackfill001';
export const KEY = 'bench-key';
const PEOPLE = 400;
/** A laptop far from the hosted Attendee. */
export const BACKFILL_LATENCY_MS = 120;
/**
 * A Django REST Framework list page: ~8 ms for authentication, one indexed query and the view,
 * plus ~0.6 ms a row to serialise, so ~23 ms for a full page of 25. Cursor pagination seeks by an
 * index on created_at, so a page deep in the history costs what the first one does.
 */
export const BACKFILL_PAGE_COST: PageCost = { fixedMs: 8, perRowMs: 0.6 };
/** The page's own limit, and the browser's connections per host over HTTP/1.1. */
const PARALLEL_WALKS = 6;

export interface BackfillFigures {
  events: number;
  /** The real app in Chromium, from pressing Watch to the full roster (median of TIMED_RUNS). */
  browserMs: number;
  /** Six plain cursor walks at once, each over a sixth of the events, through the same proxy (median). */
  ceilingMs: number;
  /** The same six walks run by a page in Chromium: the most a browser here can do (median). */
  ceilingInChromiumMs: number;
  /** One plain cursor walk of the whole history through the same proxy. */
  sequentialMs: number;
  browserRequests: number;
  ceilingRequests: number;
  sequentialRequests: number;
}

/**
 * Runs in the page before the app: the moment Watch is pressed, and the moment the roster first
 * shows everyone (the figure "Present now" reads the expected count).
 */
const INSTRUMENT = `
  window.__backfill = { startedAt: null, doneAt: null, expected: null };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Watch') window.__backfill.startedAt = performance.now();
  }, true);
  new MutationObserver((_, observer) => {
    const bench = window.__backfill;
    if (bench.startedAt === null) return;
    const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent.trim() === 'Present now');
    if (term?.nextElementSibling?.textContent.trim() !== bench.expected) return;
    bench.doneAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * A 10,000-event meeting behind `npm start`'s proxy, with a real server's latency and page cost,
 * loaded four ways: by the page in Chromium, by six plain walks at once (the ceiling: what the
 * server and the proxy can give), by the same walks from a page in Chromium (what a browser here
 * can give), and by one plain walk (the reference).
 */
export async function measureBackfill(
  events: number,
  shape: MeetingShape = 'even',
): Promise<BackfillFigures> {
  const { simulator, createdAt, presentAtEnd, app } = await startBackfillMeeting(events, shape);
  const eventsPath = `/api/v1/bots/${BOT}/participant_events`;
  const countEventRequests = () =>
    simulator.requests.filter((request) => request.path === eventsPath).length;
  try {
    await warmUp(() => loadInChromium(app.url, undefined, presentAtEnd));
    const browser = await medianRun(simulator, async () => {
      const ms = await loadInChromium(app.url, undefined, presentAtEnd);
      return { ms, requests: countEventRequests() };
    });

    // Six windows holding a sixth of the events each, cut where the bench (unlike the page) knows
    // the events are: the best split there is, which the page can only estimate.
    const windows = sixthsByCount(createdAt);
    const ceiling = await medianRun(simulator, async () => {
      const started = performance.now();
      const walks = await Promise.all(
        windows.map((window) => walkPlainly(app.url, eventsPath, KEY, window)),
      );
      const ms = performance.now() - started;
      const walked = walks.reduce((sum, walk) => sum + walk.events, 0);
      if (walked !== events) throw new Error(`six walks got ${walked} of ${events}`);
      return { ms, requests: countEventRequests() };
    });

    const walker = await openChromiumWalker(app.url, eventsPath, KEY);
    let ceilingInChromium: { ms: number };
    try {
      ceilingInChromium = await medianRun(simulator, async () => {
        const walked = await walker.walk(windows);
        if (walked.events !== events) throw new Error(`six walks in Chromium got ${walked.events}`);
        return { ms: walked.ms };
      });
    } finally {
      await walker.close();
    }

    simulator.clearRequests();
    const started = performance.now();
    const whole = await walkPlainly(app.url, eventsPath, KEY, { afterMs: null, beforeMs: null });
    const sequentialMs = performance.now() - started;
    if (whole.events !== events) throw new Error(`one walk got ${whole.events} of ${events}`);
    return {
      events,
      browserMs: browser.ms,
      ceilingMs: ceiling.ms,
      ceilingInChromiumMs: ceilingInChromium.ms,
      sequentialMs,
      browserRequests: browser.requests,
      ceilingRequests: ceiling.requests,
      sequentialRequests: countEventRequests(),
    };
  } finally {
    await app.stop();
  }
}

/**
 * One unmeasured run of `load` first, as a server that has been running has served before. A
 * fresh server process compiles its code on its first few hundred requests and spends up to
 * twice the CPU on each of them (`npx tsx bench/server-cpu-per-request.ts`); the page's load
 * came first on each server, so it alone paid that, and the walks after it did not. Then the
 * answers the run left for identical requests expire, so the measured run asks for all of its own.
 */
export async function warmUp(load: () => Promise<unknown>): Promise<void> {
  await load();
  await untilSharedAnswersExpire();
}

/** Past the proxy's reuse time, so a run gets none of the answers the one before it left. */
function untilSharedAnswersExpire(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DEFAULT_REUSE_MS + 500));
}

/**
 * How many times the page's load and the ceiling are timed; the median is the figure. One load
 * of the same meeting on a quiet machine has measured 5.2 s and 6.4 s in two runs in a row.
 */
export const TIMED_RUNS = 3;

/**
 * The run of median time among TIMED_RUNS runs of `run`, each with the simulator's request log
 * emptied first, and each after the answers the one before left for identical requests expired.
 */
export async function medianRun<Run extends { ms: number }>(
  simulator: InstrumentedAttendee,
  run: () => Promise<Run>,
): Promise<Run> {
  const runs: Run[] = [];
  for (let index = 0; index < TIMED_RUNS; index++) {
    if (index > 0) await untilSharedAnswersExpire();
    simulator.clearRequests();
    runs.push(await run());
  }
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(TIMED_RUNS / 2)]!;
}

/** Events spread evenly over the meeting, or in bursts as in a real one (`populate-meeting.ts`). */
export type MeetingShape = 'even' | 'bursty';

/** A 10,000-event meeting behind `npm start`'s proxy, as the bench serves it. */
export async function startBackfillMeeting(
  events: number,
  shape: MeetingShape = 'even',
  env: NodeJS.ProcessEnv = {},
) {
  const simulator = new InstrumentedAttendee({
    latencyMs: BACKFILL_LATENCY_MS,
    pageCost: BACKFILL_PAGE_COST,
    lateCommitProbability: 0,
    maxStoredEvents: events * 2,
  });
  const size = { people: PEOPLE, events, durationMs: 2 * 3_600_000, nowMs: Date.now() - 30_000 };
  // The bot joined as the meeting began, as its description says in a real one.
  simulator.addBot({ id: BOT, apiKey: KEY, joinedAtMs: size.nowMs - size.durationMs });
  const { createdAt, presentAtEnd } =
    shape === 'bursty'
      ? populateBurstyMeeting(simulator, BOT, size)
      : { createdAt: populateMeeting(simulator, BOT, size), presentAtEnd: PEOPLE };
  const app = await startAppUnderTest(simulator, env);
  // One request through the proxy to the simulator first, as a running server and Attendee have
  // served before: the page would otherwise pay both processes' first-request costs alone (about
  // 100 ms), and the plain walks after it never. A query the page never asks, so no shared answer
  // reaches the page.
  await getOnce(
    `${app.url}/api/v1/bots/${BOT}/participant_events?before=2000-01-01T00:00:00Z`,
    { Authorization: `Token ${KEY}` },
    app.ca,
  );
  simulator.clearRequests();
  return { simulator, createdAt, presentAtEnd, app };
}

/**
 * Opens the app in Chromium, presses Watch and waits for the full roster; returns how long that
 * took in the page's own clock. `whileLoading` runs around the load (a profiler, say). The page
 * shows who is present only once the whole history is in, so `presentAtEnd` showing is the end.
 */
export async function loadInChromium(
  url: string,
  whileLoading?: (page: Page) => Promise<() => Promise<void>>,
  presentAtEnd = PEOPLE,
  chromiumArgs: readonly string[] = [],
): Promise<number> {
  const expectedPresent = String(presentAtEnd);
  const browser = await launchChromium(chromiumArgs);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const stop = whileLoading ? await whileLoading(page) : null;
    await page.addInitScript(INSTRUMENT);
    await page.goto(url);
    await page.evaluate((expected) => {
      (window as unknown as { __backfill: { expected: string } }).__backfill.expected = expected;
    }, expectedPresent);
    await page.getByLabel('Bot ID').fill(BOT);
    await page.getByLabel('API key').fill(KEY);
    await page.getByRole('button', { name: 'Watch' }).click();
    await page
      .waitForFunction(
        () => (window as unknown as { __backfill: { doneAt: number | null } }).__backfill.doneAt,
        undefined,
        { timeout: 180_000, polling: 200 },
      )
      .catch(async (error: unknown) => {
        const status = await page.getByRole('status').first().textContent();
        throw new Error(`no full roster; the page says: ${status}`, { cause: error });
      });
    await stop?.();
    return await page.evaluate(() => {
      const bench = (window as unknown as { __backfill: { startedAt: number; doneAt: number } })
        .__backfill;
      return bench.doneAt - bench.startedAt;
    });
  } finally {
    await browser.close();
  }
}

/** after/before bounds (strict, on created_at) that cut the events into six equal runs. */
export function sixthsByCount(times: readonly number[]) {
  const total = times.length;
  return Array.from({ length: PARALLEL_WALKS }, (_, index) => {
    const from = Math.floor((total * index) / PARALLEL_WALKS);
    const to = Math.floor((total * (index + 1)) / PARALLEL_WALKS);
    return {
      afterMs: index === 0 ? null : times[from]! - 1,
      beforeMs: index === PARALLEL_WALKS - 1 ? null : times[to]!,
    };
  });
}
