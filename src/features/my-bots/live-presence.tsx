import type { WatchSession } from '../../lib/watch-session';
import { explainError } from '../../attendee-api/explain-error';
import { presentCount } from '../../domain/roster';
import { formatCount } from '../../lib/format-count';
import { useBotAttendance } from './use-bot-attendance';

/** The list refreshes every 30 s; each row's attendance follows at the same pace. */
export const LIST_POLL_INTERVAL_MS = 30_000;

/** "N present · host present", live, for one row of the list. */
export function LivePresence({ session }: { session: WatchSession }) {
  const { store, feed } = useBotAttendance(session, {
    pollIntervalMs: LIST_POLL_INTERVAL_MS,
    meetingOver: false,
  });
  if (feed.phase === 'stopped') {
    return <span className="text-red-700 dark:text-red-300">{explainError(feed.error).title}</span>;
  }
  if (feed.phase === 'history') return <span>Counting…</span>;
  let hostPresent = false;
  for (const participant of store.state.present) hostPresent ||= participant.isHost;
  return (
    <span>
      <strong className="font-semibold tabular-nums">
        {formatCount(presentCount(store.state))} present
      </strong>
      {' · '}
      {hostPresent ? 'host present' : 'no host present'}
    </span>
  );
}
