// jsdom: TanStack Query runs no refetch interval where there is no window (it takes that for a server).
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, vi } from 'vitest';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { WatchSession } from '../lib/watch-session';
import { msUntilSharedTick } from '../lib/shared-schedule';
import { botQueryOptions } from './get-bot';
import { currentHostsQueryOptions } from './get-current-hosts';
import { queryDefaults } from './query-defaults';

const BOT_REFRESH_MS = 10_000;

const BOT = 'bot_describedMeeting1';

/** Watches the bot's description for `ms` of fake time; returns how often it was asked for. */
async function requestsWhileWatching(
  apiKey: string,
  ms: number,
  prepare?: (s: InstrumentedAttendee) => void,
) {
  const simulator = new InstrumentedAttendee({ seed: 3, lateCommitProbability: 0 });
  simulator.addBot({ id: BOT, apiKey: 'right-key' });
  prepare?.(simulator);
  const fetchMock = routeFetchToSimulator(simulator);
  const session: WatchSession = {
    botId: BOT,
    credential: { kind: 'key', apiKey },
    source: 'attendee',
    id: 'session-1',
  };
  const client = new QueryClient({ defaultOptions: { queries: queryDefaults } });
  const observer = new QueryObserver(client, botQueryOptions(session, BOT_REFRESH_MS));
  const unsubscribe = observer.subscribe(() => {});
  await vi.advanceTimersByTimeAsync(ms);
  unsubscribe();
  client.clear();
  return { requests: fetchMock.mock.calls.length, result: observer.getCurrentResult() };
}

beforeEach(() => {
  vi.useFakeTimers();
  // Opened on one of this bot's shared ticks, so that refreshes fall every 10 s from the start.
  const start = Date.UTC(2026, 10, 27, 9);
  vi.setSystemTime(start + msUntilSharedTick(BOT_REFRESH_MS, BOT, { nowMs: start }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the bot's description", () => {
  it('is refreshed every 10 s while the meeting goes on', async () => {
    const { requests, result } = await requestsWhileWatching('right-key', 6 * BOT_REFRESH_MS - 1);
    expect(result.data?.state).toBe('joined_recording');
    expect(requests).toBe(6);
  });

  it('is not asked for again once the key is refused', async () => {
    const { requests, result } = await requestsWhileWatching('wrong-key', 10 * BOT_REFRESH_MS);
    expect(result.error).toMatchObject({ kind: 'unauthorized' });
    expect(requests).toBe(1);
  });

  it('keeps being asked for through an unreadable answer, and recovers', async () => {
    const { requests, result } = await requestsWhileWatching(
      'right-key',
      3 * BOT_REFRESH_MS - 1,
      (s) =>
        s.faults.failNext(2, { kind: 'status', status: 200, body: '{"unexpected":true}' }, 'bot'),
    );
    expect(requests).toBe(3);
    expect(result.data?.state).toBe('joined_recording');
    expect(result.isError).toBe(false);
  });

  it('is asked for, with the hosts, at the same moments by every viewer of the bot', async () => {
    const simulator = new InstrumentedAttendee({ seed: 3, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: 'right-key' });
    const fetchMock = routeFetchToSimulator(simulator);
    const askedAt = new Map<string, number[]>();
    fetchMock.mockImplementation((input, init) => {
      const path = String(input);
      askedAt.set(path, [...(askedAt.get(path) ?? []), Date.now()]);
      return simulator.fetch(new URL(path, 'http://localhost:5173'), init);
    });
    const closers: (() => void)[] = [];
    // Three viewers open the page 1.2 s, 3.7 s and 8.1 s after this tick.
    for (const openedAfterMs of [1_200, 2_500, 4_400]) {
      await vi.advanceTimersByTimeAsync(openedAfterMs);
      const session: WatchSession = {
        botId: BOT,
        credential: { kind: 'key', apiKey: 'right-key' },
        source: 'attendee',
        id: `s${openedAfterMs}`,
      };
      const client = new QueryClient({ defaultOptions: { queries: queryDefaults } });
      const observers = [
        new QueryObserver(client, botQueryOptions(session, BOT_REFRESH_MS)),
        new QueryObserver(client, currentHostsQueryOptions(session, false, BOT_REFRESH_MS)),
      ];
      const unsubscribes = observers.map((observer) => observer.subscribe(() => {}));
      closers.push(() => unsubscribes.forEach((unsubscribe) => unsubscribe()));
    }
    await vi.advanceTimersByTimeAsync(5 * BOT_REFRESH_MS);
    closers.forEach((close) => close());

    expect([...askedAt.keys()].sort()).toEqual([
      `/api/v1/bots/${BOT}`,
      `/api/v1/bots/${BOT}/participants?is_host=true`,
    ]);
    for (const moments of askedAt.values()) {
      // Each viewer asks once as it opens; from then on, all three ask together on each tick.
      const opening = moments.slice(0, 3);
      const together = moments.slice(3);
      expect(opening).toHaveLength(3);
      expect(together).toHaveLength(3 * 5);
      expect(new Set(together).size).toBe(5);
    }
  });
});
