import type { QueryClient } from '@tanstack/react-query';
import type { KeyConnection } from '../lib/watch-session';
import { ApiError } from '../attendee-api/api-error';
import { createAttendanceStore, type AttendanceStore } from '../domain/attendance-store';
import type { MeetingSpan } from './history-windows';
import { loadHistory } from './parallel-history';
import { runWorkerPool } from './worker-pool';

export interface SeriesMeetingToLoad {
  readonly botId: string;
  /** When its bot got in, from its own events (the list's): with the end, the windows' span. */
  readonly startedAtMs: number | null;
  /** When its bot left, from its own events: windows are planned up to then. */
  readonly endedAtMs: number | null;
}

export type SeriesMeetingResult =
  | { readonly status: 'loaded'; readonly store: AttendanceStore }
  | { readonly status: 'unreadable'; readonly error: unknown };

export interface SeriesLoadOptions {
  queryClient: QueryClient;
  connection: KeyConnection;
  meetings: readonly SeriesMeetingToLoad[];
  /** New for every opening of the series: no window of one load is another's. */
  loadId: string;
  /** Told of each meeting as its whole history is in, or as it proves unreadable. */
  onMeeting: (index: number, result: SeriesMeetingResult) => void;
  /** Requests in flight at once for the whole series (the dashboard's for one meeting). */
  requestsAtOnce: number;
  meetingsAtOnce?: number;
  signal?: AbortSignal;
}

/**
 * Meetings loaded at once. A meeting whose start and end the list gave starts all its windows at
 * once; one without begins with one page read alone, and the others' windows keep the
 * connections busy meanwhile. The requests in flight stay within `requestsAtOnce` whatever the series' length: a series of fifty
 * meetings is walked four at a time, not fifty times eight requests at once.
 */
export const SERIES_MEETINGS_AT_ONCE = 4;

/**
 * Loads each meeting's whole history with the dashboard's own loader into a store of its own
 * (so a meeting counts here exactly as on its dashboard), a few meetings at a time. A meeting
 * that cannot be read (deleted, 404, an unreadable answer) is reported as such and the rest go
 * on; a refused key stops everything, since no meeting would load with it.
 */
export async function loadSeries(options: SeriesLoadOptions): Promise<void> {
  // Two windows a meeting at least, or it could not split; fewer meetings if need be.
  const meetingsAtOnce = Math.max(
    1,
    Math.min(
      options.meetingsAtOnce ?? SERIES_MEETINGS_AT_ONCE,
      Math.floor(options.requestsAtOnce / 2),
    ),
  );
  const perMeeting = Math.max(2, Math.floor(options.requestsAtOnce / meetingsAtOnce));
  const { connection } = options;
  const tasks = options.meetings.map((meeting, index) => async () => {
    const store = createAttendanceStore();
    try {
      await loadHistory({
        queryClient: options.queryClient,
        session: {
          credential: connection.credential,
          source: connection.source,
          botId: meeting.botId,
          id: `series:${options.loadId}:${index}`,
        },
        onPage: (page) => store.receivePage(page),
        concurrency: perMeeting,
        // As many windows as walk at once, no more: a series' meetings are short, each window's
        // last page is a partial one, and a worker left free splits a running window anyway.
        maxWindows: perMeeting,
        endedAtMs: meeting.endedAtMs,
        meetingSpan: () => Promise.resolve(spanOf(meeting)),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted || stopsTheSeries(error)) throw error;
      options.onMeeting(index, { status: 'unreadable', error });
      return;
    }
    options.onMeeting(index, { status: 'loaded', store });
  });
  await runWorkerPool(tasks, Math.min(meetingsAtOnce, tasks.length));
}

/** The list already dated the meeting: no first page need be read alone to plan its windows. */
function spanOf({ startedAtMs, endedAtMs }: SeriesMeetingToLoad): MeetingSpan | null {
  if (startedAtMs === null || endedAtMs === null || endedAtMs <= startedAtMs) return null;
  return { fromMs: startedAtMs, toMs: endedAtMs, serverDateMs: null };
}

/** A refused key or link: every other meeting would be refused the same way. */
function stopsTheSeries(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.kind === 'unauthorized' || error.kind.startsWith('share-'))
  );
}
