import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { botQueryOptions } from '../../attendee-api/get-bot';
import { isMeetingOver } from '../../common/bot-states';
import { ApiError } from '../../attendee-api/api-error';
import { useAttendanceSource } from '../../event-feed/use-attendance-feed';
import { useRefreshIntervals } from '../../lib/refresh-intervals';
import { DashboardView } from './dashboard-view';
import { LiveFeedContext } from './feed-status';

export interface DashboardProps {
  session: WatchSession;
  /** Absent in a shared, read-only view of one meeting. */
  onSwitch?: () => void;
  /** Opened from the wall: the way out goes back to it. */
  fromWall?: boolean;
}

/**
 * The queries behind one bot's dashboard: its state, and the feed of its events into the store.
 * This renders when a query's answer changes; each new event re-renders only the view below.
 */
export function Dashboard({ session, onSwitch, fromWall = false }: DashboardProps) {
  const intervals = useRefreshIntervals();
  const [pollIntervalMs, setPollIntervalMs] = useState(intervals.eventsPollMs);
  const bot = useQuery(botQueryOptions(session, intervals.botStateMs));
  const meetingOver = bot.data ? isMeetingOver(bot.data.state) : false;
  const { store, feed } = useAttendanceSource(session, {
    pollIntervalMs,
    meetingOver,
    hostsRefreshMs: intervals.hostsMs,
  });
  // A transient failure is retried without end, so it shows as failureReason, never as error.
  // While the feed is failing too, its message already explains it; the bot's would repeat it.
  const botFailure = bot.error ?? bot.failureReason;
  const feedFailing = feed.phase === 'stopped' || feed.retryingAfter !== null;
  const botStateProblem = botFailure !== null && !feedFailing ? explainBotError(botFailure) : null;
  // The same object from one poll to the next while the feed's progress holds, so the view is
  // not re-rendered for a poll's answer (its events re-render it already).
  const { phase, historyComplete, historyEventsLoaded, historyProgress, error } = feed;
  const progress = useMemo(
    () => ({ phase, historyComplete, historyEventsLoaded, historyProgress, error }),
    [phase, historyComplete, historyEventsLoaded, historyProgress, error],
  );

  return (
    <LiveFeedContext value={feed}>
      <DashboardView
        session={session}
        store={store}
        feed={progress}
        bot={bot.data ?? null}
        meetingOver={meetingOver}
        botStateProblem={botStateProblem}
        pollIntervalMs={pollIntervalMs}
        onPollIntervalChange={setPollIntervalMs}
        onSwitch={onSwitch}
        switchLabel={fromWall ? 'Back to the wall' : 'Switch bot or key'}
      />
    </LiveFeedContext>
  );
}

function explainBotError(error: unknown): string {
  // ApiError messages are written for people and never hold the key; anything else is a bug.
  return error instanceof ApiError ? error.message.replace(/\.$/, '') : 'Something went wrong';
}
