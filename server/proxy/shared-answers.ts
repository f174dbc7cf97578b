import { createHash } from 'node:crypto';
import { reachesUpstream } from './attendee-proxy.ts';

type Handler = (request: Request) => Promise<Response>;

/** The longest a successful answer is handed to identical requests that come after it. */
export const DEFAULT_REUSE_MS = 2_000;
/** A bound on what is kept at once; past it, answers are shared in flight but not kept. */
const MAX_KEPT_ANSWERS = 2_000;
/** nginx's status for "the client went away first"; only ever seen in our log. */
const CLIENT_CLOSED_REQUEST = 499;

/** A request that would reach the upstream: sent there, or given an answer fetched for another. */
export type SharedOutcome = 'fetched' | 'served';

export interface SharedAnswersOptions {
  reuseMs?: number;
  now?: () => number;
  /** Each request that would reach the upstream and was not refused, for the metrics. */
  onOutcome?: (outcome: SharedOutcome) => void;
}

/**
 * Asked only when a request would go upstream, neither answered locally nor shared: a Response
 * refuses it (a rate limit's 429, say), null lets it through.
 */
export type Admission = () => Promise<Response | null>;

export interface SharedAnswers {
  handle(request: Request, admit?: Admission): Promise<Response>;
}

interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

interface Flight {
  answer: Promise<StoredAnswer>;
  /** Clients still waiting; when the last one goes away, so does the upstream request. */
  waiters: number;
  controller: AbortController;
}

/**
 * `Cache-Control: no-store` on a request, as HTTP means it: no stored answer for it, and none of
 * its answer kept. The page sends it for a poll off the shared ticks (its first, as soon as the
 * history is in, or one caught up late), whose answer would otherwise serve the next tick stale.
 */
function forbidsStorage(request: Request): boolean {
  const directives = (request.headers.get('Cache-Control') ?? '').toLowerCase().split(',');
  return directives.some((directive) => directive.trim() === 'no-store');
}

/**
 * Identical requests share one answer: same path and query, same Accept, and the same
 * Authorization, compared by its SHA-256 so no key is kept in clear. A request never gets an
 * answer fetched with another key. Only a 200 is kept for later requests (for `reuseMs`); a
 * 401, 404 or error reaches only the requests that were waiting for it with the same key. A
 * request with `Cache-Control: no-store` may join a request in flight (its answer is as fresh as
 * its own would be) but neither takes a kept answer nor leaves one when it starts the flight.
 */
export function shareUpstreamAnswers(
  handler: Handler,
  options: SharedAnswersOptions = {},
): SharedAnswers {
  const reuseMs = options.reuseMs ?? DEFAULT_REUSE_MS;
  const now = options.now ?? (() => performance.now());
  const onOutcome = options.onOutcome ?? (() => undefined);
  const inFlight = new Map<string, Flight>();
  /** Keys whose first request is being admitted: the same question waits for the verdict. */
  const admitting = new Map<string, Promise<unknown>>();
  // Insertion order is expiry order: every answer is kept for the same time.
  const kept = new Map<string, { answer: StoredAnswer; until: number }>();

  function sharingKey(request: Request): string {
    const url = new URL(request.url);
    const credential = createHash('sha256')
      .update(request.headers.get('Authorization') ?? '')
      .digest('base64url');
    return JSON.stringify([credential, request.headers.get('Accept'), url.pathname + url.search]);
  }

  function keptAnswer(key: string): StoredAnswer | null {
    const entry = kept.get(key);
    if (entry === undefined) return null;
    if (entry.until > now()) return entry.answer;
    kept.delete(key);
    return null;
  }

  function keep(key: string, answer: StoredAnswer): void {
    const at = now();
    for (const [oldKey, entry] of kept) {
      if (entry.until > at) break;
      kept.delete(oldKey);
    }
    if (kept.size >= MAX_KEPT_ANSWERS) return;
    kept.delete(key);
    kept.set(key, { answer, until: at + reuseMs });
  }

  function startFlight(key: string, request: Request, keepAnswer: boolean): Flight {
    const controller = new AbortController();
    // Sent with a signal of its own: the first client going away must not fail the others.
    const upstreamRequest = new Request(request.url, {
      method: 'GET',
      headers: request.headers,
      signal: controller.signal,
    });
    const answer = handler(upstreamRequest).then(async (response) => {
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      return { status: response.status, headers, body: await response.arrayBuffer() };
    });
    const flight: Flight = { answer, waiters: 0, controller };
    inFlight.set(key, flight);
    answer
      .then((stored) => {
        if (keepAnswer && stored.status === 200 && isWholeJson(stored.body)) keep(key, stored);
      })
      .catch(() => undefined)
      .finally(() => inFlight.delete(key));
    return flight;
  }

  function waitFor(flight: Flight, signal: AbortSignal): Promise<Response> {
    if (signal.aborted) return Promise.resolve(clientClosed());
    flight.waiters += 1;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0) flight.controller.abort(new Error('Every client went away'));
        resolve(clientClosed());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.answer.then(
        (stored) => {
          signal.removeEventListener('abort', onAbort);
          resolve(toResponse(stored));
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  return {
    async handle(request, admit) {
      if (!reachesUpstream(request)) return handler(request);
      const key = sharingKey(request);
      const storable = !forbidsStorage(request);
      // From here to a flight started or joined, nothing waits but the admission.
      for (;;) {
        const stored = storable ? keptAnswer(key) : null;
        if (stored !== null) {
          onOutcome('served');
          return toResponse(stored);
        }
        const flight = inFlight.get(key);
        if (flight !== undefined) {
          onOutcome('served');
          return waitFor(flight, request.signal);
        }
        const verdict = admitting.get(key);
        if (verdict === undefined) break;
        // Admitted, it becomes a flight to join; refused, the next in line asks for itself.
        await verdict.catch(() => undefined);
      }
      if (admit !== undefined) {
        const verdict = admit();
        admitting.set(key, verdict);
        try {
          const refusal = await verdict;
          if (refusal !== null) return refusal;
        } finally {
          admitting.delete(key);
        }
      }
      onOutcome('fetched');
      return waitFor(startFlight(key, request, storable), request.signal);
    },
  };
}

function toResponse(stored: StoredAnswer): Response {
  // The body is copied into each Response, so no client can disturb another's.
  return new Response(stored.body, { status: stored.status, headers: stored.headers });
}

function clientClosed(): Response {
  return new Response(JSON.stringify({ error: 'The client closed the request' }), {
    status: CLIENT_CLOSED_REQUEST,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

/**
 * A 200 cut short on the way (a dropped connection, a proxy in between) is not kept for others:
 * the page retries it, and a retry within the reuse time must reach the upstream, not the same
 * broken body. Attendee's answers are small JSON pages, so reading one through is cheap.
 */
function isWholeJson(body: ArrayBuffer): boolean {
  try {
    JSON.parse(new TextDecoder().decode(body));
    return true;
  } catch {
    return false;
  }
}
