// jsdom: TanStack Query runs no refetch interval where there is no window (it takes that for a server).
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, vi } from 'vitest';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { WatchSession } from '../lib/watch-session';
import { msUntilSharedTick } from '../lib/shared-schedule';
import { liveTailQueryOptions, type LiveTailSchedule } from './feed-query-options';
import { createLiveTail } from './live-tail';
import { walkEventsAfter } from './walk-events';
import { queryDefaults } from '../attendee-api/query-defaults';

const BOT = 'bot_sharedTail000001';
const INTERVAL_MS = 3000;
const START = Date.UTC(2026, 10, 27, 9, 0, 0);

function session(id: string): WatchSession {
  return { botId: BOT, credential: { kind: 'key', apiKey: 'key' }, source: 'attendee', id };
}

function isTick(atMs: number, intervalMs = INTERVAL_MS): boolean {
  return msUntilSharedTick(intervalMs, BOT, { nowMs: atMs - 1 }) === 1;
}

/**
 * One viewer's live tail on a QueryObserver, as useQuery runs it, with a stand-in poll that takes
 * `pollMs` and notes when each poll started and ended.
 */
function openViewer(id: string, pollMs = 40, pollIntervalMs = INTERVAL_MS) {
  const starts: number[] = [];
  const ends: number[] = [];
  const poll = async () => {
    starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    ends.push(Date.now());
    return { afterMs: 0, requests: 1 };
  };
  const client = new QueryClient({ defaultOptions: { queries: queryDefaults } });
  const options = (schedule: Partial<LiveTailSchedule>) =>
    liveTailQueryOptions(session(id), poll, {
      enabled: true,
      pollIntervalMs,
      meetingOver: false,
      ...schedule,
    });
  const observer = new QueryObserver(client, options({}));
  const unsubscribe = observer.subscribe(() => {});
  return {
    starts,
    ends,
    setPollInterval: (ms: number) => observer.setOptions(options({ pollIntervalMs: ms })),
    close: () => {
      unsubscribe();
      client.clear();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the live tail on the shared schedule', () => {
  it('polls at the same moments for every viewer of the bot, whenever each opened the page', async () => {
    await vi.advanceTimersByTimeAsync(123);
    const first = openViewer('first');
    await vi.advanceTimersByTimeAsync(1_789);
    const second = openViewer('second');
    await vi.advanceTimersByTimeAsync(30_000);
    first.close();
    second.close();

    // Each asks as soon as it opens, then on the bot's ticks, every 3 s.
    for (const viewer of [first, second]) {
      const onTicks = viewer.starts.slice(1);
      expect(onTicks.length).toBeGreaterThanOrEqual(9);
      expect(onTicks.every((at) => isTick(at))).toBe(true);
      expect(onTicks.slice(1).map((at, index) => at - onTicks[index]!)).toEqual(
        onTicks.slice(1).map(() => INTERVAL_MS),
      );
    }
    const together = second.starts.slice(1);
    expect(first.starts.filter((at) => at >= together[0]!)).toEqual(together);
  });

  it('moves to the interval picked in the header from its next tick', async () => {
    const viewer = openViewer('viewer');
    await vi.advanceTimersByTimeAsync(10_000);
    viewer.setPollInterval(10_000);
    const changedAt = Date.now();
    await vi.advanceTimersByTimeAsync(40_000);
    viewer.close();

    const after = viewer.starts.filter((at) => at > changedAt);
    expect(after).toHaveLength(4);
    expect(after.every((at) => isTick(at, 10_000))).toBe(true);
    expect(after[0]! - changedAt).toBeLessThanOrEqual(10_000);
  });

  it('keeps one poll in flight when a poll outlasts its tick, and asks again on a tick', async () => {
    const viewer = openViewer('slow', 3_500);
    await vi.advanceTimersByTimeAsync(30_000);
    viewer.close();

    for (const [index, start] of viewer.starts.entries()) {
      if (index > 0) expect(start).toBeGreaterThanOrEqual(viewer.ends[index - 1]!);
      if (index > 0) expect(isTick(start)).toBe(true);
    }
    // 3.5 s a poll, then the next tick: the tick that came during the poll is skipped.
    const onTicks = viewer.starts.slice(1);
    expect(onTicks.length).toBeGreaterThanOrEqual(4);
    expect(onTicks.slice(1).map((at, index) => at - onTicks[index]!)).toEqual(
      onTicks.slice(1).map(() => 2 * INTERVAL_MS),
    );
  });

  it('shows a join at the first tick after it, within one interval', async () => {
    const simulator = new InstrumentedAttendee({ seed: 5, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: 'key', meeting: { live: false } });
    routeFetchToSimulator(simulator);
    const received = new Set<string>();
    const onPage = (page: { events: { id: string }[] }) =>
      page.events.forEach((event) => received.add(event.id));
    const history = await walkEventsAfter(session('viewer'), null, onPage);
    const historyStart = { serverDateMs: history.firstServerDateMs, finishedAtMs: Date.now() };
    const tail = createLiveTail(session('viewer'));
    const client = new QueryClient({ defaultOptions: { queries: queryDefaults } });
    const observer = new QueryObserver(
      client,
      liveTailQueryOptions(session('viewer'), (signal) => tail.poll(onPage, historyStart, signal), {
        enabled: true,
        pollIntervalMs: INTERVAL_MS,
        meetingOver: false,
      }),
    );
    const unsubscribe = observer.subscribe(() => {});

    for (const delayMs of [4_321, 2_999, 1, 7_777, 1_500]) {
      await vi.advanceTimersByTimeAsync(delayMs);
      simulator.join(BOT, { uuid: `u${delayMs}`, name: 'Newcomer' });
      const joinId = simulator.visibleEvents(BOT).at(-1)!.id;
      const seenBy = Date.now() + msUntilSharedTick(INTERVAL_MS, BOT);
      await vi.advanceTimersByTimeAsync(seenBy - Date.now());
      expect(received.has(joinId)).toBe(true);
    }
    unsubscribe();
    client.clear();
  });
});
