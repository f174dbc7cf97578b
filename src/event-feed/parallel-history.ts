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
import {
  chooseSplit,
  planHistoryWindows,
  planWindowsOverSpan,
  type HistoryWindow,
  type MeetingSpan,
  type WalkEstimate,
} from './history-windows';
import { createHistoryLoadProgress, type HistoryProgress } from './history-load-progress';
import type { HistoryStart } from './live-tail';
import { createOrderedDelivery, type DeliverySlot } from './ordered-delivery';
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
  /**
   * When the meeting ended, on the server's clock (the bot's own events), for a meeting that is
   * over: its windows are planned up to then rather than up to now, which for last week's
   * meeting would be a week of empty windows, each a request.
   */
  endedAtMs?: number | null;
  /** Windows planned at the start; default one per request in flight (splits do the rest). */
  maxWindows?: number;
  pagesPerWindow?: number;
  /**
   * The meeting's bounds from the bot's description, which the page asks for anyway: with them
   * the windows start at once, with no first page read alone to plan them. Without them (null, a
   * failure), the windows are planned from the first page.
   */
  meetingSpan?: (signal?: AbortSignal) => Promise<MeetingSpan | null>;
  /** Which running window to split, and where, once every window has started. */
  chooseSplit?: typeof chooseSplit;
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

/** A window being walked: what the split choice needs, and where its pages go. */
interface Walk extends WalkEstimate {
  /** Its number for the progress report. */
  index: number;
  slot: DeliverySlot<EventsPage>;
  /** Where a part split off it now would end (strict, on created_at). */
  beforeMs: number | null;
  /** The first event of the part split off it last: the walk ends on the page that holds it. */
  stopId?: string;
  /** A part was split off and has not read its first page yet. */
  splitting?: boolean;
}

