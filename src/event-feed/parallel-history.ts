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
import { attendeeKeys, type HistoryWindowKey } from '../attendee-api/query-keys';
import { retryDelayMs, shouldRetry } from '../attendee-api/retry-policy';
import { planHistoryWindows, type HistoryWindow } from './history-windows';
import { createHistoryLoadProgress, type HistoryProgress } from './history-load-progress';
import type { HistoryStart } from './live-tail';
import { createOrderedDelivery } from './ordered-delivery';
import type { PageSink } from './walk-events';
import { runWorkerPool } from './worker-pool';

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

/**
 * Windows walked at once. The browser sends at most six requests to one host over HTTP/1.1 and
 * queues the rest: with eight, the next request is already queued when an answer arrives, so six
 * stay on the wire, where six walks handing on their own next requests left gaps (4.7 in flight
 * on average against the plain walks' 5.6; `bench/profile-backfill.ts`).
 */
export const HISTORY_CONCURRENCY = 8;

// Each load owns its window queries: a load that is abandoned (a remount, say) cancels its own
// windows and never the ones of the load that replaced it.
let loadsStarted = 0;

/**
 * One window's cursor chain as a TanStack infinite query, walked page by page so a failed page is
 * retried alone. Never refetched as a whole: a refetch would re-walk every page. Only the newest
 * page is kept (`maxPages: 1`), enough to know the next cursor: the events live on in the
 * attendance store, and a cache that grew with every page would make each page cost more than
 * the one before.
 */
export function historyWindowQueryOptions(session: WatchSession, window: HistoryWindowKey) {
  return infiniteQueryOptions({
    queryKey: attendeeKeys.historyWindow(session, window),
    queryFn: ({ pageParam, signal }) =>
      getParticipantEventsPage(
        session,
        { cursor: pageParam, afterMs: window.afterMs, beforeMs: window.beforeMs },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    maxPages: 1,
    // Two pages are never the same: comparing them deeply is work for nothing.
    structuralSharing: false,
    staleTime: Infinity,
    gcTime: 0,
    // Also set here, not only as the app's default: loadHistory runs on whatever client it is
    // handed (the bench's viewers, tests), and a window given up after TanStack's three tries
    // would leave a hole in the history.
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
  const progress = createHistoryLoadProgress(options.onProgress ?? (() => undefined));
  const delivery = createOrderedDelivery(options.onPage);
  const cancelWindows = () =>
    void queryClient.cancelQueries({ queryKey: attendeeKeys.historyLoad(session, load) });
  signal?.addEventListener('abort', cancelWindows);

  /** Walks window `index`; `onFirstPage` sees its first page before anything else happens. */
  const walkWindow = async (
    index: number,
    window: Omit<HistoryWindowKey, 'load'>,
    onFirstPage?: (page: EventsPage) => boolean,
  ) => {
    const observer = new InfiniteQueryObserver(
      queryClient,
      historyWindowQueryOptions(session, { load, ...window }),
    );
    const unsubscribe = observer.subscribe((result) =>
      progress.windowFailing(index, result.failureReason),
    );
    /** The next page; a failure left after the retries is final. */
    const fetchNext = async () => {
      const result = await observer.fetchNextPage();
      if (signal?.aborted) throw signal.reason;
      if (result.isError) throw result.error;
      const page = result.data?.pages.at(-1);
      if (page === undefined) throw new Error('A history page was cancelled.');
      return page;
    };
    try {
      let page = await fetchNext();
      if (onFirstPage && !onFirstPage(page)) return;
      for (;;) {
        // Ask for the next page before handing this one on, so the request is on its way while
        // the page (and whatever re-renders because of it) is dealt with.
        const next = page.nextCursor === null ? null : fetchNext();
        next?.catch(() => undefined);
        delivery.push(index, page);
        progress.pageArrived(index, page.events);
        if (next === null) break;
        page = await next;
      }
    } finally {
      // With gcTime 0, the window's query (its one page) goes with its last observer.
      unsubscribe();
    }
    progress.finishWindow(index);
    delivery.finish(index);
  };

  try {
    // The first page of the whole history tells how old the meeting is and how dense its events
    // are. A short meeting is walked on from there; a long one is split into windows.
    const plan = { serverDateMs: null as number | null, windows: [] as HistoryWindow[] };
    await walkWindow(0, { afterMs: null, beforeMs: null }, (firstPage) => {
      plan.serverDateMs = firstPage.serverDateMs;
      const first = firstPage.events[0]?.timestamp_ms ?? 0;
      const now = firstPage.serverDateMs ?? Date.now();
      progress.openWindow(0, first, now);
      const windows =
        concurrency > 1 && firstPage.nextCursor !== null
          ? planHistoryWindows(
              {
                firstEventMs: first,
                lastEventMs: firstPage.events.at(-1)?.timestamp_ms ?? first,
                serverNowMs: now,
              },
              {
                maxWindows: options.maxWindows ?? 24,
                pagesPerWindow: options.pagesPerWindow ?? 4,
                walkedAtOnce: concurrency,
              },
            )
          : [];
      plan.windows = windows;
      const step = (now - first) / Math.max(1, windows.length);
      windows.forEach((_, position) =>
        progress.openWindow(position + 1, first + step * position, first + step * (position + 1)),
      );
      // One window: walk on from this page. Several: window 1 starts from the beginning again,
      // so the first page is read twice and merged by id.
      return windows.length <= 1;
    });
    if (plan.windows.length > 1) {
      progress.finishWindow(0);
      delivery.finish(0);
      await runWorkerPool(
        plan.windows.map((window, position) => () => walkWindow(position + 1, window)),
        concurrency,
      );
    }
    return { serverDateMs: plan.serverDateMs, finishedAtMs: Date.now() };
  } catch (error) {
    cancelWindows();
    throw error;
  } finally {
    progress.flush();
    signal?.removeEventListener('abort', cancelWindows);
  }
}
