import { memo } from 'react';
import { useFixedRowWindow } from '../../lib/use-fixed-row-window';
import { formatDuration } from '../../lib/format-duration';
import { displayName } from '../../domain/describe-event';
import type { SeriesMeetingState, SeriesRow } from '../../domain/series/attendance-matrix';
import type { SeriesSortKey, SeriesView } from '../../domain/series/series-rows';
import type { SeriesBot } from '../../domain/series/series-meetings';
import { meetingDate, meetingDateInFull } from './meeting-heading';

const ROW_HEIGHT_PX = 37;
// On a phone the table scrolls sideways: the name stays in view so every row says whose it is.
const STICKY_NAME = 'sticky left-0 z-[1] bg-inherit';

export interface AttendanceMatrixTableProps {
  bots: readonly SeriesBot[];
  meetings: readonly SeriesMeetingState[];
  rows: readonly SeriesRow[];
  meetingsRead: number;
  view: SeriesView;
  onSort: (key: SeriesSortKey) => void;
  labelledBy: string;
}

/**
 * The matrix: a row a person, a column a meeting. Only the rows on screen are in the DOM (a
 * course can have hundreds of people), with spacer rows and aria-rowcount/aria-rowindex so a
 * screen reader still hears "row 203 of 401".
 */
export function AttendanceMatrixTable(props: AttendanceMatrixTableProps) {
  const { bots, meetings, rows, view, onSort } = props;
  const { setScroller, first, last, totalHeight } = useFixedRowWindow(rows.length, ROW_HEIGHT_PX);
  const paddingTop = first * ROW_HEIGHT_PX;
  const paddingBottom = totalHeight - last * ROW_HEIGHT_PX;
  const columnCount = bots.length + 6;
  const sortHeader = (key: SeriesSortKey, label: string, numeric = false) => (
    <th
      scope="col"
      aria-sort={view.sortBy === key ? (view.descending ? 'descending' : 'ascending') : 'none'}
      className={`px-3 py-2 font-semibold ${numeric ? 'text-right' : 'text-left'} ${key === 'name' ? STICKY_NAME : ''}`}
    >
      <button
        type="button"
        onClick={() => onSort(key)}
        className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-teal-600"
      >
        {label}
        <span aria-hidden="true" className={view.sortBy === key ? '' : 'text-slate-400'}>
          {view.sortBy !== key ? '↕' : view.descending ? '▼' : '▲'}
        </span>
      </button>
    </th>
  );
  return (
    <div
      ref={setScroller}
      role="region"
      aria-label="Attendance across meetings (scrolls)"
      tabIndex={0}
      className="relative max-h-[32rem] overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600"
    >
      <table
        aria-labelledby={props.labelledBy}
        aria-rowcount={rows.length + 1}
        className="w-full border-collapse text-sm whitespace-nowrap"
      >
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800">
          <tr aria-rowindex={1} className="bg-slate-100 align-bottom dark:bg-slate-800">
            {sortHeader('name', 'Name')}
            {bots.map((bot, index) => (
              <MeetingHeader key={bot.id} bot={bot} meeting={meetings[index]} />
            ))}
            <th scope="col" className="px-3 py-2 text-right font-semibold whitespace-normal">
              Meetings attended
            </th>
            {sortHeader('rate', 'Rate', true)}
            {sortHeader('total', 'Total time', true)}
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              First seen
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <SpacerRow heightPx={paddingTop} columns={columnCount} />}
          {rows.slice(first, last).map((row, offset) => (
            <MatrixRow
              key={row.key}
              row={row}
              bots={bots}
              meetingsRead={props.meetingsRead}
              rowIndex={first + offset + 2}
            />
          ))}
          {paddingBottom > 0 && <SpacerRow heightPx={paddingBottom} columns={columnCount} />}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">Nobody to show.</p>
      )}
    </div>
  );
}

function MeetingHeader({ bot, meeting }: { bot: SeriesBot; meeting?: SeriesMeetingState }) {
  const { day, time } = meetingDate(bot.startedAtMs);
  return (
    <th scope="col" className="px-2 py-2 text-right font-semibold" title={bot.id}>
      <span className="block">{day}</span>
      <span className="block font-normal text-slate-600 tabular-nums dark:text-slate-400">
        {time}
      </span>
      {meeting?.status === 'unreadable' && (
        <span className="block text-xs font-normal text-red-700 dark:text-red-300">unreadable</span>
      )}
      {meeting?.status === 'loading' && (
        <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
          loading…
        </span>
      )}
    </th>
  );
}

const MatrixRow = memo(function MatrixRow({
  row,
  bots,
  meetingsRead,
  rowIndex,
}: {
  row: SeriesRow;
  bots: readonly SeriesBot[];
  meetingsRead: number;
  rowIndex: number;
}) {
  // The day alone, which is what tells meetings of a series apart; the rest on hover.
  const seen = (index: number | null) => {
    if (index === null) return '—';
    const startedAtMs = bots[index]?.startedAtMs ?? null;
    return <span title={meetingDateInFull(startedAtMs)}>{meetingDate(startedAtMs).day}</span>;
  };
  return (
    <tr
      aria-rowindex={rowIndex}
      className="border-b border-slate-100 bg-white dark:border-slate-800 dark:bg-slate-900"
      style={{ height: ROW_HEIGHT_PX }}
    >
      <th
        scope="row"
        className={`max-w-[9rem] truncate px-3 text-left font-medium sm:max-w-[16rem] ${STICKY_NAME}`}
        dir="auto"
      >
        {displayName(row.name)}
        {row.expected && <span className="sr-only"> (expected)</span>}
        {row.expected && row.attended === 0 && (
          <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">
            never came
          </span>
        )}
      </th>
      {row.cells.map((cell, index) => (
        <td key={bots[index]?.id ?? index} className="px-2 text-right tabular-nums">
          {cell !== null && (
            <>
              {minutesText(cell.presentMs)}
              {cell.late && (
                <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                  late
                </span>
              )}
            </>
          )}
        </td>
      ))}
      <td className="px-3 text-right tabular-nums">
        {row.attended} of {meetingsRead}
      </td>
      <td className="px-3 text-right tabular-nums">
        {row.rate === null ? '—' : `${Math.round(row.rate * 100)} %`}
      </td>
      <td className="px-3 text-right tabular-nums">{formatDuration(row.totalMs)}</td>
      <td className="px-3">{seen(row.firstIndex)}</td>
      <td className="px-3">{seen(row.lastIndex)}</td>
    </tr>
  );
});

/** Whole minutes present; under one, "<1", so a short visit is not read as absent. */
function minutesText(presentMs: number): string {
  const minutes = Math.round(presentMs / 60_000);
  return minutes === 0 ? '<1' : String(minutes);
}

function SpacerRow({ heightPx, columns }: { heightPx: number; columns: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height: heightPx, padding: 0 }} />
    </tr>
  );
}
