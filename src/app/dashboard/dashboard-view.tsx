import { lazy, memo, Suspense, useMemo, useState } from 'react';
import { useStoreAt } from '../../lib/use-store-at';
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
import { usePageTitle } from '../../features/announcements/use-page-title';
import {
  expectedListStorageKey,
  useExpectedList,
} from '../../features/expected-attendees/expected-list-storage';
import { useToolTray } from '../../components/ui/tool-tray';
import { LiveAttendanceFigures } from './attendance-figures';
import { ChartSection } from './chart-section';
import { TimelineSection } from './timeline-section';
import { DashboardHeader, type DashboardHeaderProps } from './dashboard-header';
import { FeedProblem } from './feed-problem';
import { HistoryProgress } from './history-progress';
import { RosterWhileLoading } from './roster-while-loading';
import { RosterSection } from './roster-section';
import { historySoFar } from '../../domain/history-so-far';
import { RejectedEventsNotice } from './rejected-events-notice';
import { rosterEmptyMessage } from './roster-empty-message';
import { meetingAtMoment } from '../../domain/state-at-moment';
import { isSpeechUnrecorded } from '../../domain/speech-recording';
import { MeetingToolbar, MeetingToolPanels, type MeetingTool } from './meeting-tools';
import { panelClasses } from '../../components/ui/panel';

// Below the first screen, or there only once a list is loaded: each in a chunk of its own.
const ParticipantsSection = lazy(() =>
  import('./participants-section').then((module) => ({ default: module.ParticipantsSection })),
);
const ExpectedRosterSummary = lazy(() =>
  import('./expected-section').then((module) => ({ default: module.ExpectedRosterSummary })),
);

export type FeedProgress = Pick<
  EventFeed,
  'phase' | 'historyComplete' | 'historyEventsLoaded' | 'historyProgress' | 'error'
>;

/** What the header needs passes through; the rest the view reads from the store. */
export interface DashboardViewProps extends Pick<
  DashboardHeaderProps,
  'session' | 'meetingOver' | 'botStateProblem' | 'onSwitch' | 'switchLabel'
> {
  pollIntervalMs: number;
  onPollIntervalChange: (ms: number) => void;
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
  const tray = useToolTray<MeetingTool>();
  const [watched, setWatched] = useState<string[]>([]);
  const [expectedSettings, setExpectedSettings] = useExpectedList(
    expectedListStorageKey(session.source, session.botId),
  );
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
  const present = useStoreAt(version, () => (historyLoaded ? store.presentParticipants() : []), [
    historyLoaded,
    store,
  ]);
  const soFar = useStoreAt(version, () => historySoFar(state), [state]);
  const insights = store.insights;
  // Read again on new events too: a late event may land before the moment.
  const moment = useStoreAt(
    version,
    () => (rewindAtMs === null ? null : meetingAtMoment(state, insights, rewindAtMs)),
    [state, insights, rewindAtMs],
  );
  const speechRecorded = useStoreAt(version, () => !isSpeechUnrecorded(state, insights), [
    state,
    insights,
  ]);
  const hostPresent = useMemo(() => present.some((participant) => participant.isHost), [present]);
  const hasExpectedList = expectedSettings.people.length > 0;
  usePageTitle(historyLoaded ? presentCount(state) : null, meetingOver);
  const eventsSeen = eventCount(state) > 0;
  // Running figures stop here; when the bot's log does not say, at the newest event (the
  // figures never read earlier than that).
  const endedAtMs = meetingOver ? (bot?.stateSinceMs ?? 0) : null;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-3 px-3 py-3 sm:px-6 sm:py-4">
      <DashboardHeader
        session={session}
        bot={bot}
        eventsSeen={eventsSeen}
        meetingOver={meetingOver}
        botStateProblem={botStateProblem}
        onSwitch={onSwitch}
        switchLabel={switchLabel}
        toolbar={
          <MeetingToolbar
            tray={tray}
            ready={historyLoaded}
            rewindAtMs={rewindAtMs}
            watchedCount={watched.length}
            expectedCount={expectedSettings.people.length}
          />
        }
      />
      <PresenceAnnouncer subscribeToNews={store.subscribeToNews} enabled={historyLoaded} />
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
      <MeetingToolPanels
        tray={tray}
        ready={historyLoaded}
        store={store}
        botId={session.botId}
        version={paintedVersion}
        endedAtMs={endedAtMs}
        meetingOver={meetingOver}
        onRewind={setRewindAtMs}
        peoplePresent={present.length > 0}
        hostPresent={hostPresent}
        watched={watched}
        onWatchedChange={setWatched}
        expectedSettings={expectedSettings}
        onExpectedSettingsChange={setExpectedSettings}
        pollIntervalMs={pollIntervalMs}
        onPollIntervalChange={onPollIntervalChange}
      />
      {historyLoaded && (
        <LiveAttendanceFigures
          store={store}
          version={version}
          endedAtMs={endedAtMs}
          moment={moment}
        />
      )}
      {(historyLoaded || partlyLoaded) && (
        <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <RosterSection
            momentMs={moment?.atMs ?? null}
            meetingOver={meetingOver}
            onBackToLive={() => setRewindAtMs(null)}
            className={columnClasses}
            summary={
              historyLoaded &&
              hasExpectedList && (
                <Suspense fallback={<div className="h-10" />}>
                  <ExpectedRosterSummary
                    store={store}
                    settings={expectedSettings}
                    version={paintedVersion}
                    endedAtMs={endedAtMs}
                    onShowList={() => {
                      if (tray.openTool !== 'expected') tray.toggle('expected');
                    }}
                  />
                </Suspense>
              )
            }
          >
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
          </RosterSection>
          <TimelineSection
            state={state}
            version={version}
            className={columnClasses}
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
          <Suspense
            fallback={
              <div className="h-96 rounded-xl border border-slate-200 dark:border-slate-700" />
            }
          >
            <ParticipantsSection
              store={store}
              botId={session.botId}
              version={paintedVersion}
              endedAtMs={endedAtMs}
              speechRecorded={speechRecorded}
            />
          </Suspense>
        </>
      )}
    </div>
  );
});

// Both panels take the window's height on wide screens and scroll inside, so the newest events
// and the whole roster stay in view together; on phones they stack, each capped.
const columnClasses = `${panelClasses} flex max-h-[75dvh] flex-col overflow-hidden lg:h-[calc(100dvh-13rem)] lg:max-h-none lg:min-h-[24rem]`;
