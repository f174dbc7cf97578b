// @vitest-environment node
import type { WatchSession } from '../lib/watch-session';
import { attendeeKeys } from './query-keys';

const session: WatchSession = {
  botId: 'bot_keysTest00000001',
  credential: { kind: 'key', apiKey: 'secret-api-key-1234' },
  source: 'attendee',
  id: 'session-1',
};
const allKeys = [
  attendeeKeys.bot(session),
  attendeeKeys.hosts(session),
  attendeeKeys.history(session),
  attendeeKeys.historyLoad(session, 3),
  attendeeKeys.historyWindow(session, { load: 3, afterMs: 1000, beforeMs: null }),
  attendeeKeys.tail(session),
];

describe('query keys', () => {
  it('never hold the API key, which devtools and caches would show', () => {
    for (const key of allKeys) expect(JSON.stringify(key)).not.toContain('secret-api-key-1234');
  });

  it('all start with the watched session, so one press of Watch never reuses another’s cache', () => {
    const other = attendeeKeys.bot({ ...session, id: 'session-2' });
    expect(other).not.toEqual(attendeeKeys.bot(session));
    for (const key of allKeys) {
      expect(key.slice(0, 4)).toEqual([...attendeeKeys.session(session)]);
    }
  });

  it('put a load’s windows under that load, so cancelling one load leaves the next alone', () => {
    const window = attendeeKeys.historyWindow(session, { load: 3, afterMs: 1, beforeMs: 2 });
    expect(window.slice(0, attendeeKeys.historyLoad(session, 3).length)).toEqual([
      ...attendeeKeys.historyLoad(session, 3),
    ]);
    expect(window.slice(0, attendeeKeys.historyLoad(session, 4).length)).not.toEqual([
      ...attendeeKeys.historyLoad(session, 4),
    ]);
  });
});
