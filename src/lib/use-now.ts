import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`: for "2 s ago" and "joined 5 minutes ago". */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The time running figures (time present, meeting time so far, the chart's right edge) are read
 * at: now while the meeting goes on, then the moment it ended, so a finished meeting opened the
 * next day does not show a meeting 24 hours long. `endedAtMs` null: still going on.
 */
export function meetingClockMs(nowMs: number, endedAtMs: number | null): number {
  return endedAtMs === null ? nowMs : Math.min(nowMs, endedAtMs);
}

/** useNow, stopped at the end of the meeting (see meetingClockMs). */
export function useMeetingNow(intervalMs: number, endedAtMs: number | null): number {
  // Memoised readers keyed on the result stop re-reading once it stops moving.
  return meetingClockMs(useNow(intervalMs), endedAtMs);
}
