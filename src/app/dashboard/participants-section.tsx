import { memo, useId } from 'react';
import { useStoreAt } from '../../lib/use-store-at';
import { participantRows } from '../../domain/insights/participant-rows';
import { ExportButtons } from '../../features/export/export-buttons';
import { ParticipantsTable } from '../../features/participants-table/participants-table';
import { meetingClockMs, useMeetingNow } from '../../lib/use-now';
import type { AttendanceStore } from '../../domain/attendance-store';
import { panelClasses } from '../../components/ui/panel';

export interface ParticipantsSectionProps {
  store: AttendanceStore;
  botId: string;
  version: number;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  /** False for a bot that records no speech: there is no talk time to show. */
  speechRecorded: boolean;
}

// participantRows is O(people): read on new events and every few seconds for the running
// durations, while the rows on screen tick every second from their own `asOfMs`.
const ROWS_REFRESH_MS = 5000;

/** Everyone who attended, with the downloads. */
/** Memoised: the dashboard re-renders on every batch; this follows the deferred version only. */
export const ParticipantsSection = memo(function ParticipantsSection({
  store,
  botId,
  version,
  endedAtMs,
  speechRecorded,
}: ParticipantsSectionProps) {
  const headingId = useId();
  const rowsNow = useMeetingNow(ROWS_REFRESH_MS, endedAtMs);
  const now = useMeetingNow(1000, endedAtMs);
  const { insights, state } = store;
  const rows = useStoreAt(version, () => participantRows(insights, rowsNow), [insights, rowsNow]);
  return (
    <section aria-labelledby={headingId} className={`${panelClasses} overflow-hidden`}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={headingId} className="font-semibold">
          Participants
        </h2>
        <ExportButtons
          botId={botId}
          readRows={() => participantRows(insights, meetingClockMs(Date.now(), endedAtMs))}
          readEvents={() => state.timeline.map((received) => received.event)}
        />
      </div>
      {!speechRecorded && (
        <p className="border-b border-slate-200 px-4 py-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Speech is not recorded for this bot, so there is no talk time. Attendee records it only
          for bots created with record_participant_speech_start_stop_events on.
        </p>
      )}
      <ParticipantsTable
        rows={rows}
        nowMs={now}
        labelledBy={headingId}
        speechRecorded={speechRecorded}
      />
    </section>
  );
});
