// jsdom: TanStack Query runs no refetch interval where there is no window (it takes that for a server).
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, vi } from 'vitest';
import { SimulatedAttendee } from '../../server/simulator/simulated-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { WatchSession } from '../lib/watch-session';
import { botQueryOptions } from './get-bot';

const BOT_REFRESH_MS = 10_000;

const BOT = 'bot_describedMeeting1';

/** Watches the bot's description for `ms` of fake time; returns how often it was asked for. */
async function requestsWhileWatching(
  apiKey: string,
  ms: number,
  prepare?: (s: SimulatedAttendee) => void,
) {
  const simulator = new SimulatedAttendee({ seed: 3, lateCommitProbability: 0 });
  simulator.addBot({ id: BOT, apiKey: 'right-key' });
  prepare?.(simulator);
  const fetchMock = routeFetchToSimulator(simulator);
  const session: WatchSession = { botId: BOT, apiKey, source: 'attendee', id: 'session-1' };
  const client = new QueryClient();
  const observer = new QueryObserver(client, botQueryOptions(session, BOT_REFRESH_MS));
  const unsubscribe = observer.subscribe(() => {});
  await vi.advanceTimersByTimeAsync(ms);
  unsubscribe();
  client.clear();
  return { requests: fetchMock.mock.calls.length, result: observer.getCurrentResult() };
}

beforeEach(() => {
  vi.useFakeTimers();
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
});
