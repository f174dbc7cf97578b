import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { SearchField, TextField } from '../../components/ui/field';
import { panelClasses } from '../../components/ui/panel';
import { explainError } from '../../attendee-api/explain-error';
import type { KeyConnection } from '../../lib/watch-session';
import { downloadFile, exportFileName } from '../../lib/download-file';
import { DEFAULT_LATE_AFTER_MINUTES } from '../../domain/expected/expected-attendance';
import type { ExpectedPerson } from '../../domain/expected/expected-list';
import { attendanceMatrix } from '../../domain/series/attendance-matrix';
import { seriesCsv } from '../../domain/series/series-csv';
import { visibleSeriesRows, type SeriesView } from '../../domain/series/series-rows';
import type { SeriesBot } from '../../domain/series/series-meetings';
import { AttendanceMatrixTable } from './attendance-matrix-table';
import { meetingDateInFull, progressLine } from './meeting-heading';
import { useSeriesLoad } from './use-series-load';

/** What the expected list's editor needs: the app hands in the dashboard's own editor. */
export interface ListEditorProps {
  current: readonly ExpectedPerson[];
  onSave: (people: ExpectedPerson[]) => void;
  onCancel: () => void;
}

export interface SeriesReportProps {
  connection: KeyConnection;
  /** The series' meetings, oldest first. */
  bots: readonly SeriesBot[];
  title: string;
  renderListEditor: (props: ListEditorProps) => ReactNode;
}

export const DEFAULT_MISSED_LAST = 2;

/** Loads the series and shows its matrix, with the filters, the expected list and the export. */
export function SeriesReport({ connection, bots, title, renderListEditor }: SeriesReportProps) {
  const titleId = useId();
  const { meetings, error } = useSeriesLoad(connection, bots);
  const [expected, setExpected] = useState<readonly ExpectedPerson[]>([]);
  const [editing, setEditing] = useState(false);
  // As typed, so that a field can be emptied on the way to another number.
  const [lateAfterText, setLateAfterText] = useState(String(DEFAULT_LATE_AFTER_MINUTES));
  const [missedLastText, setMissedLastText] = useState(String(DEFAULT_MISSED_LAST));
  const lateAfterMinutes = wholeNumber(lateAfterText, 0) ?? DEFAULT_LATE_AFTER_MINUTES;
  const missedLastCount = wholeNumber(missedLastText, 1) ?? DEFAULT_MISSED_LAST;
  const [view, setView] = useState<SeriesView>({
    sortBy: 'name',
    descending: false,
    query: '',
    onlyMissedLast: false,
  });
  const query = useDeferredValue(view.query);
  const matrix = useMemo(
    () =>
      attendanceMatrix(meetings, {
        expected,
        lateAfterMs: lateAfterMinutes * 60_000,
        missedLastCount,
      }),
    [meetings, expected, lateAfterMinutes, missedLastCount],
  );
  const rows = useMemo(
    () => visibleSeriesRows(matrix.rows, { ...view, query }),
    [matrix.rows, view, query],
  );

  if (error !== null) {
    const { title: problem, detail } = explainError(error);
    return (
      <div role="alert" className={alertClasses}>
        <p className="font-semibold">Cannot load the meetings: {problem}</p>
        {detail && <p className="mt-1 text-sm">{detail}</p>}
      </div>
    );
  }
  const unreadable = meetings.flatMap((meeting, index) =>
    meeting.status === 'unreadable' ? [{ bot: bots[index]!, reason: meeting.reason }] : [],
  );
  const exportCsv = () =>
    downloadFile(
      exportFileName('series', 'attendance', 'csv', Date.now()),
      seriesCsv(
        bots.map((bot) => ({ botId: bot.id, startedAtMs: bot.startedAtMs })),
        rows,
        matrix.meetingsRead,
      ),
      'text/csv;charset=utf-8',
    );
  const sortBy = (key: SeriesView['sortBy']) =>
    setView((current) => ({
      ...current,
      sortBy: key,
      // A second press turns it round; rate and total start with the highest.
      descending: current.sortBy === key ? !current.descending : key !== 'name',
    }));

  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <div>
        <h2 id={titleId} className="text-lg font-semibold">
          Attendance across meetings
        </h2>
        <p className="text-sm break-all text-slate-600 dark:text-slate-400">{title}</p>
        <p role="status" className="mt-1 text-sm font-medium">
          {progressLine(meetings)}
        </p>
        {unreadable.length > 0 && (
          <ul className="mt-1 text-sm text-red-800 dark:text-red-200">
            {unreadable.map(({ bot, reason }) => (
              <li key={bot.id}>
                The meeting of {meetingDateInFull(bot.startedAtMs)} ({bot.id}) cannot be read:{' '}
                {reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-x-5 gap-y-3 text-sm">
        <label className="flex flex-col gap-1">
          Filter by name
          <SearchField
            value={view.query}
            onChange={(event) => setView({ ...view, query: event.target.value })}
            className="w-48"
          />
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={view.onlyMissedLast}
            onChange={(event) => setView({ ...view, onlyMissedLast: event.target.checked })}
            className="size-4 accent-teal-700"
          />
          Missed the last
          <TextField
            compact
            type="number"
            min={1}
            aria-label="How many of the last meetings"
            value={missedLastText}
            onChange={(event) => setMissedLastText(event.target.value)}
            className="w-16"
          />
          meetings
        </label>
        <label className="flex items-center gap-2">
          Late after
          <TextField
            compact
            type="number"
            min={0}
            aria-label="Late after how many minutes"
            value={lateAfterText}
            onChange={(event) => setLateAfterText(event.target.value)}
            className="w-16"
          />
          min
        </label>
        <Button onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {expected.length === 0 ? 'Expected attendees' : `Expected attendees (${expected.length})`}
        </Button>
        <Button onClick={exportCsv}>Export CSV</Button>
      </div>
      {editing && (
        <div className={panelClasses}>
          {renderListEditor({
            current: expected,
            onSave: (people) => {
              setExpected(people);
              setEditing(false);
            },
            onCancel: () => setEditing(false),
          })}
        </div>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Minutes present in each meeting; an empty cell is an absence. {rows.length} of{' '}
        {matrix.rows.length} people.
      </p>
      <div className={`${panelClasses} overflow-hidden`}>
        <AttendanceMatrixTable
          bots={bots}
          meetings={meetings}
          rows={rows}
          meetingsRead={matrix.meetingsRead}
          view={view}
          onSort={sortBy}
          labelledBy={titleId}
        />
      </div>
    </section>
  );
}

/** A whole number of at least `least`, or null (the default applies) for anything else. */
function wholeNumber(text: string, least: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= least ? value : null;
}

const alertClasses =
  'rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100';
