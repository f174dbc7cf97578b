import { memo, useId } from 'react';
import { useStoreAt } from '../../lib/use-store-at';
import { attendanceSeries } from '../../domain/insights/attendance-series';
import { AttendanceChart } from '../../features/attendance-chart/attendance-chart';
import { useMeetingNow } from '../../lib/use-now';
import type { InsightsState } from '../../domain/insights/insights-state';
import { panelClasses } from '../../components/ui/panel';

export interface ChartSectionProps {
  insights: InsightsState;
  version: number;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  /** The moment the page is rewound to; null when live. */
  rewindAtMs: number | null;
  onRewind: (atMs: number) => void;
}

// attendanceSeries is O(change points): read on new events, and every few seconds so the line
// reaches "now" in a quiet meeting.
const SERIES_REFRESH_MS = 10_000;

/** Memoised: the dashboard re-renders on every batch; this follows the deferred version only. */
export const ChartSection = memo(function ChartSection({
  insights,
  version,
  endedAtMs,
  rewindAtMs,
  onRewind,
}: ChartSectionProps) {
  const headingId = useId();
  const now = useMeetingNow(SERIES_REFRESH_MS, endedAtMs);
  const series = useStoreAt(version, () => attendanceSeries(insights, now), [insights, now]);
  return (
    <section aria-labelledby={headingId} className={panelClasses}>
      <h2
        id={headingId}
        className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-700"
      >
        Attendance over time
      </h2>
      <AttendanceChart
        series={series}
        over={endedAtMs !== null}
        pickedMs={rewindAtMs}
        onPick={onRewind}
      />
    </section>
  );
});
