import type { ReactNode } from 'react';

type BadgeTone = 'host' | 'neutral' | 'live' | 'warning' | 'danger';

const toneClasses: Record<BadgeTone, string> = {
  host: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-400/15 dark:text-amber-200 dark:ring-amber-400/40',
  neutral:
    'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-700/60 dark:text-slate-200 dark:ring-slate-500/50',
  live: 'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-400/15 dark:text-emerald-200 dark:ring-emerald-400/40',
  warning:
    'bg-orange-100 text-orange-900 ring-orange-300 dark:bg-orange-400/15 dark:text-orange-200 dark:ring-orange-400/40',
  danger:
    'bg-red-100 text-red-900 ring-red-300 dark:bg-red-400/15 dark:text-red-200 dark:ring-red-400/40',
};

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${toneClasses[tone]}`}
    >
      {children}
    </span>
  );
}

export function HostBadge() {
  return <Badge tone="host">Host</Badge>;
}
