import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { currentHostsQueryOptions } from '../../attendee-api/get-current-hosts';
import { useParticipantEventFeed } from '../../event-feed/use-participant-event-feed';
import { createAttendanceStore } from '../../domain/attendance-store';

/**
 * Who is host can change without an event (docs/attendee-api.md, "Fields"). The single dashboard
 * asks every 10 s; across a wall of twelve that would be more requests than the events
 * themselves, so a tile asks once a minute and otherwise follows the flag on each event.
 */
export const HOSTS_REFRESH_ON_WALL_MS = 60_000;

export interface BotAttendanceOptions {
  pollIntervalMs: number;
  meetingOver: boolean;
}

/**
 * One bot's attendance, exactly as the single dashboard keeps it: the same lossless history
 * loader and live tail feeding the same store, so a tile never counts differently.
 */
export function useBotAttendance(session: WatchSession, options: BotAttendanceOptions) {
  const { pollIntervalMs, meetingOver } = options;
  const [store] = useState(createAttendanceStore);
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const currentHosts = useQuery(
    currentHostsQueryOptions(session, meetingOver, HOSTS_REFRESH_ON_WALL_MS),
  ).data;
  useEffect(() => {
    if (currentHosts) store.receiveCurrentHosts(currentHosts);
  }, [currentHosts, store]);
  const feed = useParticipantEventFeed(session, {
    onPage: store.receivePage,
    pollIntervalMs,
    meetingOver,
  });
  return { store, version, feed };
}
