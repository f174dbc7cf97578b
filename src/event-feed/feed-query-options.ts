import { queryOptions } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { isTransientError } from '../attendee-api/api-error';
import { attendeeKeys } from '../attendee-api/query-keys';
import type { HistoryStart, PollResult } from './live-tail';
import { msUntilSharedTick, pollStateOf } from '../lib/shared-schedule';

/**
 * The whole history, loaded once (parallel-history.ts): no refetch on focus, reconnect or mount,
 * and never on an interval (a refetch would re-walk every page). New events come from the live
 * tail. The session in the key names everything the load depends on; `load` hands the pages on.
 */
export function historyQueryOptions(
  session: WatchSession,
  load: (signal: AbortSignal) => Promise<HistoryStart>,
) {
  return queryOptions({
    queryKey: attendeeKeys.history(session),
    queryFn: ({ signal }) => load(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnReconnect: false,
    // Each page is retried inside the load; what reaches here is final (bad key, unknown bot),
    // also when it came before the dashboard's useQuery subscribed (the load starts at render).
    retry: false,
    retryOnMount: false,
  });
}

export interface LiveTailSchedule {
  enabled: boolean;
  pollIntervalMs: number;
  /** The bot left: no more polls on the interval (the last one is asked for separately). */
  meetingOver: boolean;
}

/**
 * The live tail: one poll (live-tail.ts) every `pollIntervalMs`, on the bot's shared ticks
 * (lib/shared-schedule.ts), the first as soon as the history is in, one in flight at a time. The
 * watermark lives in the tail and the history start in the history query, not in the key: a new
 * key per poll would pile up cache entries and defeat one-poll-in-flight.
 */
export function liveTailQueryOptions(
  session: WatchSession,
  poll: (signal: AbortSignal) => Promise<PollResult>,
  schedule: LiveTailSchedule,
) {
  return queryOptions({
    queryKey: attendeeKeys.tail(session),
    queryFn: ({ signal }) => poll(signal),
    enabled: schedule.enabled,
    refetchInterval: (query) => {
      const error = query.state.error;
      if (schedule.meetingOver || (error && !isTransientError(error))) return false;
      // On the bot's shared ticks: its viewers ask the same question (the watermark is on a
      // grid) at the same moment, and our server sends it upstream once for all of them.
      return msUntilSharedTick(schedule.pollIntervalMs, session.botId, pollStateOf(query.state));
    },
    refetchIntervalInBackground: true,
    // Back online, the next tick asks: a poll off the ticks would share no answer.
    refetchOnReconnect: false,
    gcTime: 0,
  });
}
