import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useFixedRowWindow } from '../../lib/use-fixed-row-window';
import { clockTime } from '../../lib/clock-time';
import { Badge, HostBadge } from '../../components/ui/badge';
import { displayName } from '../../domain/describe-event';
import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { formatDuration } from '../../lib/format-duration';
import {
  DEFAULT_SORT,
  filterRows,
  nextSort,
  sortRows,
  type SortColumn,
  type TableSort,
} from './participant-table-order';
import { formatCount } from '../../lib/format-count';
import { SearchField } from '../../components/ui/field';

const ROW_HEIGHT_PX = 41;

// On a phone the table scrolls sideways: the name stays in view so every row says whose it is.
const STICKY_NAME = 'sticky left-0 bg-inherit';

const COLUMNS: { column: SortColumn; label: string; numeric?: boolean }[] = [
  { column: 'name', label: 'Name' },
  { column: 'host', label: 'Host' },
  { column: 'firstJoin', label: 'First joined' },
  { column: 'lastLeave', label: 'Last left' },
  { column: 'timePresent', label: 'Time present', numeric: true },
  { column: 'sessions', label: 'Sessions', numeric: true },
  { column: 'talkTime', label: 'Talk time', numeric: true },
];

export interface ParticipantsTableProps {
  /** From participantRows: recomputed by the caller on new events and on a slow tick. */
  rows: readonly ParticipantRow[];
  /** The current time, for the durations of people still present to run between row updates. */
  nowMs: number;
  labelledBy: string;
  /**
   * False for a bot that records no speech (speech-recording.ts): talk time says "not recorded"
   * rather than showing everyone at zero. Default true.
   */
  speechRecorded?: boolean;
}

/**
 * Everyone who attended, sortable by every column and filterable by name. Only the rows on screen
 * are in the DOM (a big meeting has thousands of people); the table keeps its semantics with a
 * spacer row above and below and aria-rowcount/aria-rowindex, so a screen reader still hears
 * "row 1,203 of 5,001".
 */
export function ParticipantsTable({
  rows,
  nowMs,
  labelledBy,
  speechRecorded = true,
}: ParticipantsTableProps) {
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState('');
  // Typing stays responsive while 5,000 rows are filtered and sorted behind it.
  const deferredFilter = useDeferredValue(filter);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const shown = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const { setScroller, first, last, totalHeight } = useFixedRowWindow(
    shown.length,
    ROW_HEIGHT_PX,
    10,
  );
  const paddingTop = first * ROW_HEIGHT_PX;
  const paddingBottom = totalHeight - last * ROW_HEIGHT_PX;

  return (
    <div className="flex min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <NameFilterField value={filter} onChange={setFilter} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {shown.length === rows.length
            ? `${formatCount(rows.length)} people`
            : `${formatCount(shown.length)} of ${formatCount(rows.length)} people`}
        </p>
      </div>
      <div
        ref={setScroller}
        data-virtual-scroll=""
        // Focusable, so the rows (which hold nothing focusable) can be scrolled with the keyboard.
        role="region"
        aria-label="Participants table (scrolls)"
        tabIndex={0}
        className="relative max-h-[28rem] min-h-0 overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600"
      >
        <table
          aria-labelledby={labelledBy}
          aria-rowcount={shown.length + 1}
          className="w-full border-collapse text-sm whitespace-nowrap"
        >
          <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800">
            <tr aria-rowindex={1} className="bg-slate-100 dark:bg-slate-800">
              {COLUMNS.map(({ column, label, numeric }) => (
                <th
                  key={column}
                  scope="col"
                  aria-sort={sort.column === column ? sort.direction : 'none'}
                  className={`px-3 py-2 font-semibold ${numeric ? 'text-right' : 'text-left'} ${column === 'name' ? STICKY_NAME : ''}`}
                >
                  <button
                    type="button"
                    onClick={() => setSort(nextSort(sort, column))}
                    className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-teal-600"
                  >
                    {label}
                    <SortArrow direction={sort.column === column ? sort.direction : null} />
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && <SpacerRow heightPx={paddingTop} />}
            {shown.slice(first, last).map((row, offset) => (
              <ParticipantTableRow
                key={row.key}
                row={row}
                rowIndex={first + offset + 2}
                nowMs={nowMs}
                speechRecorded={speechRecorded}
              />
            ))}
            {paddingBottom > 0 && <SpacerRow heightPx={paddingBottom} />}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
            {rows.length === 0 ? 'Nobody has attended yet.' : 'Nobody by that name.'}
          </p>
        )}
      </div>
    </div>
  );
}

function ParticipantTableRow({
  row,
  rowIndex,
  nowMs,
  speechRecorded,
}: {
  row: ParticipantRow;
  rowIndex: number;
  nowMs: number;
  speechRecorded: boolean;
}) {
  // The rows are read every few seconds; in between, time present runs on for those still here.
  const timePresentMs = row.timePresentMs + (row.present ? Math.max(0, nowMs - row.asOfMs) : 0);
  return (
    <tr
      aria-rowindex={rowIndex}
      className="border-b border-slate-100 bg-white dark:border-slate-800 dark:bg-slate-900"
      style={{ height: ROW_HEIGHT_PX }}
    >
      <td
        className={`max-w-[11rem] truncate px-3 font-medium sm:max-w-[16rem] ${STICKY_NAME}`}
        dir="auto"
      >
        {displayName(row.name)}
      </td>
      <td className="px-3">{row.isHost ? <HostBadge /> : <span className="sr-only">no</span>}</td>
      <td className="px-3 tabular-nums">{clock(row.firstJoinMs)}</td>
      <td className="px-3 tabular-nums">
        {row.lastLeaveMs === null ? <Badge tone="live">present</Badge> : clock(row.lastLeaveMs)}
      </td>
      <td className="px-3 text-right tabular-nums">{formatDuration(timePresentMs)}</td>
      <td className="px-3 text-right tabular-nums">{row.sessions}</td>
      <td className="px-3 text-right tabular-nums">
        {speechRecorded ? (
          formatDuration(row.talkTimeMs)
        ) : (
          <span className="text-slate-600 dark:text-slate-400">not recorded</span>
        )}
      </td>
    </tr>
  );
}

function SpacerRow({ heightPx }: { heightPx: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={COLUMNS.length} style={{ height: heightPx, padding: 0 }} />
    </tr>
  );
}

function SortArrow({ direction }: { direction: TableSort['direction'] | null }) {
  // aria-sort on the header says it to screen readers; the arrow is for the eye.
  const glyph = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <span aria-hidden="true" className={direction === null ? 'text-slate-400' : ''}>
      {glyph}
    </span>
  );
}

function clock(timestampMs: number): string {
  return clockTime(timestampMs, true);
}

/**
 * Apart from the table, which re-renders every second (the durations run) and on new events:
 * React writes an input's type and name whenever it renders it, a style pass each time.
 */
const NameFilterField = memo(function NameFilterField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="text-sm">
        Filter by name
      </label>
      <SearchField
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="w-full max-w-xs"
      />
    </>
  );
});
