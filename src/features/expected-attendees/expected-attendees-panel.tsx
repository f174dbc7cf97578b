import { useId, useMemo, useState } from 'react';
import { Button } from '../../components/ui/button';
import { displayName } from '../../domain/describe-event';
import {
  expectedAttendance,
  type AttendanceRules,
  type ExpectedAttendance,
  type ExpectedLine,
} from '../../domain/expected/expected-attendance';
import { attendanceReportCsv } from '../../domain/expected/attendance-report';
import type { ExpectedPerson } from '../../domain/expected/expected-list';
import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { downloadFile, exportFileName } from '../../lib/download-file';
import { formatCount } from '../../lib/format-count';
import { ExpectedListEditor } from './expected-list-editor';
import { EMPTY_EXPECTED_LIST, type ExpectedListSettings } from './expected-list-storage';
import { ExpectedStatusTable } from './expected-status-table';
import { StatusCountList } from './status-count-list';
import { TextField } from '../../components/ui/field';

export interface ExpectedAttendeesPanelProps {
  botId: string;
  settings: ExpectedListSettings;
  onSettingsChange: (next: ExpectedListSettings) => void;
  /** Everyone who attended (participantRows), re-read by the caller on new events. */
  rows: readonly ParticipantRow[];
  /** Read when the report is exported, so its durations are those of that moment. */
  readRows: () => readonly ParticipantRow[];
  /** See AttendanceRules.meetingStartMs. */
  meetingStartMs: number | null;
  /** The heading of the panel this sits in: it names the table too. */
  labelledBy: string;
}

const UNLISTED_SHOWN = 50;

/** Who the organiser expects, matched live against who came: missing, late, left early. */
export function ExpectedAttendeesPanel({
  botId,
  settings,
  onSettingsChange,
  rows,
  readRows,
  meetingStartMs,
  labelledBy,
}: ExpectedAttendeesPanelProps) {
  const lateId = useId();
  const [editing, setEditing] = useState(false);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const lateAfterMs = settings.lateAfterMinutes * 60_000;
  const rules = useMemo<AttendanceRules>(
    () => ({ meetingStartMs, lateAfterMs }),
    [meetingStartMs, lateAfterMs],
  );
  const attendance = useMemo(
    () => expectedAttendance(rows, settings.people, settings.manual, rules),
    [rows, settings.people, settings.manual, rules],
  );
  const hasList = settings.people.length > 0;

  const saveList = (people: ExpectedPerson[]) => {
    // A match by hand stays only while its line still reads the same.
    const manual = settings.manual.filter(
      (match) => people[match.line]?.name === match.expectedName,
    );
    onSettingsChange({ ...settings, people, manual });
    setEditing(false);
  };
  const match = (line: ExpectedLine, personKey: string) => {
    if (personKey === '') return;
    const manual = settings.manual.filter((existing) => existing.line !== line.line);
    manual.push({ line: line.line, expectedName: line.expected.name, personKey });
    onSettingsChange({ ...settings, manual });
  };
  const unmatch = (line: ExpectedLine) =>
    onSettingsChange({
      ...settings,
      manual: settings.manual.filter((existing) => existing.line !== line.line),
    });
  const exportReport = () => {
    const now = expectedAttendance(readRows(), settings.people, settings.manual, rules);
    downloadFile(
      exportFileName(botId, 'attendance-report', 'csv', Date.now()),
      attendanceReportCsv(now),
      'text/csv;charset=utf-8',
    );
  };

  return (
    <div className="-mx-4 -my-3">
      {hasList && !editing && (
        <div className="flex flex-wrap gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
          <Button variant="primary" onClick={exportReport}>
            Export attendance report
          </Button>
          <Button onClick={() => setEditing(true)}>Edit the list</Button>
          <Button onClick={() => setConfirmingClear(true)}>Clear the list</Button>
        </div>
      )}
      {confirmingClear && (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-amber-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-amber-400/10">
          <p>Remove the {formatCount(settings.people.length)} expected names from this device?</p>
          <Button
            onClick={() => {
              onSettingsChange(EMPTY_EXPECTED_LIST);
              setConfirmingClear(false);
            }}
          >
            Yes, clear it
          </Button>
          <Button onClick={() => setConfirmingClear(false)}>Keep it</Button>
        </div>
      )}
      {editing ? (
        <ExpectedListEditor
          current={settings.people}
          onSave={saveList}
          onCancel={() => setEditing(false)}
        />
      ) : !hasList ? (
        <div className="flex flex-wrap items-center gap-3 px-4 py-4">
          <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
            Paste the names of the people you expect, or load a class or invitation list as CSV, to
            see live who is missing, who came late and who left early, and to export an attendance
            report. The list stays on this device, for this bot only.
          </p>
          <Button onClick={() => setEditing(true)}>Add expected attendees</Button>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-3 px-4 py-3">
            <StatusCountList counts={attendance.counts} />
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor={lateId}>Late after (minutes)</label>
              <TextField
                id={lateId}
                type="number"
                min={0}
                max={600}
                step={1}
                value={settings.lateAfterMinutes}
                onChange={(event) => {
                  const minutes = event.target.valueAsNumber;
                  if (Number.isFinite(minutes) && minutes >= 0)
                    onSettingsChange({ ...settings, lateAfterMinutes: Math.round(minutes) });
                }}
                compact
                className="w-20 text-sm tabular-nums"
              />
            </div>
          </div>
          <ExpectedStatusTable
            lines={attendance.lines}
            unlisted={attendance.unlisted}
            labelledBy={labelledBy}
            onMatch={match}
            onUnmatch={unmatch}
          />
          <NotOnTheList attendance={attendance} />
        </>
      )}
    </div>
  );
}

function NotOnTheList({ attendance }: { attendance: ExpectedAttendance }) {
  const headingId = useId();
  const present = attendance.unlisted.filter((person) => person.present);
  if (present.length === 0) return null;
  const more = present.length - UNLISTED_SHOWN;
  return (
    <div className="border-t border-slate-200 px-4 py-3 dark:border-slate-700">
      <h3 id={headingId} className="text-sm font-semibold">
        Not on the list, here now ({formatCount(present.length)})
      </h3>
      <ul aria-labelledby={headingId} className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {present.slice(0, UNLISTED_SHOWN).map((person) => (
          <li key={person.key} dir="auto">
            {displayName(person.name)}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          and {formatCount(more)} more, all in the attendance report.
        </p>
      )}
    </div>
  );
}
