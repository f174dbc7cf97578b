import { HISTORY_CONCURRENCY } from './parallel-history';

/**
 * History windows walked at once over a multiplexed connection (HTTP/2 or HTTP/3): no six-request
 * limit there, so the walk is bound by round trips and by the page's own work on each page. 24 at
 * once was no faster than 16 in `npm run bench -- backfill-h2` (the page's work caught up with
 * it), and the proxy sends each request upstream as it comes, so this is also what one viewer
 * asks of Attendee at once.
 */
export const MULTIPLEXED_HISTORY_CONCURRENCY = 16;

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
