import { compareNames } from '../../lib/names';
import { searchByName } from '../person-name';
import type { SeriesRow } from './attendance-matrix';

export type SeriesSortKey = 'name' | 'rate' | 'total';

export interface SeriesView {
  readonly sortBy: SeriesSortKey;
  readonly descending: boolean;
  /** Name words, any order, case and accents ignored (as "Find a person"). */
  readonly query: string;
  readonly onlyMissedLast: boolean;
}

/** The rows as the table shows them: filtered by name and "Missed the last N", then sorted. */
export function visibleSeriesRows(rows: readonly SeriesRow[], view: SeriesView): SeriesRow[] {
  const found = searchByName(rows, view.query).filter(
    (row) => !view.onlyMissedLast || row.missedLast,
  );
  const direction = view.descending ? -1 : 1;
  return [...found].sort(
    (a, b) =>
      direction * compareBy(a, b, view.sortBy) ||
      compareNames(a.name, b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function compareBy(a: SeriesRow, b: SeriesRow, key: SeriesSortKey): number {
  if (key === 'name') return compareNames(a.name, b.name);
  if (key === 'rate') return (a.rate ?? -1) - (b.rate ?? -1);
  return a.totalMs - b.totalMs;
}
