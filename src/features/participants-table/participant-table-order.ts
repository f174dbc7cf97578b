import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { compareNames, foldName } from '../../lib/names';

export type SortColumn =
  | 'name'
  | 'firstJoin'
  | 'lastLeave'
  | 'timePresent'
  | 'sessions'
  | 'talkTime'
  | 'host';

export interface TableSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_SORT: TableSort = { column: 'firstJoin', direction: 'ascending' };

/** Names first A→Z, times earliest first, amounts largest first: what one usually wants first. */
export function firstDirectionOf(column: SortColumn): TableSort['direction'] {
  return column === 'name' || column === 'firstJoin' || column === 'lastLeave'
    ? 'ascending'
    : 'descending';
}

export function nextSort(current: TableSort, column: SortColumn): TableSort {
  if (current.column !== column) return { column, direction: firstDirectionOf(column) };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * A sorted copy: O(n log n), so the table calls it only when the rows or the sort change, never
 * per frame. Ties fall back to the rows' own order (first join, then key), which keeps rows from
 * jumping about between polls.
 */
export function sortRows(rows: readonly ParticipantRow[], sort: TableSort): ParticipantRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = comparators[sort.column];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

type Compare = (a: ParticipantRow, b: ParticipantRow) => number;

const comparators: Record<SortColumn, Compare> = {
  name: (a, b) => compareNames(a.name, b.name),
  firstJoin: (a, b) => a.firstJoinMs - b.firstJoinMs,
  // Someone still present has not left yet: later than any leave.
  lastLeave: (a, b) => (a.lastLeaveMs ?? Infinity) - (b.lastLeaveMs ?? Infinity) || 0,
  timePresent: (a, b) => a.timePresentMs - b.timePresentMs,
  sessions: (a, b) => a.sessions - b.sessions,
  talkTime: (a, b) => a.talkTimeMs - b.talkTimeMs,
  host: (a, b) => Number(a.isHost) - Number(b.isHost),
};

/** Rows whose name contains the text, ignoring case and accents. O(n) per change of text. */
export function filterRows(rows: readonly ParticipantRow[], text: string): ParticipantRow[] {
  const wanted = foldName(text.trim());
  if (wanted === '') return rows.slice();
  return rows.filter((row) => row.name !== null && foldName(row.name).includes(wanted));
}
