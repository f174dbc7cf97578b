import { memo, useId, useMemo, useState } from 'react';
import { useNow } from '../../lib/use-now';
import type { AttendanceStore } from '../../domain/attendance-store';
import type { EventFeed } from '../../event-feed/use-participant-event-feed';
import { useStoreVersion } from '../../event-feed/use-attendance-feed';
import type { Bot } from '../../attendee-api/get-bot';
import { useValueAfterPaint } from '../../lib/use-value-after-paint';
import { presentCount } from '../../domain/roster';
import { eventCount } from '../../domain/attendance-state';
import { FindInRoster } from '../../features/roster/find-in-roster';
import { PresenceAnnouncer } from '../../features/announcements/presence-announcer';
import { HostNotifications } from '../../features/announcements/host-notifications';
import { usePageTitle } from '../../features/announcements/use-page-title';
import { LiveAttendanceFigures } from './attendance-figures';
import { ChartSection } from './chart-section';
import { ExpectedSection } from './expected-section';
import { ParticipantsSection } from './participants-section';
import { TimelineSection } from './timeline-section';
import { DashboardHeader, type DashboardHeaderProps } from './dashboard-header';
import { FeedProblem } from './feed-problem';
import { FeedStatus } from './feed-status';
import { HistoryProgress } from './history-progress';
import { RosterWhileLoading } from './roster-while-loading';
import { historySoFar } from '../../domain/history-so-far';
import { RejectedEventsNotice } from './rejected-events-notice';
import { rosterEmptyMessage } from './roster-empty-message';
import { meetingAtMoment } from '../../domain/state-at-moment';
import { isSpeechUnrecorded } from '../../domain/speech-recording';
import { clockTime } from '../../lib/clock-time';
import { ToolsSection } from './tools-section';

export type FeedProgress = Pick<
  EventFeed,
  'phase' | 'historyComplete' | 'historyEventsLoaded' | 'historyProgress' | 'error'
>;

/** What the header needs passes through; the rest the view reads from the store. */
export interface DashboardViewProps extends Pick<
  DashboardHeaderProps,
  | 'session'
  | 'meetingOver'
  | 'botStateProblem'
  | 'pollIntervalMs'
  | 'onPollIntervalChange'
  | 'onSwitch'
  | 'switchLabel'
> {
  store: AttendanceStore;
  /** How far the feed is; the status line reads the rest (LiveFeedContext). */
  feed: FeedProgress;
  /** The bot's state as last read; null before the first answer. */
  bot: Bot | null;
}

/**
 * Everything the dashboard shows from the store. It follows the store's version itself, so an
 * event re-renders this and not the queries above it (dashboard.tsx): their observers re-read
 * their options and re-arm their timers on every render of the component that holds them.
 */
