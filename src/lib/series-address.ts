/** A series as the address carries it: `?series=<meeting URL>&from=2026-09-01&to=2026-11-30`. */
export interface SeriesAddress {
  readonly meetingUrl: string;
  /** Local midnight of the first day, and the last millisecond of the last. */
  readonly fromMs: number | null;
  readonly toMs: number | null;
}

/** `2026-11-24` in the viewer's time zone, as `<input type="date">` reads and writes it. */
export function dayInputValue(timestampMs: number): string {
  const date = new Date(timestampMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of a local day; null when the text is not a date. */
function dayStartMs(text: string | null): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (match === null) return null;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The last millisecond of the day that starts at `dayStart`. */
function dayEndMs(dayStart: number): number {
  return dayStart + 86_400_000 - 1;
}

/** From the start of the first day to the end of the last; null unless both are dates in order. */
export function rangeFromDayInputs(
  from: string,
  to: string,
): { fromMs: number; toMs: number } | null {
  const fromMs = dayStartMs(from);
  const toStart = dayStartMs(to);
  if (fromMs === null || toStart === null || toStart < fromMs) return null;
  return { fromMs, toMs: dayEndMs(toStart) };
}

/** The series the address asks for, if any; the key is never in it. */
export function seriesFromLocation(search: string): SeriesAddress | null {
  const query = new URLSearchParams(search);
  const meetingUrl = query.get('series')?.trim() ?? '';
  if (meetingUrl === '') return null;
  const from = dayStartMs(query.get('from'));
  const to = dayStartMs(query.get('to'));
  return { meetingUrl, fromMs: from, toMs: to === null ? null : dayEndMs(to) };
}

/** The address of a series: `?series=`, `from` and `to` set; a single bot or wall removed. */
export function seriesAddress(
  href: string,
  series: { meetingUrl: string; fromMs: number; toMs: number } | null,
): string {
  const url = new URL(href);
  for (const name of ['series', 'from', 'to', 'bot', 'bots']) url.searchParams.delete(name);
  if (series !== null) {
    url.searchParams.set('series', series.meetingUrl);
    url.searchParams.set('from', dayInputValue(series.fromMs));
    url.searchParams.set('to', dayInputValue(series.toMs));
  }
  return url.toString();
}
