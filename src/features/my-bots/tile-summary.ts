import type { AttendanceStore } from '../../domain/attendance-store';
import { displayName } from '../../domain/describe-event';
import { attendanceSeries, type SeriesPoint } from '../../domain/insights/attendance-series';
import { summaryFigures } from '../../domain/insights/summary-figures';
import { presentCount } from '../../domain/roster';

export interface LastChange {
  name: string;
  kind: 'joined' | 'left';
  atMs: number;
}

export interface TileSummary {
  /** Participants present, as the dashboard's roster and Present now count them. */
  present: number;
  peak: number;
  hostPresent: boolean;
  lastChange: LastChange | null;
  points: SeriesPoint[];
}

/**
 * What a wall tile shows, read from the same store as the dashboard. O(present + change points);
 * the newest join or leave is found from the end of the timeline, a few steps back at most.
 */
export function tileSummary(store: AttendanceStore, nowMs: number): TileSummary {
  const { state, insights } = store;
  let hostPresent = false;
  for (const participant of state.present) hostPresent ||= participant.isHost;
  let lastChange: LastChange | null = null;
  const timeline = state.timelineWithoutSpeech;
  for (let i = timeline.length - 1; i >= 0 && lastChange === null; i -= 1) {
    const { event } = timeline[i]!;
    if (event.event_type !== 'join' && event.event_type !== 'leave') continue;
    const name = displayName(state.participants.get(event.participant_uuid)?.name ?? null);
    const kind = event.event_type === 'join' ? 'joined' : 'left';
    lastChange = { name, kind, atMs: event.timestamp_ms };
  }
  return {
    present: presentCount(state),
    peak: summaryFigures(insights, nowMs).peak?.count ?? 0,
    hostPresent,
    lastChange,
    points: attendanceSeries(insights, nowMs).points,
  };
}

/**
 * A small step line of attendance in a `width` × `height` box: one SVG path, one step per pixel
 * column at most (the last count in it), whatever the number of points.
 */
export function sparklinePath(points: readonly SeriesPoint[], width: number, height: number) {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return '';
  const spanMs = Math.max(last.atMs - first.atMs, 1);
  const maxCount = points.reduce((max, point) => Math.max(max, point.count), 1);
  const y = (count: number) => Math.round((height - (count / maxCount) * height) * 10) / 10;
  const commands = [`M0 ${y(first.count)}`];
  let columnX = 0;
  let columnCount = first.count;
  let drawnCount = first.count;
  const flush = () => {
    if (columnCount === drawnCount) return;
    commands.push(`H${columnX}V${y(columnCount)}`);
    drawnCount = columnCount;
  };
  for (const point of points.slice(1)) {
    const x = Math.round(((point.atMs - first.atMs) / spanMs) * width);
    if (x !== columnX) flush();
    columnX = x;
    columnCount = point.count;
  }
  flush();
  commands.push(`H${width}`);
  return commands.join('');
}
