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

/** Answers `request` with `answer`, recording it in `log` from arrival to answer. */
export async function recordRequest(
  log: LoggedRequest[],
  request: Request,
  fault: Fault | null,
  answer: () => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url);
  const entry: LoggedRequest = {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    fault: fault?.kind ?? null,
    startedAt: performance.now(),
    finishedAt: null,
    abandoned: false,
  };
  log.push(entry);
  try {
    const response = await answer();
    entry.status = response.status;
    return response;
  } catch (error) {
    entry.abandoned = request.signal.aborted;
    throw error;
  } finally {
    entry.finishedAt = performance.now();
  }
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
