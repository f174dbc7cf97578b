import { memo, useMemo } from 'react';
import { useStoreAt } from '../../lib/use-store-at';
import { Button } from '../../components/ui/button';
import type { AttendanceStore } from '../../domain/attendance-store';
import {
  expectedAttendance,
  type AttendanceRules,
} from '../../domain/expected/expected-attendance';
import { participantRows } from '../../domain/insights/participant-rows';
import { ExpectedAttendeesPanel } from '../../features/expected-attendees/expected-attendees-panel';
import type { ExpectedListSettings } from '../../features/expected-attendees/expected-list-storage';
import { formatCount } from '../../lib/format-count';
import { meetingClockMs, useMeetingNow } from '../../lib/use-now';

/*
 * The expected list's parts, in a chunk of their own: loaded when the tool is first opened, or
 * when this bot already has a list, never before the first Watch.
 */

export interface ExpectedSectionProps {
  store: AttendanceStore;
  botId: string;
  settings: ExpectedListSettings;
  onSettingsChange: (next: ExpectedListSettings) => void;
  version: number;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  /** The heading of the tool's panel, which names the status table too. */
  labelledBy: string;
}

// As the participants table: participantRows is O(people), read on new events and every few
// seconds for the running durations.
const ROWS_REFRESH_MS = 5000;

function useAttendedRows(store: AttendanceStore, version: number, endedAtMs: number | null) {
  const rowsNow = useMeetingNow(ROWS_REFRESH_MS, endedAtMs);
  const { insights } = store;
  return useStoreAt(version, () => participantRows(insights, rowsNow), [insights, rowsNow]);
}

/** The expected attendees, fed from the same per-person sessions as the table and figures. */
export const ExpectedSection = memo(function ExpectedSection({
  store,
  botId,
  settings,
  onSettingsChange,
  version,
  endedAtMs,
  labelledBy,
}: ExpectedSectionProps) {
  const rows = useAttendedRows(store, version, endedAtMs);
  const { insights } = store;
  return (
    <ExpectedAttendeesPanel
      botId={botId}
      settings={settings}
      onSettingsChange={onSettingsChange}
      rows={rows}
      readRows={() => participantRows(insights, meetingClockMs(Date.now(), endedAtMs))}
      meetingStartMs={insights.firstEventMs}
      labelledBy={labelledBy}
    />
  );
});

export interface ExpectedRosterSummaryProps {
  store: AttendanceStore;
  settings: ExpectedListSettings;
  version: number;
  endedAtMs: number | null;
  onShowList: () => void;
}

/** Beside the roster while a list is loaded: the counts an organiser looks for, in one line. */
export const ExpectedRosterSummary = memo(function ExpectedRosterSummary({
  store,
  settings,
  version,
  endedAtMs,
  onShowList,
}: ExpectedRosterSummaryProps) {
  const rows = useAttendedRows(store, version, endedAtMs);
  const meetingStartMs = store.insights.firstEventMs;
  const { counts } = useMemo(() => {
    const rules: AttendanceRules = {
      meetingStartMs,
      lateAfterMs: settings.lateAfterMinutes * 60_000,
    };
    return expectedAttendance(rows, settings.people, settings.manual, rules);
  }, [rows, settings, meetingStartMs]);
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60">
      <p>
        <span className="font-medium">Expected {formatCount(counts.expected)}:</span>{' '}
        {formatCount(counts.here)} here,{' '}
        <span className={counts.notHere > 0 ? 'font-semibold text-red-800 dark:text-red-300' : ''}>
          {formatCount(counts.notHere)} not here
        </span>
        , {formatCount(counts.late)} late, {formatCount(counts.leftEarly)} left early
      </p>
      <Button variant="quiet" onClick={onShowList}>
        Show the list
      </Button>
    </div>
  );
});
