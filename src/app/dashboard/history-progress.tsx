import { useId } from 'react';
import { formatCount } from '../../lib/format-count';

export interface HistoryProgressProps {
  events: number;
  /** 0 to 1, or null while the total is unknown. */
  fraction: number | null;
}

/** Shown instead of the roster until the whole history is in, so it is never shown half right. */
export function HistoryProgress({ events, fraction }: HistoryProgressProps) {
  const labelId = useId();
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
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
          className={`h-full rounded-full bg-teal-600 transition-[width] dark:bg-teal-400 ${percent === null ? 'w-1/3 animate-pulse' : ''}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {formatCount(events)} events so far
        {percent === null ? '' : ` · ${percent}%`}. The roster appears once the whole history is in,
        so it is never shown half right.
      </p>
    </div>
  );
}
