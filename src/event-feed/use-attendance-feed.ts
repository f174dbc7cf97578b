import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { coalesceSubscribe } from '../lib/coalesce-subscribe';
import { currentHostsQueryOptions } from '../attendee-api/get-current-hosts';
import { createAttendanceStore, type AttendanceStore } from '../domain/attendance-store';
import { useParticipantEventFeed } from './use-participant-event-feed';

/**
 * While the history loads, pages land every few milliseconds: a render for each would take the
 * time the load needs. A few a second is what a person can follow; live, every change.
 */
const HISTORY_RENDER_EVERY_MS = 250;

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
  const [store] = useState(createAttendanceStore);
  // Structural sharing keeps the same array while the hosts stay the same, so this runs on change.
  const currentHosts = useQuery(
    currentHostsQueryOptions(session, meetingOver, hostsRefreshMs),
  ).data;
  useEffect(() => {
    if (currentHosts) store.receiveCurrentHosts(currentHosts);
  }, [currentHosts, store]);
  const feed = useParticipantEventFeed(session, {
    onPage: store.receivePage,
    pollIntervalMs,
    meetingOver,
  });
  return { store, feed };
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
