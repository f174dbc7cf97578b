import { readingTimeMs, type InsightsState } from './insights-state';
import type { Peak } from './presence-changes';

/** From `atMs` on (until the next point), `count` people were present. */
export interface SeriesPoint {
  atMs: number;
  count: number;
}

/** `count` people started (join) or ended (leave) their presence at `atMs`. */
export interface PresenceMark {
  atMs: number;
  kind: 'join' | 'leave';
  count: number;
}

export interface AttendanceSeries {
  /** A step function from the first event to the reading time; the last point is "now". */
  points: SeriesPoint[];
  peak: Peak | null;
  marks: PresenceMark[];
}

/**
 * Attendance over time, for a chart. People as in person-presence.ts: a person's rejoin under a
 * new participant_uuid is not a leave and a join if the sessions overlap. Costs O(change points):
 * call it when `insights.version` changes and draw the tail to "now" on each tick.
 */
export function attendanceSeries(insights: InsightsState, nowMs: number): AttendanceSeries {
  const start = insights.firstEventMs;
  if (start === null) return { points: [], peak: null, marks: [] };
  const changes = insights.changes.points;
  const points: SeriesPoint[] = [];
  const marks: PresenceMark[] = [];
  // The meeting starts at the first event, which may be a speech or unknown event: 0 until then.
  if (changes[0] === undefined || changes[0].atMs > start) points.push({ atMs: start, count: 0 });
  for (const change of changes) {
    points.push({ atMs: change.atMs, count: change.countAfter });
    if (change.joins > 0) marks.push({ atMs: change.atMs, kind: 'join', count: change.joins });
    if (change.leaves > 0) marks.push({ atMs: change.atMs, kind: 'leave', count: change.leaves });
  }
  const atMs = readingTimeMs(insights, nowMs);
  const last = points[points.length - 1] as SeriesPoint;
  if (atMs > last.atMs) points.push({ atMs, count: last.count });
  const peak = insights.changes.peak;
  return { points, peak: peak === null ? null : { ...peak }, marks };
}
