import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { afterEach, vi } from 'vitest';
import { ManualClock } from '../../server/simulator/clock';
import { SimulatedAttendee } from '../../server/simulator/simulated-attendee';
import type { WatchSession } from '../lib/watch-session';
import {
  applyEvents,
  createAttendanceState,
  snapshotParticipant,
  type AttendanceState,
} from '../domain/attendance-state';
import type { EventsPage } from '../attendee-api/get-participant-events-page';
import { createLiveTail, type HistoryStart } from './live-tail';
import { loadHistory } from './parallel-history';
import { walkEventsAfter } from './walk-events';

/*
 * Whatever way the API delivers a set of events (any page size, so any page boundaries; history
 * walked one page at a time or in parallel windows; polls at any interval, overlapping on purpose;
 * a poll failing part-way and retried from the same watermark, so pages come twice; events that
 * commit up to 19 s late; a bot clock up to a minute off either way; time passing between the
 * pages of one walk), the attendance the page derives equals the attendance derived from the
 * whole set at once, in the server's order.
 *
 * Timestamps are kept distinct per event: when two events of one person share a millisecond, the
 * order they arrived in decides (attendance-state.ts), and arrival order is exactly what differs
 * between deliveries. That case has its own property in attendance-state.property.test.ts.
 */

const BOT = 'bot_deliveryProperty1';
const START = Date.UTC(2026, 10, 24, 9, 0, 0);
const session: WatchSession = {
  botId: BOT,
  credential: { kind: 'key', apiKey: 'key' },
  source: 'attendee',
  id: 'p',
};
const UUIDS = ['u0', 'u1', 'u2', 'u3', 'u4'];
const TYPES = ['join', 'join', 'leave', 'speech_start', 'speech_stop', 'raised_hand'] as const;
/** The live tail's overlap is 20 s; commits later than that are outside what it promises. */
const MAX_COMMIT_DELAY_MS = 19_000;

afterEach(() => {
  vi.unstubAllGlobals();
});

const eventSpec = fc.record({
  uuid: fc.constantFrom(...UUIDS),
  type: fc.constantFrom(...TYPES),
  // Coarse steps make created_at ties (and so ties across page boundaries) common.
  createdAtStep: fc.integer({ min: -40, max: 120 }),
  commitDelayMs: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_COMMIT_DELAY_MS }) },
  ),
  jitterMs: fc.integer({ min: -3_000, max: 3_000 }),
});

const scenario = fc.record({
  events: fc.array(eventSpec, { maxLength: 80 }),
  pageSize: fc.integer({ min: 1, max: 30 }),
  botClockSkewMs: fc.integer({ min: -60_000, max: 60_000 }),
  history: fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'walk' as const }) },
    // Twice as often: windows, and splits of them, have more ways to go wrong.
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('parallel' as const),
        concurrency: fc.integer({ min: 1, max: 6 }),
        pagesPerWindow: fc.integer({ min: 1, max: 3 }),
        // Few windows leave workers free from the start, to split windows far from done.
        maxWindows: fc.integer({ min: 2, max: 24 }),
        // Watch at once, or after the meeting: then every event is there before the load begins.
        waitMs: fc.constantFrom(0, 200_000),
        /**
         * What the loader is told each time it asks which window to split: nothing now, or the
         * n-th running window at the created_at of some event (or just before it), if that is
         * before the window's end; the loader must be right wherever that is: ahead of what the
         * window has read, behind it, before its start. Once the list runs out, nothing.
         */
        splits: fc.array(
          fc.option(fc.record({ walk: fc.nat(), event: fc.nat(), before: fc.boolean() })),
          { maxLength: 20 },
        ),
        /**
         * The meeting's span as the bot's description gives it, in steps of 500 ms from the
         * meeting's start, right or wrong: the windows are planned from it, with no first page.
         */
        meetingSpan: fc.option(
          fc.record({
            fromStep: fc.integer({ min: -1_300, max: 400 }),
            lengthMs: fc.integer({ min: 0, max: 800_000 }),
          }),
        ),
      }),
    },
  ),
  pollGapsMs: fc.array(fc.integer({ min: 200, max: 15_000 }), { minLength: 1, maxLength: 40 }),
  /** Time passing on the server between two requests of the same walk. */
  requestStepMs: fc.integer({ min: 0, max: 1_500 }),
  /**
   * How many turns of the event loop each history request's answer waits, request by request:
   * answers to windows walked at once come back in any order, so a split's first page may come
   * before or after the pages that reach it.
   */
  answerTurns: fc.array(fc.nat({ max: 4 }), { maxLength: 60 }),
  /** Requests (by number, live tail only) that fail with a 503 and are retried. */
  failingRequests: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 8 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function timestampsDistinct(specs: Scenario['events'], skewMs: number): number[] {
  const used = new Set<number>();
  return specs.map((spec) => {
    let timestamp = START + spec.createdAtStep * 500 + skewMs + spec.jitterMs;
    while (used.has(timestamp)) timestamp += 1;
    used.add(timestamp);
    return timestamp;
  });
}

