import { useEffect, useState } from 'react';
import { usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { isTransientError } from '../attendee-api/api-error';
import { isOnSharedTick } from '../lib/shared-schedule';
import { createLiveTail } from './live-tail';
import { loadHistory } from './parallel-history';
import { historyConcurrencyFor, pageProtocol } from './history-concurrency';
import type { HistoryProgress } from './history-load-progress';
import { historyQueryOptions, liveTailQueryOptions } from './feed-query-options';
import { readMeetingSpan } from './meeting-span';
import type { PageSink } from './walk-events';

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
  /** The whole history is in: only then does presence (who is here now) mean anything. */
  historyComplete: boolean;
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
 * Loads the whole history (overlapping time windows walked in parallel, each a TanStack infinite
 * query: parallel-history.ts), then polls with `after` (live-tail.ts). Pages go to `onPage` in the
 * server's order.
 */
export function useParticipantEventFeed(
  session: WatchSession,
  options: EventFeedOptions,
): EventFeed {
  const { onPage, pollIntervalMs, meetingOver } = options;
  const queryClient = useQueryClient();
  const [liveTail] = useState(() => createLiveTail(session, options.overlapMs));
  const [progress, setProgress] = useState<HistoryProgress | null>(null);

  const historyOptions = historyQueryOptions(session, (signal) =>
    loadHistory({
      queryClient,
      session,
      onPage,
      onProgress: setProgress,
      signal,
      concurrency: historyConcurrencyFor(pageProtocol()),
      // The same request as the page's own for the bot's state: shared, not asked twice.
      meetingSpan: (signal) => readMeetingSpan(queryClient, session, signal),
    }),
  );
  // Started while the dashboard renders: useQuery alone starts it when it subscribes, which
  // Preact does in an effect, after the first paint, and the history's first requests waited
  // for that paint. useQuery then joins the load in flight.
  usePrefetchQuery(historyOptions);
  const history = useQuery(historyOptions);
  const historyStart = history.data;
  const historyDone = historyStart !== undefined;

  const [finalPollDone, setFinalPollDone] = useState(false);
  const tail = useQuery(
    liveTailQueryOptions(
      session,
      (signal) => {
        if (!historyStart) throw new Error('The live tail starts after the history.');
        const offTick = !isOnSharedTick(pollIntervalMs, session.botId);
        return liveTail.poll(onPage, historyStart, signal, { offTick });
      },
      { enabled: historyDone && !finalPollDone, pollIntervalMs, meetingOver },
    ),
  );

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
  const lastSuccessAtMs = Math.max(history.dataUpdatedAt, tail.dataUpdatedAt);
  return {
    phase: stoppedByError
      ? 'stopped'
      : !historyDone
        ? 'history'
        : finalPollDone
          ? 'finished'
          : 'live',
    historyComplete: historyDone,
    historyEventsLoaded: progress?.eventsReceived ?? 0,
    historyProgress: historyDone ? 1 : (progress?.fraction ?? null),
    error: stoppedByError ? error : null,
    retryingAfter: stoppedByError
      ? null
      : historyDone
        ? tail.failureReason
        : (progress?.retryingAfter ?? null),
    lastSuccessAtMs: lastSuccessAtMs > 0 ? lastSuccessAtMs : null,
  };
}
