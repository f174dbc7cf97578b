// Accepts what Attendee's `after` / `before` parameters accept: an ISO 8601 date or date-time,
// `T` or space between date and time, optional fraction, `Z` or a numeric offset. A value
// without an offset is read as UTC (the server's time zone). See docs/attendee-api.md.
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

/**
 * Milliseconds since the epoch, with sub-millisecond precision kept as a fraction so that
 * "strictly later than 12:00:00.000500" excludes an event created at 12:00:00.000.
 * Returns null when the text is not a valid ISO 8601 date-time.
 */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_DATETIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const shift = offsetMinutes(offset);
  if (Number.isNaN(shift)) return null;
  const fractionMs = fraction === '' ? 0 : Number(`0.${fraction}`) * 1000;
  return Date.UTC(y, mo - 1, d, h, mi, s) + fractionMs - shift * 60_000;
}