function setUp(run: Scenario) {
  const clock = new ManualClock(START);
  const simulator = new SimulatedAttendee({
    clock,
    pageSize: run.pageSize,
    lateCommitProbability: 0,
  });
  simulator.addBot({ id: BOT, apiKey: 'key' });
  const timestamps = timestampsDistinct(run.events, run.botClockSkewMs);
  // Everyone is in the meeting before the page starts; what follows can be anything.
  for (const uuid of UUIDS) {
    simulator.join(BOT, { uuid, name: `Person ${uuid}` }, { createdAtMs: START - 600_000 });
  }
  run.events.forEach((spec, index) => {
    simulator.emit(BOT, spec.uuid, spec.type, {
      createdAtMs: START + spec.createdAtStep * 500,
      commitDelayMs: spec.commitDelayMs,
      timestampMs: timestamps[index] as number,
    });
  });
  return { clock, simulator };
}

function routeFetch(clock: ManualClock, simulator: SimulatedAttendee, run: Scenario) {
  let liveRequests = -1;
  let historyRequests = 0;
  const failing = new Set(run.failingRequests);
  const state = { live: false };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    clock.advance(run.requestStepMs);
    if (!state.live) {
      const turns = run.answerTurns[historyRequests++ % Math.max(1, run.answerTurns.length)] ?? 0;
      for (let turn = 0; turn < turns; turn += 1) await new Promise((wake) => setTimeout(wake, 0));
    }
    if (state.live) {
      liveRequests += 1;
      if (failing.has(liveRequests)) {
        return new Response('{"detail":"Service unavailable"}', {
          status: 503,
          headers: {
            'Content-Type': 'application/json',
            Date: new Date(clock.now()).toUTCString(),
          },
        });
      }
    }
    return simulator.fetch(new URL(String(input), 'http://localhost:5173'), init);
  });
  return state;
}

async function deliver(
  run: Scenario,
): Promise<{ delivered: AttendanceState; truth: AttendanceState }> {
  const { clock, simulator } = setUp(run);
  const fetchState = routeFetch(clock, simulator, run);
  const delivered = createAttendanceState();
  const onPage = (page: EventsPage) => {
    applyEvents(delivered, page.events);
  };

  let historyStart: HistoryStart;
  if (run.history.kind === 'walk') {
    const walk = await walkEventsAfter(session, null, onPage);
    historyStart = { serverDateMs: walk.firstServerDateMs, finishedAtMs: clock.now() };
  } else {
    clock.advance(run.history.waitMs);
    const visibleAtStart = simulator.visibleEvents(BOT).map((event) => event.id);
    const createdAt = [
      START - 600_000,
      ...run.events.map((spec) => START + spec.createdAtStep * 500),
    ];
    const splits = run.history.splits.values();
    const span = run.history.meetingSpan;
    const firstSeen = new Set<string>();
    historyStart = await loadHistory({
      queryClient: new QueryClient(),
      session,
      onPage: (page) => {
        page.events.forEach((event) => firstSeen.add(event.id));
        onPage(page);
      },
      concurrency: run.history.concurrency,
      pagesPerWindow: run.history.pagesPerWindow,
      maxWindows: run.history.maxWindows,
      ...(span && {
        meetingSpan: async () => {
          // The description is a request like any other: the server's clock moves on, and its
          // Date says the second.
          clock.advance(run.requestStepMs);
          const fromMs = START + span.fromStep * 500;
          const serverDateMs = Math.floor(clock.now() / 1000) * 1000;
          return { fromMs, toMs: fromMs + span.lengthMs, serverDateMs };
        },
      }),
      chooseSplit: (walks) => {
        const split = splits.next().value;
        const walk = split && walks[split.walk % walks.length];
        if (!split || !walk) return null;
        const atMs = createdAt[split.event % createdAt.length]! - Number(split.before);
        return { walk: split.walk % walks.length, atMs: Math.min(atMs, walk.endMs - 1) };
      },
    });
    // Every event there when the load began is handed on, first in the server's order, as a
    // sequential walk gives it, however the windows were split.
    expect([...firstSeen].filter((id) => visibleAtStart.includes(id))).toEqual(visibleAtStart);
  }

  fetchState.live = true;
  const tail = createLiveTail(session);
  const poll = async () => {
    // A failed poll is retried from the same watermark, as the live-tail query does.
    for (;;) {
      try {
        return await tail.poll(onPage, historyStart);
      } catch {
        // Retry.
      }
    }
  };
  for (const gap of run.pollGapsMs) {
    clock.advance(gap);
    await poll();
  }
  // Long after the last event committed: one more poll must bring in whatever is left.
  clock.advance(120_000 + MAX_COMMIT_DELAY_MS);
  await poll();

  const truth = createAttendanceState();
  applyEvents(truth, simulator.visibleEvents(BOT));
  expect(simulator.visibleEvents(BOT)).toHaveLength(countEvents(run));
  return { delivered, truth };
}

function countEvents(run: Scenario): number {
  return UUIDS.length + run.events.length;
}

function describeState(state: AttendanceState) {
  return {
    events: state.eventsById.size,
    participants: [...state.participants.values()]
      .map((record) => ({ ...snapshotParticipant(record), firstSeenSeq: undefined }))
      .sort((a, b) => a.uuid.localeCompare(b.uuid)),
    timeline: state.timeline.map(({ event }) => event.id),
  };
}

describe('attendance, however the API delivers the events', () => {
  it('equals the attendance of the whole set taken in order', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (run) => {
        const { delivered, truth } = await deliver(run);
        expect(describeState(delivered)).toEqual(describeState(truth));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
