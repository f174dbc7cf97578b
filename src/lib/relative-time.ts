/**
 * "5 minutes ago", "2 hours ago": the words date-fns' `formatDistanceStrict(then, now,
 * { addSuffix: true })` gives, for a time in the past. Written out because that function and the
 * locale tables it brings cost about 4 kB gzipped of the 110 kB budget for three labels; the
 * tests hold it to date-fns' output.
 */
const UNITS = [
  { name: 'second', ms: 1000, below: 60 },
  { name: 'minute', ms: 60_000, below: 60 },
  { name: 'hour', ms: 3_600_000, below: 24 },
  { name: 'day', ms: 86_400_000, below: 30 },
] as const;
const MONTH_MS = 30 * 86_400_000;
const YEAR_MS = 365 * 86_400_000;

export function timeAgo(thenMs: number, nowMs: number): string {
  // As date-fns does: a day is a calendar day, so a change to or from summer time in between
  // does not tip the rounding.
  const offsetChangeMs =
    (new Date(thenMs).getTimezoneOffset() - new Date(nowMs).getTimezoneOffset()) * 60_000;
  const elapsedMs = Math.max(0, nowMs - thenMs + offsetChangeMs);
  for (const unit of UNITS) {
    if (elapsedMs < unit.ms * unit.below) return ago(Math.round(elapsedMs / unit.ms), unit.name);
  }
  const months = Math.round(elapsedMs / MONTH_MS);
  if (months < 12) return ago(months, 'month');
  return ago(Math.round(elapsedMs / YEAR_MS), 'year');
}

function ago(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** An ISO 8601 time with the viewer's UTC offset (`2026-11-24T13:05:00+01:00`), whole seconds. */
export function isoWithOffset(timestampMs: number): string {
  const date = new Date(timestampMs);
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const offsetMinutes = -date.getTimezoneOffset();
  if (offsetMinutes === 0) return `${day}T${time}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const offset = `${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${day}T${time}${sign}${offset}`;
}
