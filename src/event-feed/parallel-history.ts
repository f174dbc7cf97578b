import {
  InfiniteQueryObserver,
  infiniteQueryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import {
  getParticipantEventsPage,
  type EventsPage,
} from '../attendee-api/get-participant-events-page';
import { participantEventKeys } from '../attendee-api/query-keys';
import { planHistoryWindows, type HistoryWindow } from './history-windows';
import type { HistoryStart } from './live-tail';
import { retryDelayMs, shouldRetry } from '../attendee-api/retry-policy';
import type { PageSink } from './walk-events';

export interface HistoryProgress {
  /** 0 to 1, estimated from how far each window's events have reached in time. */
  fraction: number;
  /** Events received so far, counting the few that overlapping windows return twice. */
  eventsReceived: number;
  /** A transient failure some window is retrying right now, or null. */
  retryingAfter: unknown;
}

export interface HistoryLoadOptions {
  queryClient: QueryClient;
  session: WatchSession;
  /** Pages go here in the server's order, as a one-by-one walk would deliver them. */
  onPage: PageSink;
  onProgress?: (progress: HistoryProgress) => void;
  /** Requests in flight at once; 1 gives the plain sequential walk. */
  concurrency?: number;
  maxWindows?: number;
  pagesPerWindow?: number;
  signal?: AbortSignal;
}

export const HISTORY_CONCURRENCY = 6;

// Each load owns its window queries: a load that is abandoned (a remount, say) cancels its own
// windows and never the ones of the load that replaced it.
let loadsStarted = 0;

/**
 * One window's cursor chain as a TanStack infinite query, walked page by page so a failed page is
 * retried alone. Never refetched as a whole: a refetch would re-walk every page.
 */
function historyWindowQueryOptions(
  session: WatchSession,
  load: number,
  window: HistoryWindow,
  onPage: (page: EventsPage) => void,
) {
  return infiniteQueryOptions({
    queryKey: [
      ...participantEventKeys(session).history,
      'window',
      load,
      window.afterMs,
      window.beforeMs,
    ],
    queryFn: async ({ pageParam, signal }) => {
      const page = await getParticipantEventsPage(
        session,
        { cursor: pageParam, afterMs: window.afterMs, beforeMs: window.beforeMs },
        signal,
      );
      onPage(page);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    staleTime: Infinity,
    // The events live on in the attendance store; the pages need not outlast the load.
    gcTime: 60_000,
    retry: shouldRetry,
    retryDelay: retryDelayMs,
  });
}

/**
 * Loads the whole history: a first page, then (for a long meeting) overlapping time windows walked
 * concurrently, at most `concurrency` requests in flight. Pages are handed on in window order, so
 * the result, including which of two same-time events came first, is what a sequential walk gives.
 * Every page, the first one included, is retried on transient failures as the windows' queries say.
 */
export async function loadHistory(options: HistoryLoadOptions): Promise<HistoryStart> {
  const { queryClient, session, signal } = options;
  const concurrency = options.concurrency ?? HISTORY_CONCURRENCY;
  loadsStarted += 1;
  const load = loadsStarted;
  const progress = { eventsReceived: 0, fractions: [0], failures: new Map<number, unknown>() };
  const report = () =>
    options.onProgress?.({
      fraction:
        progress.fractions.reduce((sum, value) => sum + value, 0) / progress.fractions.length,
      eventsReceived: progress.eventsReceived,
      retryingAfter: [...progress.failures.values()].find((reason) => reason != null) ?? null,
    });
  const cancelWindows = () =>
    void queryClient.cancelQueries({
      queryKey: [...participantEventKeys(session).history, 'window', load],
    });
  signal?.addEventListener('abort', cancelWindows);

  // Window order is server order: pages of window k wait until windows before it are delivered.
  const buffered: EventsPage[][] = [];
  const finished: boolean[] = [];
  const spans: [number, number][] = [];
  let head = 0;
  const deliver = () => {
    while (head < buffered.length) {
      for (const page of buffered[head]!.splice(0)) options.onPage(page);
      if (!finished[head]) return;
      head += 1;
    }
  };

  const openWindow = (index: number, window: HistoryWindow) => {
    buffered[index] = [];
    finished[index] = false;
    const observer = new InfiniteQueryObserver(
      queryClient,
      historyWindowQueryOptions(session, load, window, (page) => {
        buffered[index]!.push(page);
        progress.eventsReceived += page.events.length;
        const last = page.events.at(-1);
        const span = spans[index];
        if (last && span) {
          const reached = (last.timestamp_ms - span[0]) / Math.max(1, span[1] - span[0]);
          progress.fractions[index] = Math.min(
            0.99,
            Math.max(progress.fractions[index] ?? 0, reached),
          );
        }
        deliver();
        report();
      }),
    );
    const unsubscribe = observer.subscribe((result) => {
      progress.failures.set(index, result.failureReason);
      report();
    });
    const close = () => {
      unsubscribe();
      progress.failures.delete(index);
      finished[index] = true;
      progress.fractions[index] = 1;
      deliver();
      report();
    };
    /** Fetches the next page; a failure left after the retries is final. */
    const fetchNext = async () => {
      const result = await observer.fetchNextPage();
      if (signal?.aborted) throw signal.reason;
      if (result.isError) throw result.error;
      if (result.data === undefined) throw new Error('A history page was cancelled.');
      return result;
    };
    const walkToEnd = async () => {
      try {
        let result = observer.getCurrentResult();
        if (!result.data) result = await fetchNext();
        while (result.hasNextPage) result = await fetchNext();
      } finally {
        unsubscribe();
      }
      close();
    };
    return { fetchNext, walkToEnd, close };
  };

  try {
    // The first page of the whole history tells how old the meeting is and how dense its events
    // are. A short meeting is walked on from there; a long one is split into windows.
    const whole = openWindow(0, { afterMs: null, beforeMs: null });
    const firstPage = (await whole.fetchNext()).data!.pages[0]!;
    const start: HistoryStart = { serverDateMs: firstPage.serverDateMs, finishedAtMs: Date.now() };
    const first = firstPage.events[0]?.timestamp_ms ?? 0;
    const now = firstPage.serverDateMs ?? Date.now();
    spans[0] = [first, now];
    const windows =
      concurrency > 1 && firstPage.nextCursor !== null
        ? planHistoryWindows(
            {
              firstEventMs: first,
              lastEventMs: firstPage.events.at(-1)?.timestamp_ms ?? first,
              serverNowMs: now,
            },
            { maxWindows: options.maxWindows ?? 24, pagesPerWindow: options.pagesPerWindow ?? 4 },
          )
        : [];
    if (windows.length <= 1) {
      await whole.walkToEnd();
      return { ...start, finishedAtMs: Date.now() };
    }

    // Window 1 starts from the beginning again: the first page is read twice, and merged by id.
    whole.close();
    const step = (now - first) / windows.length;
    progress.fractions = [1, ...windows.map(() => 0)];
    let nextWindow = 0;
    let failed = false;
    const worker = async () => {
      while (nextWindow < windows.length && !failed) {
        const index = nextWindow + 1;
        const window = windows[nextWindow]!;
        nextWindow += 1;
        spans[index] = [first + step * (index - 1), first + step * index];
        try {
          await openWindow(index, window).walkToEnd();
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, windows.length) }, worker));
    return { ...start, finishedAtMs: Date.now() };
  } catch (error) {
    cancelWindows();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancelWindows);
  }
}
