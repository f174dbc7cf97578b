import { QueryClient } from '@tanstack/react-query';
import { startSimulatorServer } from '../server/simulator-server.ts';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { loadHistory } from '../src/event-feed/parallel-history.ts';
import type { WatchSession } from '../src/lib/watch-session.ts';
import { populateMeeting } from './populate-meeting.ts';

const BOT = 'bot_benchBackfill001';

export interface BackfillFigures {
  sequentialMs: number;
  parallelMs: number;
  events: number;
  sequentialRequests: number;
  parallelRequests: number;
}

/**
 * The page's own history loader, run in Node against the simulator over real HTTP with a fixed
 * latency per request: once one page at a time, once with windows in parallel.
 */
export async function measureBackfill(events: number, latencyMs: number): Promise<BackfillFigures> {
  const simulator = new SimulatedAttendee({
    latencyMs,
    lateCommitProbability: 0,
    maxStoredEvents: events * 2,
  });
  simulator.addBot({ id: BOT, apiKey: 'bench' });
  populateMeeting(simulator, BOT, {
    people: 400,
    events,
    durationMs: 2 * 3_600_000,
    nowMs: Date.now(),
  });
  const server = await startSimulatorServer(simulator);
  const realFetch = globalThis.fetch;
  // The page asks its own origin with relative URLs; here that origin is the simulator.
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), server.url), init);
  try {
    const run = async (concurrency: number) => {
      const session: WatchSession = {
        botId: BOT,
        apiKey: 'bench',
        source: 'attendee',
        id: `c${concurrency}`,
      };
      const seen = new Set<string>();
      simulator.clearRequests();
      const started = performance.now();
      await loadHistory({
        queryClient: new QueryClient(),
        session,
        concurrency,
        onPage: (page) => page.events.forEach((event) => seen.add(event.id)),
      });
      const ms = performance.now() - started;
      if (seen.size !== events) throw new Error(`loaded ${seen.size} of ${events} events`);
      return { ms, requests: simulator.requests.length };
    };
    const sequential = await run(1);
    const parallel = await run(6);
    return {
      sequentialMs: sequential.ms,
      parallelMs: parallel.ms,
      events,
      sequentialRequests: sequential.requests,
      parallelRequests: parallel.requests,
    };
  } finally {
    globalThis.fetch = realFetch;
    await server.close();
  }
}
