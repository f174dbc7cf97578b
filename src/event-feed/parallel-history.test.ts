import { QueryClient } from '@tanstack/react-query';
import { afterEach, vi } from 'vitest';
import { ManualClock } from '../../server/simulator/clock';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import type { WatchSession } from '../lib/watch-session';
import { applyEvents, createAttendanceState } from '../domain/attendance-state';
import { presentParticipants } from '../domain/roster';
import type { EventsPage } from '../attendee-api/get-participant-events-page';
import { planHistoryWindows } from './history-windows';
import { loadHistory, type HistoryLoadOptions } from './parallel-history';
import { readMeetingSpan } from './meeting-span';
import { botDescriptionQueryOptions } from '../attendee-api/get-bot';

const BOT = 'bot_parallelHistory1';
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const START = NOW - 2 * 3_600_000;
const WINDOW_OPTIONS = { maxWindows: 8, pagesPerWindow: 2 };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A two-hour meeting whose events tie in time, plus events exactly on every window edge. */
function meetingWithTiesAndEdges() {
  const clock = new ManualClock(NOW);
  const simulator = new InstrumentedAttendee({ clock, botClockSkewMs: 0, latencyMs: 2 });
  // The bot joined as the meeting began: its description says so.
  simulator.addBot({ id: BOT, apiKey: 'key', joinedAtMs: START - 120_000 });
  const at = (ms: number) => ({ createdAtMs: ms, timestampMs: ms });
  for (let person = 0; person < 40; person += 1) {
    simulator.join(BOT, { uuid: `p${person}`, name: `Person ${person}` }, at(START - 60_000));
  }
  for (let second = 0; second < 500; second += 1) {
    const ms = START + second * 14_000;
    // Three events in the same millisecond, by server insert time and by bot time.
    simulator.join(BOT, { uuid: `p${second % 40}`, name: `Person ${second % 40}` }, at(ms));
    simulator.leave(BOT, `p${(second + 7) % 40}`, at(ms));
    simulator.speechStart(BOT, `p${second % 40}`, at(ms));
  }
  const firstPage = simulator.visibleEvents(BOT).slice(0, 25);
  const windows = planHistoryWindows(
    {
      firstEventMs: firstPage[0]!.timestamp_ms,
      lastEventMs: firstPage.at(-1)!.timestamp_ms,
      serverNowMs: NOW,
    },
    WINDOW_OPTIONS,
  );
  expect(windows.length).toBe(8);
  for (const window of windows) {
    for (const edge of [window.afterMs, window.beforeMs]) {
      if (edge !== null)
        simulator.join(BOT, { uuid: `edge${edge}`, name: 'On the edge' }, at(edge));
    }
  }
  return simulator;
}

async function load(
  simulator: InstrumentedAttendee,
  concurrency: number,
  chooseSplit?: HistoryLoadOptions['chooseSplit'],
  fromBotDescription = false,
) {
  const session: WatchSession = {
    botId: BOT,
    credential: { kind: 'key', apiKey: 'key' },
    source: 'attendee',
    id: `c${concurrency}`,
  };
  const delivered: string[] = [];
  const state = createAttendanceState();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  simulator.clearRequests();
  // The dashboard asks for the bot's state as the load begins: the loader reads that answer.
  if (fromBotDescription) void queryClient.prefetchQuery(botDescriptionQueryOptions(session));
  await loadHistory({
    queryClient,
    session,
    concurrency,
    ...WINDOW_OPTIONS,
    chooseSplit,
    ...(fromBotDescription && {
      meetingSpan: (signal) => readMeetingSpan(queryClient, session, signal),
    }),
    onPage: (page: EventsPage) => {
      applyEvents(state, page.events);
      delivered.push(...page.events.map((event) => event.id));
    },
  });
  const firstSeen = [...new Set(delivered)];
  const pages = simulator.requests.filter((request) =>
    request.path.endsWith('/participant_events'),
  );
  const firstAnswerAt = Math.min(...pages.map((request) => request.finishedAt!));
  return {
    firstSeen,
    state,
    requests: pages.length,
    /** History requests sent before the first of them was answered. */
    sentAtOnce: pages.filter((request) => request.startedAt < firstAnswerAt).length,
  };
}

