import { csvSeconds, csvTime, toCsv, type CsvCell } from '../insights/csv';
import type { SeriesRow } from './attendance-matrix';

export interface SeriesColumn {
  /** When the meeting started, by its bot's events; null when unknown. */
  readonly startedAtMs: number | null;
  readonly botId: string;
}

/**
 * The matrix as shown (the rows in the table's order and filter): a column a meeting headed by
 * its start (ISO 8601 with the viewer's offset), minutes present in each cell (empty when
 * absent, a late arrival marked in a column of its own per person), then the totals. Formula-safe
 * through toCsv; nothing here ever sees the key.
 */
export function seriesCsv(
  columns: readonly SeriesColumn[],
  rows: readonly SeriesRow[],
  meetingsRead: number,
): string {
  const header = [
    'Name',
    'Expected',
    ...columns.map((column) => csvTime(column.startedAtMs) ?? column.botId),
    'Meetings attended',
    'Meetings read',
    'Attendance rate (%)',
    'Total time (minutes)',
    'Late at',
    'First meeting seen',
    'Last meeting seen',
  ];
  const startOf = (index: number | null) =>
    index === null
      ? null
      : (csvTime(columns[index]?.startedAtMs ?? null) ?? columns[index]?.botId ?? null);
  const body = rows.map((row): CsvCell[] => [
    row.name,
    row.expected ? 'yes' : 'no',
    ...row.cells.map((cell) => (cell === null ? null : minutes(cell.presentMs))),
    row.attended,
    meetingsRead,
    row.rate === null ? null : Math.round(row.rate * 1000) / 10,
    minutes(row.totalMs),
    row.cells.filter((cell) => cell?.late === true).length,
    startOf(row.firstIndex),
    startOf(row.lastIndex),
  ]);
  return toCsv(header, body);
}

/** Minutes with one decimal: what spreadsheets sum; seconds would be noise across meetings. */
function minutes(durationMs: number): number {
  return Math.round(csvSeconds(durationMs) / 6) / 10;
}
