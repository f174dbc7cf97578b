import { useEffect, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { isTransientError } from './api/api-error';
import { eventHistoryQueryOptions, participantEventKeys } from './event-history-query';
import { createLiveTail, type HistoryStart } from './live-tail';
import { retryDelayMs, shouldRetry } from './retry-policy';
import type { PageSink } from './walk-events';

export const DEFAULT_POLL_INTERVAL_MS = 3000;

export interface EventFeedOptions {
  /** Receives every page as it arrives; must be stable and must de-duplicate by event id. */
  onPage: PageSink;
  pollIntervalMs: number;
  /** The bot left the meeting: make one last catch-up poll, then stop. */
  meetingOver: boolean;
  overlapMs?: number;
}

export type EventFeedPhase = 'history' | 'live' | 'finished' | 'stopped';

export interface EventFeed {
  phase: EventFeedPhase;
  historyEventsLoaded: number;
  /** How far the history load is, 0 to 1; null when it cannot tell. */
  historyProgress: number | null;
  /** A failure that stopped loading (bad key, unknown bot, unreadable response). */
  error: unknown;
  /** A transient failure being retried right now. */
  retryingAfter: unknown;
  /** Our clock at the last successful load; null before the first. */
  lastSuccessAtMs: number | null;
}

/**
 * Loads the whole history (an infinite query walked to its end), then polls with `after` (see
 * live-tail.ts). Pages go to `onPage` as they arrive.
 */
export function useParticipantEventFeed(
  session: WatchSession,
  options: EventFeedOptions,
): EventFeed {
  const { onPage, pollIntervalMs, meetingOver } = options;
  const [liveTail] = useState(() => createLiveTail(session, options.overlapMs));
  const keys = participantEventKeys(session);

  const history = useInfiniteQuery(eventHistoryQueryOptions(session, onPage));
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = history;
  const historyDone = history.isSuccess && !hasNextPage;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const historyStart: HistoryStart = {
    serverDateMs: history.data?.pages[0]?.serverDateMs ?? null,
    finishedAtMs: history.dataUpdatedAt,
  };
  const [finalPollDone, setFinalPollDone] = useState(false);
  // The watermark lives in liveTail and the history start in the history query, not in the
  // key: a new key per poll would pile up cache entries and defeat one-poll-in-flight.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  const tail = useQuery({
    queryKey: keys.tail,
    queryFn: ({ signal }) => liveTail.poll(onPage, historyStart, signal),
    enabled: historyDone && !finalPollDone,
    refetchInterval: (query) => {
      const error = query.state.error;
      if (meetingOver || (error && !isTransientError(error))) return false;
      return pollIntervalMs;
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    gcTime: 0,
    retry: shouldRetry,
    retryDelay: retryDelayMs,
  });

  const { refetch: refetchTail } = tail;
  useEffect(() => {
    if (!meetingOver || !historyDone || finalPollDone) return;
    let cancelled = false;
    void refetchTail().then((result) => {
      if (!cancelled && result.isSuccess) setFinalPollDone(true);
    });
    return () => {
      cancelled = true;
    };
  }, [meetingOver, historyDone, finalPollDone, refetchTail]);

  const error = history.error ?? tail.error;
  const stoppedByError = error !== null && !isTransientError(error);
  const pages = history.data?.pages ?? [];
  const lastSuccessAtMs = Math.max(history.dataUpdatedAt, tail.dataUpdatedAt);
  return {
    phase: stoppedByError
      ? 'stopped'
      : !historyDone
        ? 'history'
        : finalPollDone
          ? 'finished'
          : 'live',
    historyEventsLoaded: pages.reduce((sum, page) => sum + page.events.length, 0),
    historyProgress: historyDone ? 1 : null,
    error: stoppedByError ? error : null,
    retryingAfter: stoppedByError ? null : (history.failureReason ?? tail.failureReason),
    lastSuccessAtMs: lastSuccessAtMs > 0 ? lastSuccessAtMs : null,
  };
}
