import { useId, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { clockTime } from '../../lib/clock-time';

export interface RosterSectionProps {
  /** The moment shown instead of now (rewind), or null when live. */
  momentMs: number | null;
  meetingOver: boolean;
  onBackToLive: () => void;
  /** A line over the list while a tool shapes it (the expected list's counts), or nothing. */
  summary?: ReactNode;
  className: string;
  children: ReactNode;
}

/**
 * "In the meeting now": the page's first answer. A rewind says so here, where the rewound roster
 * shows, with the way back beside it.
 */
export function RosterSection({
  momentMs,
  meetingOver,
  onBackToLive,
  summary,
  className,
  children,
}: RosterSectionProps) {
  const headingId = useId();
  const rewound = momentMs !== null;
  return (
    <section aria-labelledby={headingId} className={className}>
      <div
        className={`flex min-h-12 flex-wrap items-center justify-between gap-2 border-b px-4 py-2 ${
          rewound
            ? 'border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-400/40 dark:bg-amber-400/15 dark:text-amber-100'
            : 'border-slate-200 dark:border-slate-700'
        }`}
      >
        <h2 id={headingId} className="font-semibold">
          {rewound
            ? `Present at ${clockTime(momentMs, true)}`
            : meetingOver
              ? 'In the meeting when the bot left'
              : 'In the meeting now'}
        </h2>
        {rewound && (
          <Button variant="primary" onClick={onBackToLive}>
            Back to live
          </Button>
        )}
      </div>
      {summary}
      {children}
    </section>
  );
}