describe('loading the history in parallel', () => {
  it('gives the same events, in the same order, as a sequential walk', async () => {
    const simulator = meetingWithTiesAndEdges();
    routeFetchToSimulator(simulator);
    const truth = simulator.visibleEvents(BOT).map((event) => event.id);

    const sequential = await load(simulator, 1);
    const parallel = await load(simulator, 6);

    expect(sequential.firstSeen).toEqual(truth);
    expect(parallel.firstSeen).toEqual(truth);
    expect(presentParticipants(parallel.state)).toEqual(presentParticipants(sequential.state));
    // 1,554 events are 63 pages; overlapping windows add at most a page each.
    expect(sequential.requests).toBe(63);
    expect(parallel.requests).toBeLessThanOrEqual(63 + 1 + 8);
  });

  it('splits windows while they run and still gives the sequential walk, with little read twice', async () => {
    const simulator = meetingWithTiesAndEdges();
    routeFetchToSimulator(simulator);
    const truth = simulator.visibleEvents(BOT).map((event) => event.id);
    const splitAt: number[] = [];
    // Every window that has read a page is split halfway through what it has left, again and
    // again, on ties and window edges alike.
    const parallel = await load(simulator, 6, (walks) => {
      const index = walks.findIndex((walk) => walk.events > 0 && walk.endMs - walk.reachedMs > 2);
      const walk = walks[index];
      if (!walk || splitAt.length >= 20) return null;
      splitAt.push(Math.floor((walk.reachedMs + walk.endMs) / 2));
      return { walk: index, atMs: splitAt.at(-1)! };
    });
    expect(splitAt.length).toBeGreaterThanOrEqual(5);
    expect(parallel.firstSeen).toEqual(truth);
    // A split costs its first page again at most (the window reads on to the page that holds it).
    expect(parallel.requests).toBeLessThanOrEqual(63 + 1 + 8 + 20);
  });

  it('starts every window at once from the bot’s description, with no page read alone first', async () => {
    const simulator = meetingWithTiesAndEdges();
    routeFetchToSimulator(simulator);
    const truth = simulator.visibleEvents(BOT).map((event) => event.id);

    const fromFirstPage = await load(simulator, 6);
    const fromDescription = await load(simulator, 6, undefined, true);

    expect(fromFirstPage.sentAtOnce).toBe(1);
    expect(fromDescription.sentAtOnce).toBe(6);
    expect(fromDescription.firstSeen).toEqual(truth);
  });

  it('plans from a first page when the bot’s description fails', async () => {
    const simulator = meetingWithTiesAndEdges();
    routeFetchToSimulator(simulator);
    const truth = simulator.visibleEvents(BOT).map((event) => event.id);
    simulator.faults.failNext(1, { kind: 'status', status: 503 }, 'bot');

    const loaded = await load(simulator, 6, undefined, true);

    expect(loaded.sentAtOnce).toBe(1);
    expect(loaded.firstSeen).toEqual(truth);
  });

  it('never has more than six requests in flight', async () => {
    const simulator = meetingWithTiesAndEdges();
    const route = routeFetchToSimulator(simulator);
    const routed = route.getMockImplementation()!;
    let inFlight = 0;
    let mostInFlight = 0;
    route.mockImplementation(async (input, init) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await routed(input, init);
      } finally {
        inFlight -= 1;
      }
    });
    await load(simulator, 6);
    expect(mostInFlight).toBe(6);
  });
});

describe('a failure on the first history page', () => {
  it('is retried, and the history then loads whole', async () => {
    const simulator = meetingWithTiesAndEdges();
    const route = routeFetchToSimulator(simulator);
    const routed = route.getMockImplementation()!;
    route.mockImplementationOnce(async () => new Response('{"detail":"down"}', { status: 503 }));
    route.mockImplementation(routed);
    const failures: unknown[] = [];
    const delivered = new Set<string>();
    await loadHistory({
      queryClient: new QueryClient(),
      session: {
        botId: BOT,
        credential: { kind: 'key', apiKey: 'key' },
        source: 'attendee',
        id: 'retry',
      },
      onPage: (page) => page.events.forEach((event) => delivered.add(event.id)),
      onProgress: (progress) => failures.push(progress.retryingAfter),
    });
    expect(delivered.size).toBe(simulator.visibleEvents(BOT).length);
    expect(failures.some((failure) => failure !== null)).toBe(true);
  });
});
