import {
  InfiniteQueryObserver,
  infiniteQueryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { getParticipantEventsPage, type EventsPage } from './api/get-participant-events-page';
import { participantEventKeys } from './participant-event-keys';
import { planHistoryWindows, type HistoryWindow } from './history-windows';
import type { HistoryStart } from './live-tail';
import { retryDelayMs, shouldRetry } from './retry-policy';
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

/**
 * One window's cursor chain as a TanStack infinite query, walked page by page so a failed page is
 * retried alone. Never refetched as a whole: a refetch would re-walk every page.
 */
function historyWindowQueryOptions(
  session: WatchSession,
  window: HistoryWindow,
  onPage: (page: EventsPage) => void,
) {
  return infiniteQueryOptions({
    queryKey: [...participantEventKeys(session).history, 'window', window.afterMs, window.beforeMs],
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
 */
export async function loadHistory(options: HistoryLoadOptions): Promise<HistoryStart> {
  const { queryClient, session, signal } = options;
  const concurrency = options.concurrency ?? HISTORY_CONCURRENCY;
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
      queryKey: [...participantEventKeys(session).history, 'window'],
    });
  signal?.addEventListener('abort', cancelWindows);

  // Window order is server order: pages of window k wait until windows before it are delivered.
  const buffered: EventsPage[][] = [];
  const finished: boolean[] = [];
  let head = 0;
  const deliver = () => {
    while (head < buffered.length) {
      for (const page of buffered[head]!.splice(0)) options.onPage(page);
      if (!finished[head]) return;
      head += 1;
    }
  };

  const walkWindow = async (
    index: number,
    window: HistoryWindow,
    span: [number, number],
    firstPage: EventsPage | null,
  ) => {
    buffered[index] = [];
    finished[index] = false;
    const windowOptions = historyWindowQueryOptions(session, window, (page) => {
      buffered[index]!.push(page);
      progress.eventsReceived += page.events.length;
      const last = page.events.at(-1);
      if (last) {
        const reached = (last.timestamp_ms - span[0]) / Math.max(1, span[1] - span[0]);
        progress.fractions[index] = Math.min(
          0.99,
          Math.max(progress.fractions[index] ?? 0, reached),
        );
      }
      deliver();
      report();
    });
    // A walk of the whole history goes on from the first page instead of asking for it again.
    if (firstPage) {
      queryClient.setQueryData(windowOptions.queryKey, { pages: [firstPage], pageParams: [null] });
    }
    const observer = new InfiniteQueryObserver(queryClient, windowOptions);
    const unsubscribe = observer.subscribe((result) => {
      progress.failures.set(index, result.failureReason);
      report();
    });
    try {
      let result = firstPage ? observer.getCurrentResult() : await observer.fetchNextPage();
      while (!result.isError && result.hasNextPage && !signal?.aborted) {
        result = await observer.fetchNextPage();
      }
      if (result.isError) throw result.error;
      if (signal?.aborted) throw signal.reason;
    } finally {
      unsubscribe();
      progress.failures.delete(index);
    }
    finished[index] = true;
    progress.fractions[index] = 1;
    deliver();
    report();
  };

  try {
    // The first page tells how old the meeting is and how dense its events are.
    const whole: HistoryWindow = { afterMs: null, beforeMs: null };
    const probe = await getParticipantEventsPage(session, {}, signal);
    const start: HistoryStart = { serverDateMs: probe.serverDateMs, finishedAtMs: Date.now() };
    options.onPage(probe);
    progress.eventsReceived += probe.events.length;
    if (probe.nextCursor === null) return { ...start, finishedAtMs: Date.now() };

    const first = probe.events[0]?.timestamp_ms ?? 0;
    const now = probe.serverDateMs ?? Date.now();
    const windows =
      concurrency > 1
        ? planHistoryWindows(
            {
              firstEventMs: first,
              lastEventMs: probe.events.at(-1)?.timestamp_ms ?? first,
              serverNowMs: now,
            },
            { maxWindows: options.maxWindows ?? 24, pagesPerWindow: options.pagesPerWindow ?? 4 },
          )
        : [whole];
    progress.fractions = windows.map(() => 0);
    const step = (now - first) / windows.length;
    let nextWindow = 0;
    let failed = false;
    const worker = async () => {
      while (nextWindow < windows.length && !failed) {
        const index = nextWindow;
        nextWindow += 1;
        try {
          const span: [number, number] = [first + step * index, first + step * (index + 1)];
          await walkWindow(index, windows[index]!, span, windows.length === 1 ? probe : null);
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
