import { chooseSplit, planHistoryWindows } from './history-windows';

const hour = 3_600_000;

describe('planning history windows', () => {
  it('walks a short history in one window', () => {
    const windows = planHistoryWindows(
      { firstEventMs: 0, lastEventMs: 60_000, serverNowMs: 120_000 },
      { maxWindows: 24, pagesPerWindow: 4 },
    );
    expect(windows).toEqual([{ afterMs: null, beforeMs: null }]);
  });

  it('splits a long history into overlapping windows open at both ends', () => {
    const windows = planHistoryWindows(
      { firstEventMs: 0, lastEventMs: 10_000, serverNowMs: 2 * hour },
      { maxWindows: 24, pagesPerWindow: 4, edgeOverlapMs: 1000 },
    );
    expect(windows).toHaveLength(24);
    expect(windows[0]!.afterMs).toBeNull();
    expect(windows.at(-1)!.beforeMs).toBeNull();
    for (let index = 1; index < windows.length; index += 1) {
      // The previous window ends after this one starts: every instant is in some window.
      expect(windows[index - 1]!.beforeMs!).toBeGreaterThan(windows[index]!.afterMs!);
    }
  });

  it('plans a multiple of the windows walked at once, so none is left walking alone at the end', () => {
    const plan = (estimatedPages: number) =>
      planHistoryWindows(
        { firstEventMs: 0, lastEventMs: 10_000, serverNowMs: estimatedPages * 10_000 },
        { maxWindows: 24, pagesPerWindow: 4, walkedAtOnce: 8 },
      ).length;
    expect(plan(72)).toBe(16); // 18 wanted: 8 + 8 + 2 would leave 2 walking alone
    expect(plan(120)).toBe(24); // 30 wanted, 24 at most
    expect(plan(400)).toBe(24);
    expect(plan(20)).toBe(5); // no more than walk at once: all at the same time anyway
    expect(plan(44)).toBe(8);
  });

  it('falls back to one window when the bot clock runs ahead of the server', () => {
    const windows = planHistoryWindows(
      { firstEventMs: 100_000, lastEventMs: 101_000, serverNowMs: 50_000 },
      { maxWindows: 24, pagesPerWindow: 4 },
    );
    expect(windows).toEqual([{ afterMs: null, beforeMs: null }]);
  });
});

describe('choosing a window to split', () => {
  const walk = (fromMs: number, reachedMs: number, endMs: number, events: number) => ({
    fromMs,
    reachedMs,
    endMs,
    events,
  });

  it('splits the window with the most events left, halfway through what it has left', () => {
    const split = chooseSplit([
      // 100 events in 10 s, 10 s left: about 100 more.
      walk(0, 10_000, 20_000, 100),
      // 50 events in 1 s, 9 s left: about 450 more, though less time is left than above.
      walk(20_000, 21_000, 30_000, 50),
      // Started, no page yet: nothing known, never chosen.
      walk(30_000, 30_000, 90_000, 0),
    ]);
    expect(split).toEqual({ walk: 1, atMs: 25_500 });
  });

  it('splits nothing when no window has more than two pages left', () => {
    expect(chooseSplit([walk(0, 10_000, 20_000, 50), walk(0, 1000, 1500, 500)])).toBeNull();
    expect(chooseSplit([walk(0, 10_000, 20_000, 51)])).toEqual({ walk: 0, atMs: 15_000 });
    expect(chooseSplit([])).toBeNull();
  });
});
