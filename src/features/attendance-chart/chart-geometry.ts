import type { PresenceMark, SeriesPoint } from '../../domain/insights/attendance-series';
import { firstIndexAfter } from '../../lib/sorted-search';

export interface ChartBox {
  width: number;
  height: number;
}

export interface ChartScale {
  startMs: number;
  endMs: number;
  maxCount: number;
  x(atMs: number): number;
  y(count: number): number;
}

export function chartScale(points: readonly SeriesPoint[], box: ChartBox): ChartScale {
  const startMs = points[0]?.atMs ?? 0;
  const endMs = Math.max(points[points.length - 1]?.atMs ?? 0, startMs + 1);
  // A loop, not Math.max(...spread): a long meeting has more points than a call has arguments.
  const maxCount = points.reduce((max, point) => Math.max(max, point.count), 1);
  return {
    startMs,
    endMs,
    maxCount,
    x: (atMs) => ((atMs - startMs) / (endMs - startMs)) * box.width,
    y: (count) => box.height - (count / maxCount) * box.height,
  };
}

/**
 * The step line of attendance as one SVG path, at most a few commands per pixel column however
 * many change points there are: within a column only the lowest, highest and last counts can be
 * seen, so only those are drawn. O(points) time, O(width) output.
 */
export function stepPath(points: readonly SeriesPoint[], scale: ChartScale): string {
  const first = points[0];
  if (first === undefined) return '';
  const commands = [`M0 ${round(scale.y(first.count))}`];
  let column: { x: number; min: number; max: number; last: number } | null = null;
  const flush = () => {
    if (column === null) return;
    const { x, min, max, last } = column;
    commands.push(`H${x}`);
    if (min !== max) commands.push(`V${round(scale.y(max))}V${round(scale.y(min))}`);
    commands.push(`V${round(scale.y(last))}`);
  };
  for (const point of points.slice(1)) {
    const x = Math.round(scale.x(point.atMs));
    if (column !== null && column.x === x) {
      column.min = Math.min(column.min, point.count);
      column.max = Math.max(column.max, point.count);
      column.last = point.count;
      continue;
    }
    flush();
    column = { x, min: point.count, max: point.count, last: point.count };
  }
  flush();
  return commands.join('');
}

/** The area under the step line, closed along the bottom. */
export function areaPath(line: string, box: ChartBox): string {
  return line === '' ? '' : `${line}H${box.width}V${box.height}H0Z`;
}

/**
 * Join and leave moments as short ticks, one path each, merged per pixel column so thousands of
 * moments stay two elements: joins rise from `baseY`, leaves hang below it.
 */
export function markPaths(
  marks: readonly PresenceMark[],
  scale: ChartScale,
  baseY: number,
  tickPx: number,
): { joins: string; leaves: string } {
  const joinColumns = new Set<number>();
  const leaveColumns = new Set<number>();
  for (const mark of marks) {
    (mark.kind === 'join' ? joinColumns : leaveColumns).add(Math.round(scale.x(mark.atMs)));
  }
  const ticks = (columns: Set<number>, dy: number) =>
    Array.from(columns, (x) => `M${x} ${baseY}v${dy}`).join('');
  return { joins: ticks(joinColumns, -tickPx), leaves: ticks(leaveColumns, tickPx) };
}

/** The point in force at `atMs`: the last at or before it (the first point if before them all). */
export function pointIndexAt(points: readonly SeriesPoint[], atMs: number): number {
  return Math.max(0, firstIndexAfter(points, (point) => point.atMs > atMs) - 1);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
