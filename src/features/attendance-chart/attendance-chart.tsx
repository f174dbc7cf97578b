import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clockTime } from '../../lib/clock-time';
import type { AttendanceSeries, SeriesPoint } from '../../domain/insights/attendance-series';
import {
  areaPath,
  chartScale,
  markPaths,
  pointIndexAt,
  stepPath,
  type ChartBox,
} from './chart-geometry';
import { useElementWidth } from './use-element-width';
import { formatCount } from '../../lib/format-count';

const HEIGHT_PX = 180;
const AXIS_LEFT_PX = 40;
const MARKS_PX = 22;
const TICK_PX = 7;
// Room above the line for the peak's label.
const TOP_PX = 18;

export interface AttendanceChartProps {
  /** From attendanceSeries, recomputed by the caller when events arrive and on a slow tick. */
  series: AttendanceSeries;
  /** The meeting is over: the last count is the one at its end, not now. */
  over?: boolean;
  /** The moment the page is rewound to, marked on the chart; null when live. */
  pickedMs?: number | null;
  /** Clicking, dragging or pressing Enter on the chart picks that moment. */
  onPick?: (atMs: number) => void;
}

/**
 * How many were present from the first event to now, as a step line, with the peak marked and
 * join (above) and leave (below) moments on a strip under it. The SVG is focusable: arrow keys
 * move a read-out from one change to the next (Home and End to the ends), as hovering does.
 */
