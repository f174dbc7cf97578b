import { lazy, memo, Suspense, useId, type ReactNode } from 'react';
import { ToolButton, ToolPanel, toolHeadingId, type ToolTray } from '../../components/ui/tool-tray';
import type { AttendanceStore } from '../../domain/attendance-store';
import type { PresenceNews } from '../../domain/presence-news';
import { readingTimeMs, type InsightsState } from '../../domain/insights/insights-state';
import { JoinAlerts } from '../../features/alerts/join-alerts';
import { LiveNoHostWarning } from '../../features/alerts/no-host-warning';
import { HostNotifications } from '../../features/announcements/host-notifications';
import type { ExpectedListSettings } from '../../features/expected-attendees/expected-list-storage';
import { ThemeControl } from '../../features/theme/theme-control';
import { clockTime } from '../../lib/clock-time';
import { formatCount } from '../../lib/format-count';
import { SelectField } from '../../components/ui/field';

export type MeetingTool = 'rewind' | 'alerts' | 'expected' | 'settings';

// Loaded when first opened: most visits never rewind or load a list.
const RewindControls = lazy(() =>
  import('../../features/rewind/rewind-controls').then((module) => ({
    default: module.RewindControls,
  })),
);
const ExpectedSection = lazy(() =>
  import('./expected-section').then((module) => ({ default: module.ExpectedSection })),
);

export interface MeetingToolbarProps {
  tray: ToolTray<MeetingTool>;
  /** False until the history is in: the tools read the whole meeting. */
  ready: boolean;
  rewindAtMs: number | null;
  watchedCount: number;
  expectedCount: number;
}

/** The tools' buttons; each says when its tool is in use while closed. Memoised: polls skip it. */
export const MeetingToolbar = memo(function MeetingToolbar({
  tray,
  ready,
  rewindAtMs,
  watchedCount,
  expectedCount,
}: MeetingToolbarProps) {
  return (
    <div role="group" aria-label="Tools" className="flex flex-wrap items-center gap-2">
      <ToolButton
        tray={tray}
        tool="rewind"
        disabled={!ready}
        inUse={rewindAtMs === null ? null : clockTime(rewindAtMs, true)}
      >
        Rewind
      </ToolButton>
      <ToolButton
        tray={tray}
        tool="alerts"
        disabled={!ready}
        inUse={watchedCount === 0 ? null : formatCount(watchedCount)}
      >
        Alerts
      </ToolButton>
      <ToolButton
        tray={tray}
        tool="expected"
        disabled={!ready}
        inUse={expectedCount === 0 ? null : formatCount(expectedCount)}
      >
        {/* Shortened on a phone, so the tools fit one row; its name stays whole. */}
        Expected<span className="max-sm:sr-only"> attendees</span>
      </ToolButton>
      <ToolButton tray={tray} tool="settings">
        Settings
      </ToolButton>
    </div>
  );
});

export interface MeetingToolPanelsProps {
  tray: ToolTray<MeetingTool>;
  ready: boolean;
  store: AttendanceStore;
  botId: string;
  /** The store's version once painted: the expected list follows it. */
  version: number;
  endedAtMs: number | null;
  meetingOver: boolean;
  onRewind: (atMs: number) => void;
  peoplePresent: boolean;
  hostPresent: boolean;
  watched: readonly string[];
  onWatchedChange: (watched: string[]) => void;
  expectedSettings: ExpectedListSettings;
  onExpectedSettingsChange: (next: ExpectedListSettings) => void;
  pollIntervalMs: number;
  onPollIntervalChange: (ms: number) => void;
}

/**
 * The open tool's panel, between the header and the meeting. Memoised: none of it changes with a
 * poll's events (the alerts hear of joins through the news), and re-rendering its forms is work
 * the frame that shows those events does not need.
 */
