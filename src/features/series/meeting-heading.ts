import type { SeriesMeetingState } from '../../domain/series/attendance-matrix';

// Built once: a formatter per call is the slow part of toLocale*String.
const dateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});
const yearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A meeting's column heading, in the viewer's time zone: "Tue, Nov 24" over "14:00". */
export function meetingDate(startedAtMs: number | null): { day: string; time: string } {
  if (startedAtMs === null) return { day: 'Unknown date', time: '' };
  return { day: dateFormat.format(startedAtMs), time: timeFormat.format(startedAtMs) };
}

/** "Nov 24, 2026, 14:00": where a date stands alone (first and last seen, the unreadable). */
export function meetingDateInFull(startedAtMs: number | null): string {
  if (startedAtMs === null) return 'an unknown date';
  return `${yearFormat.format(startedAtMs)}, ${timeFormat.format(startedAtMs)}`;
}

/** "7 of 12 meetings loaded", and how many could not be read. */
export function progressLine(meetings: readonly SeriesMeetingState[]): string {
  const loaded = meetings.filter((meeting) => meeting.status === 'loaded').length;
  const unreadable = meetings.filter((meeting) => meeting.status === 'unreadable').length;
  const total = meetings.length;
  const noun = total === 1 ? 'meeting' : 'meetings';
  const base = `${loaded} of ${total} ${noun} loaded`;
  return unreadable === 0 ? base : `${base}, ${unreadable} could not be read`;
}
