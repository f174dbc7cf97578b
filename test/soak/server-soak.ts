/**
 * `npm run soak -- --server-days N`: the production server's demo (the app `npm start` runs, with
 * its built-in simulator) on a manual clock through N simulated days, in a minute or two of wall
 * time. Viewers come and go: one arrives every two simulated hours at one of the demo's live
 * meetings, loads its whole history page by page, polls the live tail once a simulated minute for
 * 20 to 60 minutes, and leaves. Prints the heap after a forced garbage collection at the end of the
 * first and the last day, and the most events a viewer loaded. Exits non-zero when the heap grew
 * by more than 10 MB or a viewer had more than 3,000 events to load.
 */
import { rm } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAttendeeApi } from '../../server/attendee-api.ts';
import { createApp } from '../../server/http/create-app.ts';
import { builtPage } from '../../server/http/static-files.ts';
import { createMetrics } from '../../server/http/metrics.ts';
import { createServerLog } from '../../server/http/server-log.ts';
import { deriveShareKeys } from '../../server/share/share-token.ts';
import { ManualClock } from '../../server/simulator/clock.ts';
import { SeededRandom } from '../../server/simulator/seeded-random.ts';
import { builtPageFixture } from '../../server/testing/test-app.ts';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const ARRIVAL_EVERY_MS = 2 * 60 * MINUTE_MS;
const MAX_HEAP_GROWTH_MB = 10;
const MAX_EVENTS_TO_LOAD = 3_000;
const LIVE_DEMO_BOTS = [
  DEMO_BOT_ID,
  'bot_DemoSalesCall001',
  'bot_DemoStandup0001',
  'bot_DemoLecture0001',
];

interface Viewer {
  id: number;
  botId: string;
  leavesAtMs: number;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A turn of the event loop, as a server gets between requests. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The heap after a full collection. Undici frees a Request's abort listener from a finalization
 * callback, which runs as a task after a collection: it needs a turn of the loop, then another
 * collection, or every request's listener would count as if it leaked.
 */
async function heapMbAfterGc(): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 10));
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function runServerSoak(days: number): Promise<boolean> {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 8));
  const random = new SeededRandom(2026);
  const root = await builtPageFixture();
  const metrics = createMetrics();
  const app = await createApp({
    page: builtPage(root),
    api: createAttendeeApi({ upstreamUrl: 'http://attendee.invalid', demoClock: clock, metrics }),
    log: createServerLog('text', () => undefined),
    trustProxy: false,
    // Weeks of viewers in a minute of wall time: the rate limit counts in wall time.
    rateLimitPerMinute: 1_000_000,
    metrics,
    shareKeys: deriveShareKeys([Buffer.alloc(32, 1)]),
  });

  async function get(viewer: Viewer, path: string): Promise<unknown> {
    const response = await app.inject({
      method: 'GET',
      url: `/demo/api/v1${path}`,
      headers: { authorization: `Token ${DEMO_API_KEY}` },
      remoteAddress: `10.0.${(viewer.id >> 8) & 255}.${viewer.id & 255}`,
    });
    if (response.statusCode !== 200) {
      throw new Error(`GET ${path}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    return response.json();
  }

  /** The viewer's first screen: the bot, its hosts, and every page of its history. */
  async function arrive(viewer: Viewer): Promise<number> {
    await get(viewer, `/bots?states=joined_recording&states=joining`);
    await get(viewer, `/bots/${viewer.botId}`);
    await get(viewer, `/bots/${viewer.botId}/participants?is_host=true`);
    let loaded = 0;
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const page = (await get(viewer, `/bots/${viewer.botId}/participant_events${query}`)) as {
        next: string | null;
        results: unknown[];
      };
      loaded += page.results.length;
      cursor = page.next === null ? null : new URL(page.next).searchParams.get('cursor');
    } while (cursor !== null);
    return loaded;
  }

  /** A live poll, its watermark aligned to a 5-second grid as the page aligns it. */
  async function poll(viewer: Viewer): Promise<void> {
    const afterMs = Math.floor((clock.now() - 30_000) / 5_000) * 5_000;
    const after = encodeURIComponent(new Date(afterMs).toISOString());
    await get(viewer, `/bots/${viewer.botId}/participant_events?after=${after}`);
  }

  const viewers: Viewer[] = [];
  const heapByDay: number[] = [];
  let eventsMax = 0;
  let arrivals = 0;
  let nextArrivalMs = clock.now();
  const endMs = clock.now() + days * DAY_MS;
  const startedAt = performance.now();
  try {
    for (let day = 1; day <= days; day += 1) {
      const dayEndMs = clock.now() + DAY_MS;
      while (clock.now() < dayEndMs) {
        clock.advance(MINUTE_MS);
        await nextTurn();
        if (clock.now() >= nextArrivalMs) {
          nextArrivalMs += ARRIVAL_EVERY_MS;
          const viewer = {
            id: arrivals,
            botId: LIVE_DEMO_BOTS[arrivals % LIVE_DEMO_BOTS.length]!,
            leavesAtMs: clock.now() + random.int(20, 60) * MINUTE_MS,
          };
          arrivals += 1;
          eventsMax = Math.max(eventsMax, await arrive(viewer));
          viewers.push(viewer);
        }
        for (const viewer of viewers) await poll(viewer);
        viewers.splice(
          0,
          viewers.length,
          ...viewers.filter((viewer) => viewer.leavesAtMs > clock.now()),
        );
      }
      heapByDay[day] = await heapMbAfterGc();
    }
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }

  const first = heapByDay[1]!;
  const last = heapByDay[days]!;
  const report = (name: string, value: number) =>
    console.log(`${name}: ${Math.round(value * 10) / 10}`);
  report('demo_simulated_days', (endMs - Date.UTC(2026, 0, 5, 8)) / DAY_MS);
  report('demo_viewers', arrivals);
  report('demo_heap_mb_day_1', first);
  for (const day of [7, 14]) if (day < days) report(`demo_heap_mb_day_${day}`, heapByDay[day]!);
  report(`demo_heap_mb_day_${days}`, last);
  report('demo_events_max', eventsMax);
  report('wall_seconds', (performance.now() - startedAt) / 1000);
  return last - first <= MAX_HEAP_GROWTH_MB && eventsMax <= MAX_EVENTS_TO_LOAD;
}