export function AttendanceChart({
  series,
  over = false,
  pickedMs = null,
  onPick,
}: AttendanceChartProps) {
  const readoutId = useId();
  const summaryId = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const width = Math.max(120, useElementWidth(frameRef, 800) - AXIS_LEFT_PX);
  const [cursorMs, setCursorMs] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const { points, peak, marks } = series;

  const drawing = useMemo(() => {
    const box: ChartBox = { width, height: HEIGHT_PX };
    const scale = chartScale(points, box);
    const line = stepPath(points, scale);
    return {
      scale,
      line,
      area: areaPath(line, box),
      marks: markPaths(marks, scale, HEIGHT_PX + MARKS_PX / 2, TICK_PX),
    };
  }, [points, marks, width]);

  if (points.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">No events yet.</p>;
  }
  const { scale } = drawing;
  const cursorIndex = cursorMs === null ? null : pointIndexAt(points, cursorMs);
  const cursor = cursorIndex === null ? null : points[cursorIndex];

  const moveTo = (index: number) => {
    const point = points[Math.min(points.length - 1, Math.max(0, index))];
    if (point) setCursorMs(point.atMs);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = cursorIndex ?? points.length - 1;
    const page = Math.max(1, Math.round(points.length / 10));
    const moves: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      PageUp: current - page,
      PageDown: current + page,
      Home: 0,
      End: points.length - 1,
    };
    if (event.key === 'Enter' && onPick) {
      event.preventDefault();
      onPick(cursorMs ?? (points[current] as SeriesPoint).atMs);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };
  const momentAt = (event: PointerEvent<SVGSVGElement>) => {
    const left = event.currentTarget.getBoundingClientRect().left + AXIS_LEFT_PX;
    const fraction = Math.min(1, Math.max(0, (event.clientX - left) / width));
    // Whole seconds: the page says moments as HH:MM:SS, and typing one back finds the same.
    return Math.round((scale.startMs + fraction * (scale.endMs - scale.startMs)) / 1000) * 1000;
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const atMs = momentAt(event);
    setCursorMs(atMs);
    // Dragging with the button held moves the rewound moment along.
    if (onPick && event.buttons === 1) onPick(atMs);
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!onPick || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    onPick(momentAt(event));
  };

  return (
    <div ref={frameRef} className="px-4 py-3">
      <p id={summaryId} className="text-sm text-slate-600 dark:text-slate-400">
        {peak === null
          ? 'Nobody has been present yet.'
          : `Peak ${formatCount(peak.count)} at ${clockTime(peak.atMs, true)}; ${formatCount(points[points.length - 1]?.count ?? 0)} ${over ? 'at the end' : 'now'}.`}
      </p>
      <p
        id={readoutId}
        aria-live={focused ? 'polite' : 'off'}
        className="min-h-5 text-sm font-medium tabular-nums"
      >
        {cursor
          ? `${clockTime(cursorMs ?? cursor.atMs, true)} · ${formatCount(cursor.count)} present`
          : onPick
            ? 'Hover over the chart, or focus it and use the arrow keys, to read the count at a moment; click, drag or press Enter to show the meeting then.'
            : 'Hover over the chart, or focus it and use the arrow keys, to read the count at a moment.'}
      </p>
      <svg
        role="img"
        aria-label="Attendance over time"
        aria-describedby={`${summaryId} ${readoutId}`}
        // Lower case: Preact sets an SVG's attributes by the name as written, and a browser
        // reads `tabindex`, not `tabIndex`.
        {...{ tabindex: 0 }}
        width={width + AXIS_LEFT_PX}
        height={TOP_PX + HEIGHT_PX + MARKS_PX + 18}
        className={`mt-2 block overflow-visible rounded ${onPick ? 'touch-pan-y' : ''} focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600`}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          if (cursorMs === null) moveTo(points.length - 1);
        }}
        onBlur={() => setFocused(false)}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerDown}
        onPointerLeave={() => {
          if (!focused) setCursorMs(null);
        }}
      >
        <g className="fill-slate-600 text-[11px] dark:fill-slate-400">
          <text x={AXIS_LEFT_PX - 6} y={TOP_PX + 10} textAnchor="end">
            {scale.maxCount}
          </text>
          <text x={AXIS_LEFT_PX - 6} y={TOP_PX + HEIGHT_PX} textAnchor="end">
            0
          </text>
          <text x={AXIS_LEFT_PX} y={TOP_PX + HEIGHT_PX + MARKS_PX + 16}>
            {clockTime(scale.startMs)}
          </text>
          <text x={AXIS_LEFT_PX + width} y={TOP_PX + HEIGHT_PX + MARKS_PX + 16} textAnchor="end">
            {clockTime(scale.endMs)}
          </text>
        </g>
        <g transform={`translate(${AXIS_LEFT_PX} ${TOP_PX})`}>
          <line
            x1={0}
            x2={width}
            y1={HEIGHT_PX}
            y2={HEIGHT_PX}
            className="stroke-slate-300 dark:stroke-slate-600"
          />
          <path d={drawing.area} className="fill-teal-600/15 dark:fill-teal-400/20" />
          <path
            d={drawing.line}
            data-series="attendance"
            fill="none"
            strokeWidth={2}
            strokeLinejoin="round"
            className="stroke-teal-700 dark:stroke-teal-400"
          />
          <path d={drawing.marks.joins} strokeWidth={1} className="stroke-emerald-600" />
          <path d={drawing.marks.leaves} strokeWidth={1} className="stroke-rose-600" />
          {peak && (
            <g transform={`translate(${scale.x(peak.atMs)} ${scale.y(peak.count)})`}>
              <circle r={4.5} className="fill-amber-500 stroke-white dark:stroke-slate-900" />
              <text y={-9} textAnchor="middle" className="fill-current text-[11px] font-semibold">
                Peak {peak.count}
              </text>
            </g>
          )}
          {pickedMs !== null && (
            <line
              data-picked-moment=""
              x1={scale.x(pickedMs)}
              x2={scale.x(pickedMs)}
              y1={0}
              y2={HEIGHT_PX + MARKS_PX}
              strokeWidth={2}
              className="stroke-amber-600 dark:stroke-amber-400"
            />
          )}
          {cursor && (
            <line
              x1={scale.x(cursorMs ?? cursor.atMs)}
              x2={scale.x(cursorMs ?? cursor.atMs)}
              y1={0}
              y2={HEIGHT_PX + MARKS_PX}
              strokeDasharray="3 3"
              className="stroke-slate-500"
            />
          )}
        </g>
      </svg>
      <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
        <span>
          <span aria-hidden="true" className="text-emerald-600">
            ▲
          </span>{' '}
          ticks above the line: joins
        </span>
        <span>
          <span aria-hidden="true" className="text-rose-600">
            ▼
          </span>{' '}
          below: leaves
        </span>
      </p>
    </div>
  );
}
