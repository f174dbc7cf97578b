import type { Fault } from './faults.ts';

/** What the simulator records of each request, for tests that count and time them. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 while in flight, and for a request that got no HTTP answer (dropped or abandoned). */
  status: number;
  /** The fault this request met, if any. */
  fault: Fault['kind'] | null;
  /** `performance.now()` when it arrived and when it was answered (null while in flight). */
  startedAt: number;
  finishedAt: number | null;
  /** The client went away before the answer was ready. */
  abandoned: boolean;
}

/** The most requests matching `filter` that were ever in flight at the same moment. */
export function peakConcurrency(
  requests: readonly LoggedRequest[],
  filter: (request: LoggedRequest) => boolean = () => true,
): number {
  const edges = requests
    .filter(filter)
    .flatMap((request) => [
      { at: request.startedAt, delta: 1 },
      { at: request.finishedAt ?? Number.POSITIVE_INFINITY, delta: -1 },
    ])
    // An answer and a new request at the same instant do not overlap.
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const edge of edges) {
    current += edge.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}

/** A wait that ends early, with a rejection, when the client abandons the request. */
export function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
