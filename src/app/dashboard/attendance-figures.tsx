import { useId } from 'react';

export function AttendanceFigures({ present, events }: { present: number; events: number }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:max-w-md">
      <Figure label="Present now" value={present} />
      <Figure label="Events loaded" value={events} />
    </dl>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  const id = useId();
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900">
      <dt id={id} className="text-xs font-medium text-slate-600 uppercase dark:text-slate-400">
        {label}
      </dt>
      <dd aria-labelledby={id} className="mt-1 text-2xl font-semibold tabular-nums">
        {value.toLocaleString('en-US')}
      </dd>
    </div>
  );
}
