import { isAllowedAttendeePath, upstreamKind, type UpstreamKind } from './allowed-paths.ts';

export interface ProxyLogEntry {
  method: string;
  /** Without the query string. */
  path: string;
  status: number;
  ms: number;
  /** Sent to the upstream, rather than answered here (a refused path, a missing key). */
  forwarded: boolean;
  /** Which endpoint, for the metrics: a bounded label, never the bot ID. */
  kind: UpstreamKind;
  /** The id of the request that caused this one, when our server gave it one. */
  requestId: string | null;
}

/**
 * Where our server puts the id of the request a Web Request stands for, so that the upstream's
 * own log line carries it. Never sent upstream: REQUEST_HEADER_ALLOWLIST leaves it out.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

export interface AttendeeProxyOptions {
  /** Fixed at creation: nothing in a request can choose another upstream. */
  upstreamUrl: string;
  fetchImpl?: typeof fetch;
  /** One entry per request, once answered. */
  log?: (entry: ProxyLogEntry) => void;
  timeoutMs?: number;
}

/** Response headers worth passing on; the rest (cookies, encodings, CORS) stay upstream. */
const RESPONSE_HEADER_ALLOWLIST = [
  'content-type',
  'date',
  'retry-after',
  'www-authenticate',
  'cache-control',
];
/** Request headers forwarded; cookies and everything else from the browser stay here. */
const REQUEST_HEADER_ALLOWLIST = ['authorization', 'accept'];
const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_LOGGED_PATH_LENGTH = 200;
/** nginx's status for "the client went away first"; only ever seen in our log. */
const CLIENT_CLOSED_REQUEST = 499;

function localJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

class UpstreamTimeoutError extends Error {}

/** Whether the proxy would ask the upstream for this request, rather than answer it locally. */
export function reachesUpstream(request: Request): boolean {
  return (
    request.method === 'GET' &&
    request.headers.has('Authorization') &&
    isAllowedAttendeePath(new URL(request.url).pathname, new URL(request.url).searchParams)
  );
}

/** Some error text (from a URL, say) could carry the key: never let it reach a log or a body. */
function redact(text: string, authorization: string): string {
  const secrets = [authorization, ...authorization.split(/\s+/).filter((part) => part.length > 3)];
  return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    // Node's messages mostly name the code already ("getaddrinfo ENOTFOUND host"); say it once.
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code} ${cause.message}`
      : cause.message;
  }
  return error.message;
}

/**
 * The same-origin proxy to Attendee: the API sends no CORS headers, so the browser talks to us
 * and we talk to the fixed upstream. Only the read-only GET endpoints pass.
 */
export function createAttendeeProxy(
  options: AttendeeProxyOptions,
): (request: Request) => Promise<Response> {
  const upstreamBase = options.upstreamUrl.replace(/\/+$/, '');
  // Node's fetch (undici) keeps a pool per origin with no cap on its connections, so each request
  // goes upstream the moment it arrives. A page served over HTTP/2 walks 16 history windows at
  // once: Attendee then sees up to 16 requests in flight from that viewer, each on its own
  // HTTP/1.1 connection, reused while busy and closed after a few idle seconds. Viewers of one
  // bot still share identical requests (shared-answers.ts), and the rate limit bounds an address.
  const fetchImpl = options.fetchImpl ?? fetch;
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function forward(request: Request, url: URL): Promise<Response> {
    const authorization = request.headers.get('Authorization') ?? '';
    const headers = new Headers();
    for (const name of REQUEST_HEADER_ALLOWLIST) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const controller = new AbortController();
    // The page gave up (its own timeout, or it went away): stop waiting upstream too, so a slow
    // upstream never collects one abandoned request per retry.
    const onClientGone = () => controller.abort();
    request.signal.addEventListener('abort', onClientGone, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Raced rather than left to the signal alone, so a fetch that ignores it still times out.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new UpstreamTimeoutError());
      }, timeoutMs);
    });
    timeout.catch(() => undefined);
    try {
      const upstream = await Promise.race([
        fetchImpl(`${upstreamBase}${url.pathname}${url.search}`, {
          method: 'GET',
          headers,
          redirect: 'manual',
          signal: controller.signal,
        }),
        timeout,
      ]);
      if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
        void upstream.body?.cancel().catch(() => undefined);
        return localJson(502, { error: 'Upstream answered with a redirect; not followed' });
      }
      const body = await Promise.race([upstream.arrayBuffer(), timeout]);
      const responseHeaders = new Headers();
      for (const name of RESPONSE_HEADER_ALLOWLIST) {
        const value = upstream.headers.get(name);
        if (value !== null) responseHeaders.set(name, value);
      }
      return new Response(body, { status: upstream.status, headers: responseHeaders });
    } catch (error) {
      if (request.signal.aborted) {
        return localJson(CLIENT_CLOSED_REQUEST, { error: 'The client closed the request' });
      }
      if (error instanceof UpstreamTimeoutError || controller.signal.aborted) {
        return localJson(504, { error: `${upstreamBase} did not answer in time` });
      }
      const reason = redact(describeFailure(error), authorization);
      return localJson(502, { error: `Cannot reach ${upstreamBase}: ${reason}` });
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onClientGone);
    }
  }

  async function answer(request: Request, url: URL): Promise<Response> {
    if (!isAllowedAttendeePath(url.pathname, url.searchParams))
      return localJson(404, { error: 'Not found' });
    if (request.method !== 'GET') {
      return localJson(405, { error: 'Method not allowed' }, { Allow: 'GET' });
    }
    if (!request.headers.has('Authorization')) {
      return localJson(
        401,
        { detail: 'Missing Authorization header' },
        { 'WWW-Authenticate': 'Token' },
      );
    }
    return forward(request, url);
  }

  return async (request) => {
    const startedAt = performance.now();
    const url = new URL(request.url);
    const response = await answer(request, url);
    log({
      method: request.method,
      path: url.pathname.slice(0, MAX_LOGGED_PATH_LENGTH),
      status: response.status,
      ms: Math.round(performance.now() - startedAt),
      forwarded: reachesUpstream(request),
      kind: upstreamKind(url.pathname, url.searchParams),
      requestId: request.headers.get(REQUEST_ID_HEADER),
    });
    return response;
  };
}