export const MeetingToolPanels = memo(function MeetingToolPanels(props: MeetingToolPanelsProps) {
  const { tray, ready, store, endedAtMs } = props;
  const alertsOpen = tray.openTool === 'alerts';
  return (
    <>
      <ToolPanel tray={tray} tool="settings" title="Settings" mountedClosed>
        <SettingsPanel
          store={store}
          ready={ready}
          meetingOver={props.meetingOver}
          pollIntervalMs={props.pollIntervalMs}
          onPollIntervalChange={props.onPollIntervalChange}
        />
      </ToolPanel>
      {ready && (
        <>
          <ToolPanel tray={tray} tool="rewind" title="Rewind">
            <RewindTool insights={store.insights} endedAtMs={endedAtMs} onRewind={props.onRewind} />
          </ToolPanel>
          <ToolPanel tray={tray} tool="alerts" title="Alerts" contentShownClosed>
            <AlertsTool
              subscribeToNews={store.subscribeToNews}
              watched={props.watched}
              onWatchedChange={props.onWatchedChange}
              settingsHidden={!alertsOpen}
              peoplePresent={props.peoplePresent}
              hostPresent={props.hostPresent}
              meetingOver={props.meetingOver}
            />
          </ToolPanel>
          <ToolPanel tray={tray} tool="expected" title="Expected attendees">
            <Lazily>
              <ExpectedSection
                store={store}
                botId={props.botId}
                settings={props.expectedSettings}
                onSettingsChange={props.onExpectedSettingsChange}
                version={props.version}
                endedAtMs={endedAtMs}
                labelledBy={toolHeadingId(tray, 'expected')}
              />
            </Lazily>
          </ToolPanel>
        </>
      )}
    </>
  );
});

export const POLL_INTERVAL_CHOICES_MS = [1000, 3000, 5000, 10_000, 30_000];

// Each tool's content is memoised on its own: the panels re-render with the expected list's
// version, and a form field rendered again costs the frame that shows a poll a style pass.
const SettingsPanel = memo(function SettingsPanel({
  store,
  ready,
  meetingOver,
  pollIntervalMs,
  onPollIntervalChange,
}: Pick<
  MeetingToolPanelsProps,
  'store' | 'ready' | 'meetingOver' | 'pollIntervalMs' | 'onPollIntervalChange'
>) {
  const intervalId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor={intervalId}>Check every</label>
        <SelectField
          flush
          id={intervalId}
          value={pollIntervalMs}
          disabled={meetingOver}
          onChange={(event) => onPollIntervalChange(Number(event.target.value))}
        >
          {withChoice(POLL_INTERVAL_CHOICES_MS, pollIntervalMs).map((ms) => (
            <option key={ms} value={ms}>
              {ms / 1000} s
            </option>
          ))}
        </SelectField>
      </div>
      <HostNotifications subscribeToNews={store.subscribeToNews} enabled={ready} />
      <ThemeControl />
    </div>
  );
});

const RewindTool = memo(function RewindTool({
  insights,
  endedAtMs,
  onRewind,
}: {
  insights: InsightsState;
  endedAtMs: number | null;
  onRewind: (atMs: number) => void;
}) {
  return (
    <Lazily>
      <RewindControls readSpan={() => meetingSpan(insights, endedAtMs)} onRewind={onRewind} />
    </Lazily>
  );
});

/** Its notices show while it is closed: an alert on the page means something is up. */
const AlertsTool = memo(function AlertsTool(
  props: Pick<
    MeetingToolPanelsProps,
    'watched' | 'onWatchedChange' | 'peoplePresent' | 'hostPresent' | 'meetingOver'
  > & {
    subscribeToNews: (listener: (news: PresenceNews) => void) => () => void;
    settingsHidden: boolean;
  },
) {
  return (
    <div className="space-y-3">
      <JoinAlerts
        subscribeToNews={props.subscribeToNews}
        enabled
        watched={props.watched}
        onWatchedChange={props.onWatchedChange}
        settingsHidden={props.settingsHidden}
      />
      <LiveNoHostWarning
        situation={{ peoplePresent: props.peoplePresent, hostPresent: props.hostPresent }}
        active={!props.meetingOver}
        settingsHidden={props.settingsHidden}
      />
    </div>
  );
});

/** A part loaded on first use: a line the height of a row, so nothing jumps while it comes. */
function Lazily({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={<p className="py-1.5 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}
    >
      {children}
    </Suspense>
  );
}

/** The choices, plus the current interval when it is none of them (set by a test, say). */
function withChoice(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

/** From the first event to the end of the meeting, or to now (never before the newest event). */
function meetingSpan(insights: InsightsState, endedAtMs: number | null) {
  const startMs = insights.firstEventMs;
  if (startMs === null) return null;
  return { startMs, endMs: endedAtMs ?? readingTimeMs(insights, Date.now()) };
}
