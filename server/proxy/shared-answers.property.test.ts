import fc from 'fast-check';
import { afterEach, vi } from 'vitest';
import type { EventsPage } from '../../src/attendee-api/get-participant-events-page.ts';
import { createLiveTail } from '../../src/event-feed/live-tail.ts';
import { walkEventsAfter } from '../../src/event-feed/walk-events.ts';
import type { WatchSession } from '../../src/lib/watch-session.ts';
import { ManualClock } from '../simulator/clock.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { shareUpstreamAnswers } from './shared-answers.ts';

/*
 * Viewers of one bot share answers: an answer up to 2 s old goes to whoever asks the same
 * question, and the live tail's watermark is rounded down to a grid so that they do ask the same
 * (src/event-feed/watermark.ts). Neither may lose an event: an answer shared from another
 * viewer carries its own, older `Date`, so the watermark taken from it is earlier, and rounding
 * only moves `after` earlier too. Whatever the events, commit delays, page sizes and the viewers'
 * poll times, each viewer ends up with every event.
 */

const BOT = 'bot_watermarkGrid001';
const START = Date.UTC(2026, 10, 24, 9, 0, 0);
const UUIDS = ['u0', 'u1', 'u2', 'u3'];
const TYPES = ['join', 'leave', 'speech_start', 'speech_stop'] as const;
/** The overlap is 20 s; commits later than that are outside what the live tail promises. */
const MAX_COMMIT_DELAY_MS = 19_000;

afterEach(() => {
  vi.unstubAllGlobals();
});

const scenario = fc.record({
  events: fc.array(
    fc.record({
      uuid: fc.constantFrom(...UUIDS),
      type: fc.constantFrom(...TYPES),
      createdAtMs: fc.integer({ min: 0, max: 40_000 }),
      commitDelayMs: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_COMMIT_DELAY_MS }) },
      ),
    }),
    { maxLength: 60 },
  ),
  pageSize: fc.integer({ min: 2, max: 25 }),
  /** Each viewer's gaps between polls: close enough that they often share answers. */
  viewers: fc.array(fc.array(fc.integer({ min: 0, max: 6_000 }), { minLength: 1, maxLength: 30 }), {
    minLength: 1,
    maxLength: 4,
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Viewers polling in turn through shared answers; returns the event ids each one received. */
async function watchTogether(run: Scenario) {
  const clock = new ManualClock(START);
  const simulator = new SimulatedAttendee({
    clock,
    pageSize: run.pageSize,
    lateCommitProbability: 0,
  });
  simulator.addBot({ id: BOT, apiKey: 'key' });
  for (const uuid of UUIDS)
    simulator.join(BOT, { uuid, name: uuid }, { createdAtMs: START - 60_000 });
  for (const event of run.events) {
    simulator.emit(BOT, event.uuid, event.type, {
      createdAtMs: START + event.createdAtMs,
      commitDelayMs: event.commitDelayMs,
    });
  }
  const shared = shareUpstreamAnswers((request) => simulator.handle(request), {
    now: () => clock.now(),
  });
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    shared.handle(new Request(new URL(String(input), 'http://localhost:5173'), init)),
  );

  const viewers = await Promise.all(
    run.viewers.map(async (gaps, index) => {
      const session: WatchSession = {
        botId: BOT,
        credential: { kind: 'key', apiKey: 'key' },
        source: 'attendee',
        id: `v${index}`,
      };
      const received = new Set<string>();
      const onPage = (page: EventsPage) => page.events.forEach((event) => received.add(event.id));
      const history = await walkEventsAfter(session, null, onPage);
      const historyStart = { serverDateMs: history.firstServerDateMs, finishedAtMs: clock.now() };
      return {
        tail: createLiveTail(session),
        onPage,
        historyStart,
        received,
        gaps,
        nextAt: START + (gaps[0] ?? 0),
        polls: 0,
      };
    }),
  );
  // The polls of all viewers in time order; the clock moves to each one.
  for (;;) {
    const due = viewers
      .filter((viewer) => viewer.polls < viewer.gaps.length)
      .sort((a, b) => a.nextAt - b.nextAt)[0];
    if (due === undefined) break;
    clock.set(Math.max(clock.now(), due.nextAt));
    await due.tail.poll(due.onPage, due.historyStart);
    due.polls += 1;
    due.nextAt = clock.now() + (due.gaps[due.polls] ?? 0);
  }
  // Long after the last commit, each viewer polls once more and must then have everything.
  clock.advance(40_000 + MAX_COMMIT_DELAY_MS + 5_000);
  for (const viewer of viewers) await viewer.tail.poll(viewer.onPage, viewer.historyStart);
  return { truth: simulator.visibleEvents(BOT).map((event) => event.id), viewers };
}

describe('viewers sharing answers, their watermarks on the grid', () => {
  it('each receive every event', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (run) => {
        const { truth, viewers } = await watchTogether(run);
        expect(truth).toHaveLength(UUIDS.length + run.events.length);
        for (const viewer of viewers)
          expect([...viewer.received].sort()).toEqual([...truth].sort());
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
