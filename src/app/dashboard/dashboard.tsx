import { useId, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WatchSession } from '../../lib/watch-session';
import { useNow } from '../../lib/use-now';
import { botQueryOptions } from '../../features/events/api/get-bot';
import { isMeetingOver } from '../../lib/bot-states';
import {
  DEFAULT_POLL_INTERVAL_MS,
  useParticipantEventFeed,
} from '../../features/events/use-participant-event-feed';
import { eventCount } from '../../features/attendance/attendance-state';
import { presentCount, presentParticipants } from '../../features/attendance/roster';
import { PresentRoster } from '../../features/roster/present-roster';
import { EventTimeline } from '../../features/timeline/event-timeline';
import { createAttendanceStore } from './attendance-store';
import { AttendanceFigures } from './attendance-figures';
import { DashboardHeader } from './dashboard-header';
import { FeedProblem } from './feed-problem';
import { FeedStatus } from './feed-status';
import { HistoryProgress } from './history-progress';

export interface DashboardProps {
  session: WatchSession;
  onSwitch: () => void;
}

export function Dashboard({ session, onSwitch }: DashboardProps) {
  const [store] = useState(createAttendanceStore);
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [pollIntervalMs, setPollIntervalMs] = useState(DEFAULT_POLL_INTERVAL_MS);
  const [showSpeech, setShowSpeech] = useState(false);
  const now = useNow(15_000);
  const ids = { roster: useId(), timeline: useId(), speech: useId() };

  const bot = useQuery(botQueryOptions(session));
  const meetingOver = bot.data ? isMeetingOver(bot.data.state) : false;
  const feed = useParticipantEventFeed(session, {
    onPage: store.receivePage,
    pollIntervalMs,
    meetingOver,
  });
  const historyLoaded = feed.phase !== 'history' && !(feed.phase === 'stopped' && version === 0);
  const state = store.state;

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-5 sm:px-6">
      <DashboardHeader
        session={session}
        botState={bot.data?.state ?? null}
        meetingOver={meetingOver}
        pollIntervalMs={pollIntervalMs}
        onPollIntervalChange={setPollIntervalMs}
        onSwitch={onSwitch}
      />
      <FeedStatus
        feed={feed}
        meetingEndedAtMs={meetingOver ? (bot.data?.stateSinceMs ?? null) : null}
      />
      {feed.phase === 'stopped' && <FeedProblem error={feed.error} onSwitch={onSwitch} />}
      {store.rejectedEvents > 0 && (
        <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900 dark:bg-orange-950/40 dark:text-orange-100">
          {store.rejectedEvents} event{store.rejectedEvents === 1 ? ' was' : 's were'} unreadable
          and left out; everything else is shown.
        </p>
      )}
      {!historyLoaded && feed.phase === 'history' && (
        <HistoryProgress events={feed.historyEventsLoaded} fraction={feed.historyProgress} />
      )}
      {historyLoaded && (
        <>
          <AttendanceFigures present={presentCount(state)} events={eventCount(state)} />
          <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <section aria-labelledby={ids.roster} className={panelClasses}>
              <h2
                id={ids.roster}
                className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-700"
              >
                In the meeting now
              </h2>
              <PresentRoster participants={presentParticipants(state)} nowMs={now} />
            </section>
            <section aria-labelledby={ids.timeline} className={panelClasses}>
              <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
                <h2 id={ids.timeline} className="font-semibold">
                  What happened
                </h2>
                <label htmlFor={ids.speech} className="flex items-center gap-2 text-sm">
                  <input
                    id={ids.speech}
                    type="checkbox"
                    checked={showSpeech}
                    onChange={(event) => setShowSpeech(event.target.checked)}
                    className="size-4 accent-teal-700"
                  />
                  Show speaking
                </label>
              </div>
              <EventTimeline state={state} version={version} view={{ includeSpeech: showSpeech }} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

// Both panels take the window's height on wide screens and scroll inside, so the newest events
// and the whole roster stay in view together; on phones they stack, each capped.
const panelClasses =
  'flex max-h-[70dvh] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white lg:h-[calc(100dvh-15rem)] lg:max-h-none lg:min-h-[24rem] dark:border-slate-700 dark:bg-slate-900';
