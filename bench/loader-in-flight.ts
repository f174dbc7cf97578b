import { QueryClient } from '@tanstack/react-query';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { loadHistory } from '../src/event-feed/parallel-history.ts';
import { BACKFILL_LATENCY_MS, BACKFILL_PAGE_COST, sixthsByCount } from './backfill-bench.ts';
import { walkPlainly } from './plain-walk.ts';
import { populateBurstyMeeting, populateMeeting } from './populate-meeting.ts';

/**
 * `npx tsx bench/loader-in-flight.ts [even|bursty] [windows]`: the page's history loader without a
 * browser, against the backfill bench's meeting and server costs, six requests at a time as the
 * browser allows over HTTP/1.1 (`windows`: how many it plans at first). Prints how long it took,
 * how many requests were in flight every 250 ms, and six plain walks by count through the same
 * limit, to tell the loader's own tail from the browser's.
 */
const shape = process.argv[2] ?? 'bursty';
const simulator = new InstrumentedAttendee({
  latencyMs: BACKFILL_LATENCY_MS,
  pageCost: BACKFILL_PAGE_COST,
  lateCommitProbability: 0,
  maxStoredEvents: 20_000,
});
simulator.addBot({ id: 'bot_loaderInFlight1', apiKey: 'key' });
const size = { people: 400, events: 10_000, durationMs: 2 * 3_600_000, nowMs: Date.now() - 30_000 };
const createdAt =
  shape === 'bursty'
    ? populateBurstyMeeting(simulator, 'bot_loaderInFlight1', size).createdAt
    : populateMeeting(simulator, 'bot_loaderInFlight1', size);

let inFlight = 0;
let requests = 0;
const waiting: (() => void)[] = [];
globalThis.fetch = async (input, init) => {
  requests += 1;
  if (inFlight >= 6) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  try {
    return await simulator.fetch(new URL(String(input), 'http://localhost'), init);
  } finally {
    inFlight -= 1;
    waiting.shift()?.();
  }
};
const samples: number[] = [];
const sampler = setInterval(() => samples.push(inFlight), 250);
const started = performance.now();
await loadHistory({
  queryClient: new QueryClient(),
  session: {
    botId: 'bot_loaderInFlight1',
    credential: { kind: 'key', apiKey: 'key' },
    source: 'attendee',
    id: 'in-flight',
  },
  onPage: () => undefined,
  ...(process.argv[3] === undefined ? {} : { maxWindows: Number(process.argv[3]) }),
});
const loaderMs = performance.now() - started;
clearInterval(sampler);
console.log(`${shape}: ${loaderMs.toFixed(0)} ms, ${requests} requests`);
console.log(`in flight every 250 ms: ${samples.join('')}`);

// The ceiling as the browser bench takes it, through the same six-at-a-time fetch.
requests = 0;
const ceilingStarted = performance.now();
await Promise.all(
  sixthsByCount(createdAt).map((window) =>
    walkPlainly(
      'http://localhost',
      '/api/v1/bots/bot_loaderInFlight1/participant_events',
      'key',
      window,
    ),
  ),
);
const ceilingMs = performance.now() - ceilingStarted;
console.log(
  `six plain walks by count: ${ceilingMs.toFixed(0)} ms, ${requests} requests; ` +
    `the loader's efficiency ${((100 * ceilingMs) / loaderMs).toFixed(0)} %`,
);
