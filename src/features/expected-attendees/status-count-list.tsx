import { useId } from 'react';
import type { StatusCounts } from '../../domain/expected/expected-attendance';
import { formatCount } from '../../lib/format-count';

/**
 * The counts an organiser looks for first. Each value is labelled by its term, so a screen reader
 * (and `getByLabel('Late')`) reads the number alone, as the attendance figures do.
 */
export function StatusCountList({ counts }: { counts: StatusCounts }) {
  return (
    <dl className="flex flex-wrap gap-2">
      <Count label="Expected" value={counts.expected} />
      <Count label="Here" value={counts.here} />
      <Count label="Not here" value={counts.notHere} emphasised={counts.notHere > 0} />
      <Count label="Late" value={counts.late} />
      <Count label="Left early" value={counts.leftEarly} />
      <Count label="Not on the list" value={counts.notOnList} />
    </dl>
  );
}

function Count({
  label,
  value,
  emphasised = false,
}: {
  label: string;
  value: number;
  emphasised?: boolean;
}) {
  const id = useId();
  return (
    <div
      className={`min-w-24 rounded-lg border px-3 py-2 ${emphasised ? 'border-red-300 dark:border-red-400/50' : 'border-slate-200 dark:border-slate-700'}`}
    >
      <dt id={id} className="text-xs font-medium text-slate-600 uppercase dark:text-slate-400">
        {label}
      </dt>
      <dd aria-labelledby={id} className="text-xl font-semibold tabular-nums">
        {formatCount(value)}
      </dd>
    </div>
  );
}
