import type { WatchSession } from '../../lib/watch-session';
import { useAttendanceFeed } from '../../event-feed/use-attendance-feed';

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
 * One bot's attendance on a tile, exactly as the single dashboard keeps it (the same hook), so a
 * tile never counts differently; only the hosts are asked less often.
 */
export function useBotAttendance(session: WatchSession, options: BotAttendanceOptions) {
  return useAttendanceFeed(session, { ...options, hostsRefreshMs: HOSTS_REFRESH_ON_WALL_MS });
}
