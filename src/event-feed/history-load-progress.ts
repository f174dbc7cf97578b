import type { ParticipantEvent } from '../common/participant-event';

export interface HistoryProgress {
  /** 0 to 1, estimated from how far each window's events have reached in time. */
  fraction: number;
  /** Events received so far, counting the few that overlapping windows return twice. */
  eventsReceived: number;
  /** A transient failure some window is retrying right now, or null. */
  retryingAfter: unknown;
}

export interface HistoryLoadProgress {
  /** Window `index` covers bot time `fromMs` to `toMs`; reaching `toMs` is that window done. */
  openWindow(index: number, fromMs: number, toMs: number): void;
  /**
   * Window `part` takes over window `index`'s span from `atMs` on, and with it the share of the
   * whole load that part of the span stood for: the load's fraction neither jumps nor goes back.
   */
  splitWindow(index: number, part: number, atMs: number): void;
  pageArrived(index: number, events: readonly ParticipantEvent[]): void;
  /** The failure a window is retrying, or null once it is past it. */
  windowFailing(index: number, reason: unknown): void;
  finishWindow(index: number): void;
  /** Says where the load is now, and stops any report still waiting. */
  flush(): void;
}

/**
 * A page arrives every few milliseconds: a person needs to hear about it once a second, and each
 * report re-renders the dashboard, which the history's pages do at the same pace
 * (use-attendance-feed.ts).
 */
export const PROGRESS_REPORT_EVERY_MS = 1000;

/**
 * Where a history load has got to, reported at most every `reportEveryMs` (the first and last
 * reports at once), so the page re-renders a few times a second rather than once a page.
 */
export function createHistoryLoadProgress(
  onProgress: (progress: HistoryProgress) => void,
  reportEveryMs = PROGRESS_REPORT_EVERY_MS,
): HistoryLoadProgress {
  const fractions = new Map<number, number>();
  /** Each window's span in bot time, and its share of the load (a split window shares its own). */
  const spans = new Map<number, [number, number, number]>();
  const failures = new Map<number, unknown>();
  let eventsReceived = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastReportAt = -Infinity;

  const report = () => {
    timer = null;
    lastReportAt = Date.now();
    let sum = 0;
    let shares = 0;
    for (const [index, fraction] of fractions) {
      const share = spans.get(index)?.[2] ?? 1;
      sum += fraction * share;
      shares += share;
    }
    onProgress({
      fraction: shares === 0 ? 0 : sum / shares,
      eventsReceived,
      retryingAfter: [...failures.values()].find((reason) => reason != null) ?? null,
    });
  };
  const scheduleReport = () => {
    if (timer !== null) return;
    const wait = lastReportAt + reportEveryMs - Date.now();
    if (wait <= 0) report();
    else timer = setTimeout(report, wait);
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    report();
  };

  return {
    openWindow(index, fromMs, toMs) {
      spans.set(index, [fromMs, toMs, 1]);
      fractions.set(index, 0);
    },
    splitWindow(index, part, atMs) {
      const [fromMs, toMs, share] = spans.get(index)!;
      const kept = (atMs - fromMs) / Math.max(1, toMs - fromMs);
      spans.set(index, [fromMs, atMs, share * kept]);
      spans.set(part, [atMs, toMs, share * (1 - kept)]);
      fractions.set(index, Math.min(0.99, fractions.get(index)! / kept));
      fractions.set(part, 0);
    },
    pageArrived(index, events) {
      eventsReceived += events.length;
      const last = events.at(-1);
      const span = spans.get(index);
      if (last && span) {
        const reached = (last.timestamp_ms - span[0]) / Math.max(1, span[1] - span[0]);
        // Never 1 before the window has really finished: the bot's clock may run ahead.
        fractions.set(index, Math.min(0.99, Math.max(fractions.get(index) ?? 0, reached)));
      }
      scheduleReport();
    },
    windowFailing(index, reason) {
      const before = failures.get(index) ?? null;
      if (reason == null) failures.delete(index);
      else failures.set(index, reason);
      // Trouble, and its end, are worth saying at once.
      if ((reason ?? null) !== before) flush();
    },
    finishWindow(index) {
      failures.delete(index);
      fractions.set(index, 1);
      scheduleReport();
    },
    flush,
  };
}
