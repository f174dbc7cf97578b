import { memo, useId } from 'react';
import type { PresenceNews } from '../../domain/presence-news';
import { readingTimeMs, type InsightsState } from '../../domain/insights/insights-state';
import { RewindControls } from '../../features/rewind/rewind-controls';
import { JoinAlerts } from '../../features/alerts/join-alerts';
import { LiveNoHostWarning } from '../../features/alerts/no-host-warning';

export interface ToolsSectionProps {
  insights: InsightsState;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  rewindAtMs: number | null;
  onRewind: (atMs: number | null) => void;
  subscribeToNews: (listener: (news: PresenceNews) => void) => () => void;
  peoplePresent: boolean;
  hostPresent: boolean;
  meetingOver: boolean;
}

/**
 * Rewind and alerts. Memoised: none of it changes with a poll's events (the alerts hear of joins
 * through the news), and re-rendering its inputs costs the frame that shows those events a style
 * pass (React writes an input's type and name again whenever it renders it).
 */
export const ToolsSection = memo(function ToolsSection({
  insights,
  endedAtMs,
  rewindAtMs,
  onRewind,
  subscribeToNews,
  peoplePresent,
  hostPresent,
  meetingOver,
}: ToolsSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="grid gap-5 lg:grid-cols-2">
      <h2 id={headingId} className="sr-only">
        Rewind and alerts
      </h2>
      <div className={toolClasses}>
        <RewindControls
          readSpan={() => meetingSpan(insights, endedAtMs)}
          rewindAtMs={rewindAtMs}
          onRewind={onRewind}
        />
      </div>
      <div className={`${toolClasses} space-y-3`}>
        {/* Shown once the history is in: what the alerts hear from then on is live. */}
        <JoinAlerts subscribeToNews={subscribeToNews} enabled />
        <LiveNoHostWarning situation={{ peoplePresent, hostPresent }} active={!meetingOver} />
      </div>
    </section>
  );
});

/** From the first event to the end of the meeting, or to now (never before the newest event). */
function meetingSpan(insights: InsightsState, endedAtMs: number | null) {
  const startMs = insights.firstEventMs;
  if (startMs === null) return null;
  return { startMs, endMs: endedAtMs ?? readingTimeMs(insights, Date.now()) };
}

const toolClasses =
  'rounded-xl border border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900';
