// @vitest-environment node
import { afterEach, vi } from 'vitest';
import { goodEvent } from '../attendee-api/event-fixture';
import { createHistoryLoadProgress, type HistoryProgress } from './history-load-progress';

afterEach(() => {
  vi.useRealTimers();
});

const eventsUpTo = (timestampMs: number, count = 25) =>
  Array.from({ length: count }, (_, index) => ({
    ...goodEvent,
    id: `e${timestampMs}-${index}`,
    timestamp_ms: timestampMs - count + index + 1,
  }));

describe('history load progress', () => {
  it('says how far the windows have reached in time, and all done only when all finish', () => {
    const reports: HistoryProgress[] = [];
    const progress = createHistoryLoadProgress((report) => reports.push(report), 0);
    progress.openWindow(0, 0, 1000);
    progress.openWindow(1, 1000, 2000);
    progress.pageArrived(0, eventsUpTo(500));
    expect(reports.at(-1)).toMatchObject({ fraction: 0.25, eventsReceived: 25 });
    // A bot clock running ahead reaches past the end before the window is really done.
    progress.pageArrived(1, eventsUpTo(5000));
    expect(reports.at(-1)!.fraction).toBeCloseTo((0.5 + 0.99) / 2);
    progress.finishWindow(0);
    progress.finishWindow(1);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, eventsReceived: 50 });
  });

  it('neither jumps nor goes back when a window is split, and reaches 1 when all parts finish', () => {
    const reports: HistoryProgress[] = [];
    const progress = createHistoryLoadProgress((report) => reports.push(report), 0);
    progress.openWindow(0, 0, 1000);
    progress.openWindow(1, 1000, 2000);
    progress.pageArrived(1, eventsUpTo(1200));
    expect(reports.at(-1)!.fraction).toBeCloseTo(0.1);
    // Window 1 keeps 1000–1600; window 2 takes 1600–2000 and the share of the load it stood for.
    progress.splitWindow(1, 2, 1600);
    progress.flush();
    expect(reports.at(-1)!.fraction).toBeCloseTo(0.1);
    progress.pageArrived(2, eventsUpTo(1800));
    expect(reports.at(-1)!.fraction).toBeCloseTo(0.2);
    progress.finishWindow(1);
    expect(reports.at(-1)!.fraction).toBeCloseTo(0.4);
    progress.finishWindow(0);
    progress.finishWindow(2);
    expect(reports.at(-1)!.fraction).toBe(1);
  });

  it('reports a few times a second however fast pages come, and the last state at the end', () => {
    vi.useFakeTimers();
    const reports: HistoryProgress[] = [];
    const progress = createHistoryLoadProgress((report) => reports.push(report), 250);
    progress.openWindow(0, 0, 100_000);
    for (let page = 1; page <= 100; page += 1) {
      progress.pageArrived(0, eventsUpTo(page * 1000));
      vi.advanceTimersByTime(10);
    }
    // 100 pages over one second: the first at once, then one every 250 ms.
    expect(reports.length).toBeLessThanOrEqual(5);
    progress.flush();
    expect(reports.at(-1)!.eventsReceived).toBe(2500);
  });

  it('says at once when a window is retrying, and when it is past it', () => {
    vi.useFakeTimers();
    const reports: HistoryProgress[] = [];
    const progress = createHistoryLoadProgress((report) => reports.push(report), 250);
    progress.openWindow(0, 0, 1000);
    progress.pageArrived(0, eventsUpTo(100));
    const failure = new Error('503');
    progress.windowFailing(0, failure);
    expect(reports.at(-1)!.retryingAfter).toBe(failure);
    progress.windowFailing(0, null);
    expect(reports.at(-1)!.retryingAfter).toBeNull();
  });
});
