import { memo, useMemo } from 'react';
import type { AttendanceStore } from '../../domain/attendance-store';
import { participantRows } from '../../domain/insights/participant-rows';
import { ExpectedAttendeesPanel } from '../../features/expected-attendees/expected-attendees-panel';
import {
  expectedListStorageKey,
  useExpectedList,
} from '../../features/expected-attendees/expected-list-storage';
import { meetingClockMs, useMeetingNow } from '../../lib/use-now';
import type { WatchSession } from '../../lib/watch-session';

export interface ExpectedSectionProps {
  store: AttendanceStore;
  session: WatchSession;
  version: number;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
}

// As the participants table: participantRows is O(people), read on new events and every few
// seconds for the running durations.
const ROWS_REFRESH_MS = 5000;

/** The expected attendees, fed from the same per-person sessions as the table and figures. */
export const ExpectedSection = memo(function ExpectedSection({
  store,
  session,
  version,
  endedAtMs,
}: ExpectedSectionProps) {
  const [settings, setSettings] = useExpectedList(
    expectedListStorageKey(session.source, session.botId),
  );
  const rowsNow = useMeetingNow(ROWS_REFRESH_MS, endedAtMs);
  const { insights } = store;
  const hasList = settings.people.length > 0;
  const rows = useMemo(
    () => (hasList ? participantRows(insights, rowsNow) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- insights is mutated in place; version says when
    [hasList, insights, version, rowsNow],
  );
  return (
    <ExpectedAttendeesPanel
      botId={session.botId}
      settings={settings}
      onSettingsChange={setSettings}
      rows={rows}
      readRows={() => participantRows(insights, meetingClockMs(Date.now(), endedAtMs))}
      meetingStartMs={insights.firstEventMs}
    />
  );
});
