import { QueryClient } from '@tanstack/react-query';
import { afterEach } from 'vitest';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import { IN_MEETING_STATES } from '../common/bot-states';
import type { KeyConnection } from '../lib/watch-session';
import { botNameFromMetadata, botsListQueryOptions, getBots } from './get-bots';
import { ApiError } from './api-error';

const KEY: KeyConnection = {
  credential: { kind: 'key', apiKey: 'key-list' },
  source: 'attendee',
  keyId: 'key-1',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function simulatorWithBots(live: number, ended: number) {
  const simulator = new InstrumentedAttendee({ lateCommitProbability: 0 });
  for (let i = 0; i < live + ended; i += 1) {
    simulator.addBot({
      id: `bot_list${String(i).padStart(4, '0')}`,
      apiKey: 'key-list',
      state: i < live ? 'joined_recording' : 'ended',
      metadata: i === 0 ? { name: 'Weekly sync' } : null,
    });
  }
  simulator.addBot({ id: 'bot_notMine000001', apiKey: 'key-other' });
  return simulator;
}

describe('the bots list', () => {
  it('walks the pages of the bots in a meeting, reading each cursor, and only those', async () => {
    const simulator = simulatorWithBots(30, 40);
    const fetchMock = routeFetchToSimulator(simulator);
    const bots = await getBots(KEY, IN_MEETING_STATES);
    expect(bots).toHaveLength(30);
    expect(bots[0]).toMatchObject({ id: 'bot_list0000', name: 'Weekly sync' });
    expect(bots[1]?.name).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const asked = new URL(String(fetchMock.mock.calls[1]?.[0]), 'http://localhost');
    expect(asked.pathname).toBe('/api/v1/bots');
    expect(asked.searchParams.getAll('states')).toEqual(IN_MEETING_STATES);
    expect(asked.searchParams.get('cursor')).not.toBeNull();
  });

  it('stops on a rejected key, and its query key never holds the key', async () => {
    routeFetchToSimulator(simulatorWithBots(1, 0));
    const wrong: KeyConnection = { ...KEY, credential: { kind: 'key', apiKey: 'wrong-key' } };
    await expect(getBots(wrong, IN_MEETING_STATES)).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    const options = botsListQueryOptions(wrong, IN_MEETING_STATES, 30_000);
    expect(JSON.stringify(options.queryKey)).not.toContain('wrong-key');
    const client = new QueryClient();
    await expect(client.fetchQuery({ ...options, retry: false })).rejects.toBeInstanceOf(ApiError);
  });

  it('finds a name in metadata where there is one', () => {
    expect(botNameFromMetadata({ name: ' Sales call ' })).toBe('Sales call');
    expect(botNameFromMetadata({ title: 'Lecture' })).toBe('Lecture');
    expect(botNameFromMetadata({ name: 42, customer: 'x' })).toBeNull();
    expect(botNameFromMetadata(null)).toBeNull();
  });
});

describe('the bots of a series', () => {
  it('dates each bot by its own events and asks for one meeting URL exactly', async () => {
    const simulator = new InstrumentedAttendee({ lateCommitProbability: 0 });
    simulator.addBot({
      id: 'bot_seriesA0000001',
      apiKey: 'key-list',
      meetingUrl: 'https://zoom.us/j/1',
    });
    simulator.addBot({
      id: 'bot_seriesB0000001',
      apiKey: 'key-list',
      meetingUrl: 'https://zoom.us/j/2',
    });
    simulator.setState('bot_seriesA0000001', 'post_processing');
    const fetchMock = routeFetchToSimulator(simulator);
    const bots = await getBots(KEY, [], undefined, { meetingUrl: 'https://zoom.us/j/1' });
    expect(bots.map((bot) => bot.id)).toEqual(['bot_seriesA0000001']);
    const asked = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(asked.searchParams.get('meeting_url')).toBe('https://zoom.us/j/1');
    const [bot] = bots;
    expect(bot?.startedAtMs).toEqual(expect.any(Number));
    expect(bot?.endedAtMs).toBeGreaterThanOrEqual(bot?.startedAtMs ?? Infinity);
  });
});
