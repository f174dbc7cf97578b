/**
 * A process of its own holding `VIEWERS` dashboards' polling, as browser tabs would: started by
 * viewers-bench.ts, which plays the upstream and counts what reaches it. Prints one JSON line:
 * the measuring window (epoch ms) and how long each request in it waited for its answer.
 *
 * TanStack Query schedules `refetchInterval` only where there is a `window` (on a server it
 * never polls), so these stand-in tabs get one before it loads.
 */
export {};

(globalThis as { window?: unknown }).window = globalThis;

const { QueryClient, QueryObserver } = await import('@tanstack/react-query');
const { botQueryOptions } = await import('../src/attendee-api/get-bot.ts');
const { currentHostsQueryOptions } = await import('../src/attendee-api/get-current-hosts.ts');
const { createLiveTail } = await import('../src/event-feed/live-tail.ts');
const { loadHistory } = await import('../src/event-feed/parallel-history.ts');
const { liveTailQueryOptions } = await import('../src/event-feed/feed-query-options.ts');
const { DEFAULT_REFRESH_INTERVALS: INTERVALS } = await import('../src/lib/refresh-intervals.ts');
type WatchSession = import('../src/lib/watch-session.ts').WatchSession;

const APP_URL = process.env.APP_URL ?? '';
const BOT = process.env.BOT ?? '';
const KEY = process.env.KEY ?? '';
const VIEWERS = Number(process.env.VIEWERS ?? 1);
const OPENING_SPREAD_MS = Number(process.env.OPENING_SPREAD_MS ?? 0);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 5000);
const SECONDS = Number(process.env.SECONDS ?? 60);

/**
 * One viewer, as the dashboard runs it: the history loader, then the live tail every 3 s (with
 * the page's own liveTailQueryOptions), and the bot and hosts queries
 * with their own options, each on a QueryObserver, which schedules refetches as useQuery does.
 * Only React's rendering is left out.
 */
async function openViewer(session: WatchSession): Promise<() => void> {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
  const unsubscribes = [
    new QueryObserver(queryClient, botQueryOptions(session, INTERVALS.botStateMs)).subscribe(
      () => undefined,
    ),
    new QueryObserver(
      queryClient,
      currentHostsQueryOptions(session, false, INTERVALS.hostsMs),
    ).subscribe(() => undefined),
  ];
  const onPage = () => undefined;
  const historyStart = await loadHistory({ queryClient, session, onPage });
  const liveTail = createLiveTail(session);
  const tail = new QueryObserver(
    queryClient,
    liveTailQueryOptions(session, (signal) => liveTail.poll(onPage, historyStart, signal), {
      enabled: true,
      pollIntervalMs: INTERVALS.eventsPollMs,
      meetingOver: false,
    }),
  );
  unsubscribes.push(tail.subscribe(() => undefined));
  return () => {
    unsubscribes.forEach((unsubscribe) => unsubscribe());
    queryClient.clear();
  };
}

const epochNow = () => performance.timeOrigin + performance.now();
const waits: { at: number; ms: number; status: number }[] = [];
const realFetch = globalThis.fetch;
// The page asks its own origin with relative URLs; here that origin is the server under test.
globalThis.fetch = async (input, init) => {
  const at = epochNow();
  const response = await realFetch(new URL(String(input), APP_URL), init);
  const body = await response.arrayBuffer();
  waits.push({ at, ms: epochNow() - at, status: response.status });
  return new Response(body, { status: response.status, headers: response.headers });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const closers = await Promise.all(
  Array.from({ length: VIEWERS }, async (_, index) => {
    await sleep((index * OPENING_SPREAD_MS) / VIEWERS);
    return openViewer({
      botId: BOT,
      credential: { kind: 'key', apiKey: KEY },
      source: 'attendee',
      id: `viewer-${index}`,
    });
  }),
);
await sleep(SETTLE_MS);
const from = epochNow();
await sleep(SECONDS * 1000);
const to = epochNow();
closers.forEach((close) => close());
const inWindow = waits.filter((wait) => wait.at >= from && wait.at < to);
console.log(
  JSON.stringify({
    from,
    to,
    waitsMs: inWindow.map((wait) => wait.ms),
    failed: inWindow.filter((wait) => wait.status !== 200).length,
  }),
);
process.exit(0);