export const DashboardView = memo(function DashboardView({
  session,
  store,
  feed,
  bot,
  meetingOver,
  botStateProblem,
  pollIntervalMs,
  onPollIntervalChange,
  onSwitch,
  switchLabel,
}: DashboardViewProps) {
  const now = useNow(15_000);
  const rosterId = useId();
  // The moment shown instead of now (rewind), or null. The live store keeps taking new events
  // meanwhile; the rewound view is derived from it for that moment.
  const [rewindAtMs, setRewindAtMs] = useState<number | null>(null);
  const loadingHistory = feed.phase === 'history';
  const version = useStoreVersion(store, loadingHistory);
  // The chart and the table cost O(people) to re-read; they follow once the roster and timeline
  // have painted, so new events show in the frame they arrive.
  const paintedVersion = useValueAfterPaint(version);
  // Presence from part of the history can be wrong (a leave may be in the rest): the roster and
  // the figures wait for all of it, even when loading stopped part-way.
  const historyLoaded = feed.historyComplete;
  const partlyLoaded = !historyLoaded && (loadingHistory || version > 0);
  const state = store.state;
  const present = useMemo(
    () => (historyLoaded ? store.presentParticipants() : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the state is updated in place; version says when
    [historyLoaded, store, version],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const soFar = useMemo(() => historySoFar(state), [state, version]);
  const insights = store.insights;
  const moment = useMemo(
    () => (rewindAtMs === null ? null : meetingAtMoment(state, insights, rewindAtMs)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a late event may land before the moment; version says when
    [state, insights, rewindAtMs, version],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const speechRecorded = useMemo(() => !isSpeechUnrecorded(state, insights), [state, version]);
  const hostPresent = useMemo(() => present.some((participant) => participant.isHost), [present]);
  // An element kept from one render to the next, so the memoised header skips the polls.
  const hostNotifications = useMemo(
    () => <HostNotifications subscribeToNews={store.subscribeToNews} enabled={historyLoaded} />,
    [store, historyLoaded],
  );
  usePageTitle(historyLoaded ? presentCount(state) : null, meetingOver);
  const eventsSeen = eventCount(state) > 0;
  // Running figures stop here; when the bot's log does not say, at the newest event (the
  // figures never read earlier than that).
  const endedAtMs = meetingOver ? (bot?.stateSinceMs ?? 0) : null;

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-5 sm:px-6">
      <DashboardHeader
        session={session}
        botState={bot?.state ?? null}
        meetingOver={meetingOver}
        botStateProblem={botStateProblem}
        pollIntervalMs={pollIntervalMs}
        onPollIntervalChange={onPollIntervalChange}
        onSwitch={onSwitch}
        switchLabel={switchLabel}
      >
        {hostNotifications}
      </DashboardHeader>
      <PresenceAnnouncer subscribeToNews={store.subscribeToNews} enabled={historyLoaded} />
      <FeedStatus bot={bot} eventsSeen={eventsSeen} />
      {feed.phase === 'stopped' && (
        <FeedProblem error={feed.error} keptEvents={version > 0} onSwitch={onSwitch} />
      )}
      {store.rejectedEvents > 0 && (
        <RejectedEventsNotice count={store.rejectedEvents} examples={store.rejectedExamples} />
      )}
      {loadingHistory && (
        <HistoryProgress
          events={feed.historyEventsLoaded}
          fraction={feed.historyProgress}
          eventsThroughMs={soFar.eventsThroughMs}
        />
      )}
      {historyLoaded && (
        <>
          <ToolsSection
            insights={insights}
            endedAtMs={endedAtMs}
            rewindAtMs={rewindAtMs}
            onRewind={setRewindAtMs}
            subscribeToNews={store.subscribeToNews}
            peoplePresent={present.length > 0}
            hostPresent={hostPresent}
            meetingOver={meetingOver}
          />
          <LiveAttendanceFigures
            store={store}
            version={version}
            endedAtMs={endedAtMs}
            moment={moment}
          />
          <ExpectedSection
            store={store}
            session={session}
            version={paintedVersion}
            endedAtMs={endedAtMs}
          />
        </>
      )}
      {(historyLoaded || partlyLoaded) && (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-labelledby={rosterId} className={panelClasses}>
            <h2
              id={rosterId}
              className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-700"
            >
              {moment !== null
                ? `Present at ${clockTime(moment.atMs, true)}`
                : meetingOver
                  ? 'In the meeting when the bot left'
                  : 'In the meeting now'}
            </h2>
            {historyLoaded ? (
              <FindInRoster
                participants={moment?.present ?? present}
                nowMs={now}
                endedAtMs={endedAtMs}
                pastMomentMs={rewindAtMs}
                emptyMessage={
                  moment !== null
                    ? 'Nobody was in the meeting then.'
                    : rosterEmptyMessage(bot?.state ?? null, eventsSeen)
                }
              />
            ) : (
              <RosterWhileLoading
                participantsSeen={soFar.participantsSeen}
                stopped={feed.phase === 'stopped'}
              />
            )}
          </section>
          <TimelineSection
            state={state}
            version={version}
            className={panelClasses}
            untilMs={rewindAtMs}
            speechRecorded={speechRecorded}
          />
        </div>
      )}
      {historyLoaded && (
        <>
          <ChartSection
            insights={store.insights}
            version={paintedVersion}
            endedAtMs={endedAtMs}
            rewindAtMs={rewindAtMs}
            onRewind={setRewindAtMs}
          />
          <ParticipantsSection
            store={store}
            botId={session.botId}
            version={paintedVersion}
            endedAtMs={endedAtMs}
            speechRecorded={speechRecorded}
          />
        </>
      )}
    </div>
  );
});

// Both panels take the window's height on wide screens and scroll inside, so the newest events
// and the whole roster stay in view together; on phones they stack, each capped.
const panelClasses =
  'flex max-h-[70dvh] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white lg:h-[calc(100dvh-15rem)] lg:max-h-none lg:min-h-[24rem] dark:border-slate-700 dark:bg-slate-900';
