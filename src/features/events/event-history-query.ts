import { infiniteQueryOptions } from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { getParticipantEventsPage } from './api/get-participant-events-page';
import { retryDelayMs, shouldRetry } from './retry-policy';
import type { PageSink } from './walk-events';

export function participantEventKeys(session: WatchSession) {
  const base = ['participant-events', session.source, session.botId, session.id] as const;
  return { history: [...base, 'history'] as const, tail: [...base, 'tail'] as const };
}

/**
 * The whole history, one cursor page at a time. It is fetched once and never refetched as a
 * whole: a refetch of an infinite query re-walks every page in turn (../shared/style.md, "Traps").
 * New events come from the live tail instead.
 */
export function eventHistoryQueryOptions(session: WatchSession, onPage: PageSink) {
  return infiniteQueryOptions({
    queryKey: participantEventKeys(session).history,
    queryFn: async ({ pageParam, signal }) => {
      const page = await getParticipantEventsPage(session, { cursor: pageParam }, signal);
      onPage(page);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: shouldRetry,
    retryDelay: retryDelayMs,
  });
}
