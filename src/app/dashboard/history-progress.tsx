import { useId } from 'react';
import { clockTime } from '../../lib/clock-time';
import { formatCount } from '../../lib/format-count';
import { panelClasses } from '../../components/ui/panel';

export interface HistoryProgressProps {
  events: number;
  /** 0 to 1, or null while the total is unknown. */
  fraction: number | null;
  /** The bot's time of the newest event handed on so far, oldest first; null before any. */
  eventsThroughMs: number | null;
}

/** How far the history is, and what of it is shown already (the events up to some time). */
export function HistoryProgress({ events, fraction, eventsThroughMs }: HistoryProgressProps) {
  const labelId = useId();
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className={`${panelClasses} p-6`}>
      <p id={labelId} className="font-medium">
        Loading the meeting so far…
      </p>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={
          percent === null ? `${events} events so far` : `${percent}%, ${events} events so far`
        }
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full bg-teal-600 dark:bg-teal-400 ${percent === null ? 'w-1/3' : ''}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {formatCount(events)} events so far
        {percent === null ? '' : ` · ${percent}%`}.
        {eventsThroughMs === null
          ? ''
          : ` What happened up to ${clockTime(eventsThroughMs)} is below; later events are still loading.`}
      </p>
    </div>
  );
}
