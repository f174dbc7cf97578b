import { createContext, use } from 'react';
import { timeAgo } from '../../lib/relative-time';
import { clockTime } from '../../lib/clock-time';
import { explainError } from '../../attendee-api/explain-error';
import type { AttendanceFeed } from '../../event-feed/use-attendance-feed';
import { useNow } from '../../lib/use-now';
import { howMeetingEnded, notInMeetingYet } from '../../common/bot-states';
import { formatCount } from '../../lib/format-count';

/**
 * The feed as of its last poll, for the status line alone: every poll's answer changes it (when it
 * was updated), and passing it down as a prop re-rendered the whole dashboard for that.
 */
export const LiveFeedContext = createContext<AttendanceFeed | null>(null);

export interface FeedStatusProps {
  /** The bot's state and since when, once read. */
  bot: { state: string; stateSinceMs: number | null } | null;
  /** Whether any event has been received; before that, a bot outside the meeting explains why. */
  eventsSeen: boolean;
}

/** One line, always present, that says whether what the page shows is current. */
export function FeedStatus({ bot, eventsSeen }: FeedStatusProps) {
  const feed = use(LiveFeedContext);
  const now = useNow(1000);
  if (feed === null) throw new Error('FeedStatus needs the LiveFeedContext of its dashboard.');
  const { dot, text } = describeFeed(feed, bot, eventsSeen, now);
  return (
    <p role="status" className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${dot}`} />
      <span>{text}</span>
    </p>
  );
}

function describeFeed(
  feed: AttendanceFeed,
  bot: FeedStatusProps['bot'],
  eventsSeen: boolean,
  now: number,
) {
  if (feed.phase === 'stopped') {
    return { dot: 'bg-red-600', text: `Stopped: ${explainError(feed.error).title}` };
  }
  if (feed.retryingAfter) {
    const { detail } = explainError(feed.retryingAfter);
    return { dot: 'bg-orange-500', text: `Reconnecting…${detail ? ` ${detail}` : ''}` };
  }
  if (feed.phase === 'history') {
    return {
      dot: 'bg-sky-500',
      text: `Loading history… ${formatCount(feed.historyEventsLoaded)} events`,
    };
  }
  if (feed.phase === 'finished') {
    return { dot: 'bg-slate-400', text: describeMeetingOver(bot, now) };
  }
  const ago =
    feed.lastSuccessAtMs === null ? '' : ` · updated ${secondsAgo(feed.lastSuccessAtMs, now)}`;
  const notYet = bot && !eventsSeen ? notInMeetingYet(bot.state) : null;
  if (notYet) {
    return { dot: 'bg-sky-500', text: `Waiting for the bot to join the meeting: ${notYet}${ago}` };
  }
  // Pushed at once, or the poll's interval: how soon a join shows (docs/attendee-api.md).
  const how = feed.instant ? 'instant' : `every ${Math.round(feed.pollIntervalMs / 1000)} s`;
  return { dot: 'bg-emerald-500', text: `Live · ${how}${ago}` };
}

function describeMeetingOver(bot: FeedStatusProps['bot'], now: number): string {
  const how = bot ? howMeetingEnded(bot.state) : 'left';
  if (how === 'data deleted') return 'Meeting over · the bot’s data has since been deleted';
  const endedAtMs = bot?.stateSinceMs ?? null;
  const when =
    endedAtMs === null
      ? ''
      : ` at ${clockTime(endedAtMs)} (${timeAgo(endedAtMs, Math.max(now, endedAtMs))})`;
  return how === 'failed'
    ? `Meeting over · the bot stopped with an error${when}`
    : `Meeting over · the bot left${when}`;
}

function secondsAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  return timeAgo(thenMs, nowMs);
}