/**
 * Loads the whole history: overlapping time windows walked concurrently, at most `concurrency`
 * requests in flight, planned from the meeting's span in the bot's description when there is one,
 * or else from a first page (a short meeting is walked on from there). Pages are handed on in window order, so
 * the result, including which of two same-time events came first, is what a sequential walk gives.
 * Every page, the first one included, is retried on transient failures as the windows' queries say.
 *
 * Windows cut evenly in time are uneven in events (a real meeting comes in bursts), so once every
 * window has started, a worker with nothing to do splits the rest of the window with the most left
 * and walks the second half. Nothing tells how the bot's clock, which the pages carry, lines up
 * with created_at, which the filters use: so the window split goes on until it reads the first
 * event of its new part, which is exactly where the part begins, or to its own end if the part is
 * empty. Whatever the guess, everything is covered once, plus a page read twice.
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
  const walks = new Set<Walk>();
  // Two windows with the same bounds would share a query: every window starts at its own afterMs.
  const starts = new Set<number | null>();
  let opened = 0;
  let pulse: () => void = () => undefined;
  let walked = Promise.resolve();
  /** A page arrived or a walk ended: a worker waiting for work to split looks again. */
  const notify = () => {
    pulse();
    walked = new Promise((resolve) => (pulse = resolve));
  };
  notify();
  const newWalk = (fromMs: number, endMs: number, window: HistoryWindow, after?: Walk): Walk => {
    starts.add(window.afterMs);
    return {
      index: opened++,
      slot: delivery.open(after?.slot),
      fromMs,
      reachedMs: fromMs,
      endMs,
      events: 0,
      beforeMs: window.beforeMs,
    };
  };

  /** Walks `walk`'s window; `onFirstPage` sees its first page before anything else happens. */
  const walkWindow = async (
    walk: Walk,
    window: HistoryWindow,
    onFirstPage?: (page: EventsPage) => boolean,
  ) => {
    const observer = new InfiniteQueryObserver(
      queryClient,
      historyWindowQueryOptions(session, { load, ...window }),
    );
    const unsubscribe = observer.subscribe((result) =>
      progress.windowFailing(walk.index, result.failureReason),
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
    walks.add(walk);
    try {
      let page = await fetchNext();
      if (onFirstPage && !onFirstPage(page)) return;
      for (;;) {
        walk.events += page.events.length;
        walk.reachedMs = Math.max(walk.reachedMs, page.events.at(-1)?.timestamp_ms ?? 0);
        // Ask for the next page before handing this one on, so the request is on its way while
        // the page (and whatever re-renders because of it) is dealt with.
        const next =
          page.nextCursor === null || page.events.some((event) => event.id === walk.stopId)
            ? null
            : fetchNext();
        next?.catch(() => undefined);
        delivery.push(walk.slot, page);
        progress.pageArrived(walk.index, page.events);
        notify();
        if (next === null) break;
        page = await next;
      }
    } finally {
      // With gcTime 0, the window's query (its one page) goes with its last observer.
      unsubscribe();
      walks.delete(walk);
      notify();
    }
    progress.finishWindow(walk.index);
    delivery.finish(walk.slot);
  };

  /** Work for a worker once every window has started: a part split off a running one. */
  const splitOff = async () => {
    while (walks.size > 0) {
      const running = [...walks].filter((walk) => !walk.splitting);
      const split = (options.chooseSplit ?? chooseSplit)(running);
      if (split) {
        const walk = running[split.walk]!;
        let atMs = split.atMs;
        while (starts.has(atMs)) atMs += 1;
        const window = { afterMs: atMs, beforeMs: walk.beforeMs };
        const part = newWalk(atMs, walk.endMs, window, walk);
        progress.splitWindow(walk.index, part.index, atMs);
        Object.assign(walk, { endMs: atMs, beforeMs: atMs + 1, splitting: true });
        return () =>
          walkWindow(part, window, (firstPage) => {
            walk.splitting = false;
            walk.stopId = firstPage.events[0]?.id ?? walk.stopId;
            return true;
          });
      }
      await walked;
    }
  };

  const plan = { serverDateMs: null as number | null, walks: [] as (() => Promise<void>)[] };
  /** Walks of `windows`, cut evenly from `fromMs` to `toMs`, for the pool. */
  const planWalks = (windows: readonly HistoryWindow[], fromMs: number, toMs: number) => {
    const step = (toMs - fromMs) / Math.max(1, windows.length);
    plan.walks = windows.map((window, position) => {
      const walk = newWalk(fromMs + step * position, fromMs + step * (position + 1), window);
      progress.openWindow(walk.index, walk.fromMs, walk.endMs);
      return () => walkWindow(walk, window);
    });
  };

  try {
    const span = concurrency > 1 ? await options.meetingSpan?.(signal).catch(() => null) : null;
    // A meeting of a minute or so is read from a first page, which also tells whether it holds
    // more than a page.
    const windows = span ? planWindowsOverSpan(span, concurrency) : [];
    if (span && windows.length > 1) {
      // Answered before any window was asked for, as the first page would have been: the live
      // tail's watermark from it covers whatever committed late during the walk.
      plan.serverDateMs = span.serverDateMs;
      planWalks(windows, span.fromMs, span.toMs);
      await runWorkerPool(plan.walks, concurrency, splitOff);
      return { serverDateMs: plan.serverDateMs, finishedAtMs: Date.now() };
    }
    // The first page of the whole history tells how old the meeting is and how dense its events
    // are. A short meeting is walked on from there; a long one is split into windows.
    const whole = { afterMs: null, beforeMs: null };
    const first = newWalk(0, 0, whole);
    await walkWindow(first, whole, (firstPage) => {
      plan.serverDateMs = firstPage.serverDateMs;
      const firstMs = firstPage.events[0]?.timestamp_ms ?? 0;
      const now = Math.min(firstPage.serverDateMs ?? Date.now(), options.endedAtMs ?? Infinity);
      progress.openWindow(0, firstMs, now);
      const windows =
        concurrency > 1 && firstPage.nextCursor !== null
          ? planHistoryWindows(
              {
                firstEventMs: firstMs,
                lastEventMs: firstPage.events.at(-1)?.timestamp_ms ?? firstMs,
                serverNowMs: now,
              },
              {
                // One window a worker: a window ends in a part page (or an empty one where the
                // meeting was quiet), so each extra window costs a request, and splits share
                // out whatever the windows turn out to hold.
                maxWindows: options.maxWindows ?? concurrency,
                pagesPerWindow: options.pagesPerWindow ?? 4,
                walkedAtOnce: concurrency,
              },
            )
          : [];
      planWalks(windows, firstMs, now);
      // One window: walk on from this page. Several: window 1 starts from the beginning again,
      // so the first page is read twice and merged by id.
      return windows.length <= 1;
    });
    if (plan.walks.length > 1) {
      progress.finishWindow(0);
      delivery.finish(first.slot);
      await runWorkerPool(plan.walks, concurrency, splitOff);
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
