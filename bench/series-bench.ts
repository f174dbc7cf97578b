import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { getOnce, startAppUnderTest } from '../test/support/app-under-test.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { BACKFILL_LATENCY_MS, BACKFILL_PAGE_COST } from './backfill-bench.ts';
import { populateMeeting } from './populate-meeting.ts';
import { walkPlainly } from './plain-walk.ts';

const KEY = 'bench-series-key';
const SERIES_URL = 'https://zoom.us/j/5551234567';
const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

export interface SeriesFigures {
  meetings: number;
  events: number;
  /** The real app in Chromium, from the click on "Show attendance" to the full matrix. */
  loadMs: number;
  /** One plain cursor walk of each meeting after the other, through the same proxy. */
  sequentialMs: number;
  loadRequests: number;
  /** Event requests the server had in flight on average during the page's load (6 at best). */
  loadMeanInFlight: number;
  sequentialRequests: number;
}

/**
 * Runs in the page before the app: the click that opens the series, and the moment the progress
 * line says every meeting is in (the matrix is drawn in the same commit).
 */
const INSTRUMENT = `
  window.__series = { startedAt: null, doneAt: null, expected: null };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Show attendance') window.__series.startedAt = performance.now();
  }, true);
  new MutationObserver((_, observer) => {
    const bench = window.__series;
    if (bench.startedAt === null || !document.body.textContent.includes(bench.expected)) return;
    if (document.querySelector('table tbody tr[aria-rowindex]') === null) return;
    bench.doneAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * `meetings` ended weekly meetings at one URL, `eventsEach` events each, behind `npm start`'s
 * proxy with the backfill bench's latency and page cost: loaded by the app's series view in
 * Chromium, then by one plain walk of each meeting after the other.
 */
export async function measureSeriesLoad(
  meetings: number,
  eventsEach: number,
): Promise<SeriesFigures> {
  const simulator = new InstrumentedAttendee({
    latencyMs: BACKFILL_LATENCY_MS,
    pageCost: BACKFILL_PAGE_COST,
    lateCommitProbability: 0,
    maxStoredEvents: eventsEach * 2,
  });
  const now = Date.now();
  const botIds = Array.from(
    { length: meetings },
    (_, index) => `bot_benchSeries${String(index).padStart(5, '0')}`,
  );
  botIds.forEach((botId, index) => {
    const endMs = now - (meetings - index) * WEEK_MS + HOUR_MS;
    simulator.addBot({
      id: botId,
      apiKey: KEY,
      state: 'ended',
      meetingUrl: SERIES_URL,
      botEvents: [
        { type: 'joined_meeting', atMs: endMs - HOUR_MS },
        { type: 'left_meeting', atMs: endMs + 1000 },
      ],
    });
    populateMeeting(simulator, botId, {
      people: 40,
      events: eventsEach,
      durationMs: HOUR_MS,
      nowMs: endMs,
    });
  });
  const app = await startAppUnderTest(simulator);
  const eventsPath = (botId: string) => `/api/v1/bots/${botId}/participant_events`;
  const countEventRequests = () =>
    simulator.requests.filter((request) => request.path.endsWith('/participant_events')).length;
  try {
    // A first request through the proxy, as a running server has served before (backfill-bench).
    await getOnce(`${app.url}/api/v1/bots?states=ended&meeting_url=x`, {
      Authorization: `Token ${KEY}`,
    });
    simulator.clearRequests();
    const loadMs = await loadSeriesInChromium(app.url, meetings);
    const loadRequests = countEventRequests();
    const loadMeanInFlight = meanInFlight(simulator);

    simulator.clearRequests();
    const started = performance.now();
    let events = 0;
    for (const botId of botIds) {
      const walk = await walkPlainly(app.url, eventsPath(botId), KEY, {
        afterMs: null,
        beforeMs: null,
      });
      events += walk.events;
    }
    const sequentialMs = performance.now() - started;
    if (events !== meetings * eventsEach) throw new Error(`the walks got ${events} events`);
    return {
      meetings,
      events,
      loadMs,
      sequentialMs,
      loadRequests,
      loadMeanInFlight,
      sequentialRequests: countEventRequests(),
    };
  } finally {
    await app.stop();
  }
}

async function loadSeriesInChromium(url: string, meetings: number): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(INSTRUMENT);
    await page.goto(url);
    await page.evaluate((expected) => {
      (window as unknown as { __series: { expected: string } }).__series.expected = expected;
    }, `${meetings} of ${meetings} meetings loaded`);
    await page.getByLabel('API key').fill(KEY);
    await page.getByRole('button', { name: 'Show my bots' }).click();
    await page.getByRole('button', { name: 'Attendance across meetings' }).click();
    await page.getByRole('button', { name: `Show attendance for ${SERIES_URL}` }).click();
    await page
      .waitForFunction(
        () => (window as unknown as { __series: { doneAt: number | null } }).__series.doneAt,
        undefined,
        { timeout: 300_000, polling: 200 },
      )
      .catch(async (error: unknown) => {
        const status = await page.getByRole('status').first().textContent();
        throw new Error(`no full matrix; the page says: ${status}`, { cause: error });
      });
    return await page.evaluate(() => {
      const bench = (window as unknown as { __series: { startedAt: number; doneAt: number } })
        .__series;
      return bench.doneAt - bench.startedAt;
    });
  } finally {
    await browser.close();
  }
}

/** The event requests' time in flight over the span from the first to the last. */
function meanInFlight(simulator: InstrumentedAttendee): number {
  const requests = simulator.requests.filter((request) =>
    request.path.endsWith('/participant_events'),
  );
  const start = Math.min(...requests.map((request) => request.startedAt));
  const end = Math.max(...requests.map((request) => request.finishedAt ?? request.startedAt));
  const busy = requests.reduce(
    (sum, request) => sum + (request.finishedAt ?? request.startedAt) - request.startedAt,
    0,
  );
  return busy / Math.max(1, end - start);
}
