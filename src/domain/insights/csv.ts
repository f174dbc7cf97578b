import { isoWithOffset } from '../../lib/relative-time';

export type CsvCell = string | number | null;

/**
 * CSV as RFC 4180 describes it: CRLF between records, a field quoted when it holds a quote, a
 * comma, CR or LF, and quotes inside doubled. The last record ends with CRLF too.
 *
 * Participant names are chosen by strangers (docs/attendee-api.md, "Where events come
 * from"): a text cell starting with `=`, `+`, `-`, `@`, tab or CR is one a spreadsheet may run
 * as a formula ("CSV injection"), so it gets a leading `'`, which spreadsheets show as text.
 * Numbers are written as numbers and never prefixed: -5 is not a formula and must stay a number.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** An ISO 8601 time with the viewer's UTC offset (`2026-11-24T13:05:00+01:00`), whole seconds. */
export function csvTime(timestampMs: number | null): string | null {
  return timestampMs === null ? null : isoWithOffset(timestampMs);
}

/** Milliseconds as seconds, which spreadsheets sum and format as durations more easily. */
export function csvSeconds(durationMs: number): number {
  return durationMs / 1000;
}

function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
