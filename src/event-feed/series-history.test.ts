import { QueryClient } from '@tanstack/react-query';
import { afterEach, vi } from 'vitest';
import { ManualClock } from '../../server/simulator/clock';
import { InstrumentedAttendee, peakConcurrency } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { KeyConnection } from '../lib/watch-session';
import { loadSeries, type SeriesMeetingResult } from './series-history';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const KEY: KeyConnection = {
  credential: { kind: 'key', apiKey: 'key' },
  source: 'attendee',
  keyId: 'k',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

/** `count` ended meetings of 200 events each, a week apart. */
function series(count: number) {
  const clock = new ManualClock(NOW);
  const simulator = new InstrumentedAttendee({ clock, latencyMs: 5 });
  const starts: number[] = [];
  const ends: number[] = [];
  const ids = Array.from(
    { length: count },
    (_, index) => `bot_series${String(index).padStart(8, '0')}`,
  );
  ids.forEach((id, index) => {
    simulator.addBot({ id, apiKey: 'key' });
    const start = NOW - (count - index) * 7 * 86_400_000;
    for (let event = 0; event < 100; event += 1) {
      const at = { createdAtMs: start + event * 30_000 };
      simulator.join(id, { uuid: `p${event}`, name: `Person ${event}` }, at);
      simulator.leave(id, `p${event}`, { createdAtMs: at.createdAtMs + 20_000 });
    }
    starts.push(start);
    ends.push(start + 100 * 30_000);
  });
  return { simulator, ids, starts, ends };
}

async function load(
  ids: readonly string[],
  ends: readonly number[] = [],
  requestsAtOnce = 6,
  starts: readonly number[] = [],
) {
  const results = new Map<number, SeriesMeetingResult>();
  await loadSeries({
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    connection: KEY,
    meetings: ids.map((botId, index) => ({
      botId,
      startedAtMs: starts[index] ?? null,
      endedAtMs: ends[index] ?? null,
    })),
    loadId: 'test',
    requestsAtOnce,
    onMeeting: (index, result) => results.set(index, result),
  });
  return results;
}

describe('loading a series', () => {
  it('loads every meeting whole with a bounded number of requests in flight', async () => {
    const { simulator, ids, ends } = series(12);
    routeFetchToSimulator(simulator);
    const results = await load(ids, ends);
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(ids.map((_, index) => index));
    for (const result of results.values()) {
      expect(result.status === 'loaded' && result.store.state.eventsById.size).toBe(200);
    }
    expect(peakConcurrency(simulator.requests)).toBeLessThanOrEqual(6);
    expect(peakConcurrency(simulator.requests)).toBeGreaterThan(3);
    // Planned up to each meeting's end, not up to now: about one page read twice a window.
    expect(simulator.requests.length).toBeLessThan(12 * (8 + 4));
  });

  it('starts a dated meeting’s windows together, with no page read alone first', async () => {
    const { simulator, ids, starts, ends } = series(1);
    routeFetchToSimulator(simulator);
    const result = (await load(ids, ends, 6, starts)).get(0);
    expect(result?.status === 'loaded' && result.store.state.eventsById.size).toBe(200);
    const [first, second] = simulator.requests;
    expect(second!.startedAt).toBeLessThan(first!.finishedAt!);
  });

  it('says a meeting cannot be read and loads the rest', async () => {
    const { simulator, ids } = series(3);
    routeFetchToSimulator(simulator);
    const results = await load([ids[0]!, 'bot_deleted000000001', ids[2]!]);
    expect(results.get(1)).toMatchObject({
      status: 'unreadable',
      error: { kind: 'bot-not-found' },
    });
    expect(results.get(0)?.status).toBe('loaded');
    expect(results.get(2)?.status).toBe('loaded');
  });

  it('stops at once on a refused key', async () => {
    const { simulator, ids } = series(3);
    routeFetchToSimulator(simulator);
    simulator.revokeKey('key');
    await expect(load(ids)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(simulator.requests.length).toBeLessThanOrEqual(3);
  });
});
