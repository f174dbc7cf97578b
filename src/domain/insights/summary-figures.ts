import { readingTimeMs, type InsightsState } from './insights-state';
import type { Peak } from './presence-changes';

export interface SummaryFigures {
  /** People present now (a person with two devices in the meeting counts once). */
  presentNow: number;
  /** The most people present at once, and when that was first reached; null if nobody ever was. */
  peak: Peak | null;
  /** People who attended: persons (see person-presence.ts) with at least one session. */
  uniqueParticipants: number;
  /** The mean of each person's total time present; null before anyone attended. */
  averageTimeInMeetingMs: number | null;
  /** The earliest event's timestamp_ms, of any type; null before any event. */
  meetingStartMs: number | null;
  /** From the earliest event to `nowMs`; null before any event. */
  meetingTimeSoFarMs: number | null;
}

/**
 * The figures at the top of the insights page, in O(1): everything is kept as running sums.
 *
 * The average is over people who attended, each weighted once whatever their number of sessions:
 * "how long does someone stay", which is what the figure is read as. A mean over sessions would
 * let one flaky connection with twenty short sessions pull it down; a mean over the meeting's
 * duration would be a different figure (average headcount).
 */
export function summaryFigures(insights: InsightsState, nowMs: number): SummaryFigures {
  const atMs = readingTimeMs(insights, nowMs);
  const totals = insights.totals;
  // Σ(atMs − openSince) over open intervals, with openSince stored relative to baseMs.
  const openMs = totals.openCount * (atMs - totals.baseMs) - totals.openSinceSumMs;
  const start = insights.firstEventMs;
  return {
    presentNow: totals.openCount,
    peak: insights.changes.peak === null ? null : { ...insights.changes.peak },
    uniqueParticipants: totals.attendedCount,
    averageTimeInMeetingMs:
      totals.attendedCount === 0 ? null : (totals.closedMs + openMs) / totals.attendedCount,
    meetingStartMs: start,
    meetingTimeSoFarMs: start === null ? null : atMs - start,
  };
}
