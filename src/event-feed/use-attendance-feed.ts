import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { attendeeKeys } from '../attendee-api/query-keys';
import type { WatchSession } from '../lib/watch-session';
import { coalesceSubscribe } from '../lib/coalesce-subscribe';
import { currentHostsQueryOptions } from '../attendee-api/get-current-hosts';
import { createAttendanceStore, type AttendanceStore } from '../domain/attendance-store';
import type { EventBatch } from '../common/participant-event';
import { useParticipantEventFeed, type EventFeed } from './use-participant-event-feed';
import { POLL_WHILE_PUSHED_MS, useLivePush } from './use-live-push';
import { PROGRESS_REPORT_EVERY_MS } from './history-load-progress';

/**
 * While the history loads, pages land every few milliseconds: a render for each would take the
 * time the load needs. Once a second, with the progress (PROGRESS_REPORT_EVERY_MS): each render
 * is the whole dashboard, and on two cores its CPU slowed the server answering the load (four a
 * second cost about 2 % of a 10,000-event load, `bench/profile-backfill.ts`). Live, every change.
 */
const HISTORY_RENDER_EVERY_MS = PROGRESS_REPORT_EVERY_MS;

/** The feed, and how it is kept current: pushed at once, or polled every `pollIntervalMs`. */
export type AttendanceFeed = EventFeed & { instant: boolean; pollIntervalMs: number };

export interface AttendanceFeedOptions {
  pollIntervalMs: number;
  meetingOver: boolean;
  /** How often to ask who is host now, which no event announces (docs/attendee-api.md). */
  hostsRefreshMs: number;
}

/**
 * One bot's attendance as the page keeps it, for the dashboard and for each tile of a wall alike:
 * the lossless history loader and live tail feeding one store, with the current hosts folded in.
 * `version` changes when the store does, so readers of the store know when to read it again.
 */
export function useAttendanceFeed(session: WatchSession, options: AttendanceFeedOptions) {
  const { store, feed } = useAttendanceSource(session, options);
  const version = useStoreVersion(store, feed.phase === 'history');
  return { store, version, feed };
}

/**
 * The store and the feed filling it, without following the store: a component holding the
 * queries re-reads their options on each of its renders, so a page with many events per second
 * follows the store (`useStoreVersion`) in a component below it.
 */
export function useAttendanceSource(session: WatchSession, options: AttendanceFeedOptions) {
  const { pollIntervalMs, meetingOver, hostsRefreshMs } = options;
  const queryClient = useQueryClient();
  const [store] = useState(createAttendanceStore);
  // Structural sharing keeps the same array while the hosts stay the same, so this runs on change.
  const currentHosts = useQuery(
    currentHostsQueryOptions(session, meetingOver, hostsRefreshMs),
  ).data;
  useEffect(() => {
    if (currentHosts) store.receiveCurrentHosts(currentHosts);
  }, [currentHosts, store]);
  const [receive] = useState(() => (page: EventBatch) => {
    const before = store.state.version;
    store.receivePage(page);
    return store.state.version !== before;
  });
  // Read while rendering: this component re-renders when the history's query settles.
  const historyDone = queryClient.getQueryData(attendeeKeys.history(session)) !== undefined;
  const push = useLivePush(session, { enabled: historyDone && !meetingOver, receive });
  const instantRef = useRef(false);
  useEffect(() => {
    instantRef.current = push.instant;
  });
  const { polledNew } = push;
  const onPage = useCallback(
    (page: EventBatch) => {
      if (receive(page) && instantRef.current) polledNew();
    },
    [receive, polledNew],
  );
  const feed = useParticipantEventFeed(session, {
    onPage,
    pollIntervalMs: push.instant ? Math.max(POLL_WHILE_PUSHED_MS, pollIntervalMs) : pollIntervalMs,
    meetingOver,
  });
  const attendanceFeed: AttendanceFeed = { ...feed, instant: push.instant, pollIntervalMs };
  return { store, feed: attendanceFeed };
}

/** The store's version, re-read on every change; while the history loads, a few times a second. */
export function useStoreVersion(store: AttendanceStore, loadingHistory: boolean): number {
  const subscribe = useMemo(
    () =>
      loadingHistory
        ? coalesceSubscribe(store.subscribe, HISTORY_RENDER_EVERY_MS)
        : store.subscribe,
    [loadingHistory, store],
  );
  return useSyncExternalStore(subscribe, store.getVersion);
}
