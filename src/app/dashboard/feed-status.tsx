import { formatDistanceStrict } from 'date-fns';
import { clockTime } from '../../lib/clock-time';
import { explainError } from '../../features/events/api/api-error';
import type { EventFeed } from '../../features/events/use-participant-event-feed';
import { useNow } from '../../lib/use-now';

export interface FeedStatusProps {
  feed: EventFeed;
  meetingEndedAtMs: number | null;
}

/** One line, always present, that says whether what the page shows is current. */
export function FeedStatus({ feed, meetingEndedAtMs }: FeedStatusProps) {
  const now = useNow(1000);
  const { dot, text } = describeFeed(feed, meetingEndedAtMs, now);
  return (
    <p role="status" className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${dot}`} />
      <span>{text}</span>
    </p>
  );
}

function describeFeed(feed: EventFeed, meetingEndedAtMs: number | null, now: number) {
  if (feed.phase === 'stopped') {
    return { dot: 'bg-red-600', text: `Stopped: ${explainError(feed.error).title}` };
  }
  if (feed.retryingAfter) {
    const { detail } = explainError(feed.retryingAfter);
    return { dot: 'bg-orange-500', text: `Reconnecting…${detail ? ` ${detail}` : ''}` };
  }
  if (feed.phase === 'history') {
    return {
      dot: 'bg-sky-500 animate-pulse',
      text: `Loading history… ${feed.historyEventsLoaded.toLocaleString('en-US')} events`,
    };
  }
  if (feed.phase === 'finished') {
    const when =
      meetingEndedAtMs === null
        ? ''
        : ` at ${clockTime(meetingEndedAtMs)} (${formatDistanceStrict(meetingEndedAtMs, Math.max(now, meetingEndedAtMs), { addSuffix: true })})`;
    return { dot: 'bg-slate-400', text: `Meeting over · the bot left${when}` };
  }
  const ago =
    feed.lastSuccessAtMs === null ? '' : ` · updated ${secondsAgo(feed.lastSuccessAtMs, now)}`;
  return { dot: 'bg-emerald-500', text: `Live${ago}` };
}

function secondsAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  return formatDistanceStrict(thenMs, nowMs, { addSuffix: true });
}
