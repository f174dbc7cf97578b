import { HISTORY_CONCURRENCY } from './parallel-history';

/**
 * History windows walked at once over a multiplexed connection (HTTP/2 or HTTP/3): no six-request
 * limit there, so the walk is bound by round trips and by the machine's CPU, and more windows
 * measured faster up to the most we allow (docs/performance.md, `backfill_h2_speedup`). The proxy
 * sends each request upstream as it comes, so this is also the most one viewer asks of Attendee
 * at once: the server's stream limit on one connection (MAX_STREAMS_PER_CONNECTION). The bot's
 * polls wait a round trip behind the windows; the push stream opens once they are done.
 */
export const MULTIPLEXED_HISTORY_CONCURRENCY = 24;

/** Windows at once for the protocol the page was served over (`nextHopProtocol`). */
export function historyConcurrencyFor(protocol: string | undefined): number {
  return protocol === 'h2' || protocol === 'h3'
    ? MULTIPLEXED_HISTORY_CONCURRENCY
    : HISTORY_CONCURRENCY;
}

/** The protocol the page itself came over; the API is on the same origin, so it is theirs too. */
export function pageProtocol(): string | undefined {
  // Absent where there is no navigation to time (jsdom, Node).
  if (typeof performance.getEntriesByType !== 'function') return undefined;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.nextHopProtocol;
}
