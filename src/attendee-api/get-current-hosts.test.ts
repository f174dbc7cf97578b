import { afterEach } from 'vitest';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import { getCurrentHosts } from './get-current-hosts';

const BOT = 'bot_hostsMeeting0001';
const SESSION = {
  botId: BOT,
  credential: { kind: 'key', apiKey: 'right-key' },
  source: 'attendee',
} as const;

function meeting() {
  const simulator = new InstrumentedAttendee({ seed: 4, lateCommitProbability: 0 });
  simulator.addBot({ id: BOT, apiKey: 'right-key' });
  const fetchMock = routeFetchToSimulator(simulator);
  return { simulator, fetchMock };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the current hosts', () => {
  it('are read from every page of /participants?is_host=true, cursor by cursor', async () => {
    const { simulator, fetchMock } = meeting();
    for (let i = 0; i < 30; i += 1) {
      simulator.join(BOT, {
        uuid: `host-${String(i).padStart(2, '0')}`,
        name: `Host ${i}`,
        isHost: true,
      });
      simulator.join(BOT, { uuid: `guest-${i}`, name: `Guest ${i}` });
    }
    const hosts = await getCurrentHosts(SESSION);
    expect(hosts).toHaveLength(30);
    expect(hosts.every((uuid) => uuid.startsWith('host-'))).toBe(true);
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toHaveLength(2);
    expect(urls[0]).toBe(`/api/v1/bots/${BOT}/participants?is_host=true`);
    expect(urls[1]).toMatch(/\/participants\?is_host=true&cursor=[^&]+$/);
  });

  it('follow a host change made in place, with no event', async () => {
    const { simulator } = meeting();
    simulator.join(BOT, { uuid: 'ada', name: 'Ada', isHost: true });
    simulator.join(BOT, { uuid: 'bob', name: 'Bob' });
    expect(await getCurrentHosts(SESSION)).toEqual(['ada']);
    simulator.setHost(BOT, 'ada', false);
    simulator.setHost(BOT, 'bob', true);
    expect(await getCurrentHosts(SESSION)).toEqual(['bob']);
  });

  it('leave out non-hosts even from a server that ignores the filter', async () => {
    const { simulator } = meeting();
    const rows = [
      { id: 'p1', name: 'Ada', uuid: 'ada', user_uuid: null, is_host: true },
      { id: 'p2', name: 'Bob', uuid: 'bob', user_uuid: null, is_host: false },
    ];
    const body = JSON.stringify({ next: null, previous: null, results: rows });
    simulator.faults.failNext(1, { kind: 'status', status: 200, body }, 'participants');
    expect(await getCurrentHosts(SESSION)).toEqual(['ada']);
  });

  it('refuse a list they cannot read, rather than un-flag everyone', async () => {
    const { simulator } = meeting();
    const body = JSON.stringify({ next: null, results: [{ name: 'no uuid', is_host: true }] });
    simulator.faults.failNext(1, { kind: 'status', status: 200, body }, 'participants');
    await expect(getCurrentHosts(SESSION)).rejects.toMatchObject({
      kind: 'malformed',
      message: 'Unexpected participants list.',
    });
  });
});
