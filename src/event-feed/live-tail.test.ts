import { afterEach, vi } from 'vitest';
import { ManualClock } from '../../server/simulator/clock';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { WatchSession } from '../lib/watch-session';
import type { EventsPage } from '../attendee-api/get-participant-events-page';
import { createLiveTail } from './live-tail';
import { walkEventsAfter } from './walk-events';

const BOT = 'bot_tailTest0000001';
const session: WatchSession = {
  botId: BOT,
  credential: { kind: 'key', apiKey: 'key' },
  source: 'attendee',
  id: 's1',
};
const START = Date.UTC(2026, 10, 24, 10, 0, 0);

function collector() {
  const received: string[] = [];
  return { received, onPage: (page: EventsPage) => received.push(...page.events.map((e) => e.id)) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the live tail', () => {
  it('misses nothing and doubles nothing with a bot clock a minute ahead and late commits', async () => {
    const clock = new ManualClock(START);
    const simulator = new InstrumentedAttendee({ clock, botClockSkewMs: 60_000 });
    simulator.addBot({ id: BOT, apiKey: 'key' });
    routeFetchToSimulator(simulator);
    for (let i = 0; i < 60; i += 1) {
      simulator.join(
        BOT,
        { uuid: `u${i}`, name: `Person ${i}` },
        { createdAtMs: START - 60_000 + i * 500 },
      );
    }

    const { received, onPage } = collector();
    const history = await walkEventsAfter(session, null, onPage);
    const tail = createLiveTail(session);
    const historyStart = { serverDateMs: history.firstServerDateMs, finishedAtMs: clock.now() };

    for (let round = 0; round < 30; round += 1) {
      clock.advance(1000);
      simulator.leave(BOT, `u${round}`);
      // Created now, but committed seconds later: a later event is returned first.
      simulator.join(
        BOT,
        { uuid: `late${round}`, name: null },
        { commitDelayMs: 2000 + (round % 4) * 1000 },
      );
      clock.advance(200);
      simulator.speechStart(BOT, `u${round + 30}`);
      clock.advance(1800);
      await tail.poll(onPage, historyStart);
    }
    clock.advance(10_000);
    await tail.poll(onPage, historyStart);

    const truth = simulator.visibleEvents(BOT).map((event) => event.id);
    expect(truth).toHaveLength(60 + 30 * 3);
    expect(new Set(received)).toEqual(new Set(truth));
    // Overlapping polls deliver some events more than once; the ids show which are new.
    expect(new Set(received).size).toBe(truth.length);
  });

  it('reads each history page once and costs one request per idle poll', async () => {
    const clock = new ManualClock(START);
    const simulator = new InstrumentedAttendee({ clock });
    simulator.addBot({ id: BOT, apiKey: 'key' });
    const fetchMock = routeFetchToSimulator(simulator);
    for (let i = 0; i < 300; i += 1) {
      simulator.join(
        BOT,
        { uuid: `u${i}`, name: `P${i}` },
        { createdAtMs: START - 600_000 + i * 1000 },
      );
    }

    const { onPage } = collector();
    const history = await walkEventsAfter(session, null, onPage);
    expect(history.requests).toBe(12);
    const tail = createLiveTail(session);
    const historyStart = { serverDateMs: history.firstServerDateMs, finishedAtMs: clock.now() };

    simulator.clearRequests();
    fetchMock.mockClear();
    for (let poll = 0; poll < 5; poll += 1) {
      clock.advance(3000);
      await tail.poll(onPage, historyStart);
    }
    expect(fetchMock).toHaveBeenCalledTimes(5);
    expect(simulator.requests.every((request) => request.query.after !== undefined)).toBe(true);
    expect(simulator.requests.every((request) => request.query.cursor === undefined)).toBe(true);
  });
});
