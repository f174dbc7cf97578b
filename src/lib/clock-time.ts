/**
 * Local wall-clock times, "13:05" or "13:05:09". Written out rather than date-fns `format`,
 * whose token parser and locale tables cost about 3 kB gzipped for the two patterns we use.
 */
export function clockTime(timestampMs: number, withSeconds = false): string {
  const date = new Date(timestampMs);
  const parts = [date.getHours(), date.getMinutes()];
  if (withSeconds) parts.push(date.getSeconds());
  return parts.map(twoDigits).join(':');
}

/** "20261124-130509": sorts as text, and is safe in a file name on every system. */
export function fileTimestamp(timestampMs: number): string {
  const date = new Date(timestampMs);
  const day = [date.getFullYear(), twoDigits(date.getMonth() + 1), twoDigits(date.getDate())];
  return `${day.join('')}-${clockTime(timestampMs, true).replaceAll(':', '')}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
