import { ApiError } from './api-error';
import { authorizationOf, type Credential, type WatchSession } from '../lib/watch-session';
import { DEMO_PATH_PREFIX } from '../common/demo-meeting';

export const REQUEST_TIMEOUT_MS = 15_000;

export interface AttendeeResponse {
  body: unknown;
  /** The server's clock from the `Date` header, in ms; null when absent or unreadable. */
  serverDateMs: number | null;
}

/** The same-origin path for a bot resource; the server decides where it really goes. */
export function botPath(session: Pick<WatchSession, 'botId' | 'source'>, resource = ''): string {
  const prefix = session.source === 'demo' ? DEMO_PATH_PREFIX : '';
  return `${prefix}/api/v1/bots/${encodeURIComponent(session.botId)}${resource}`;
}

export interface RequestOptions {
  /**
   * Not an answer our server kept for others, and none kept from this one (`Cache-Control:
   * no-store`, server/proxy/shared-answers.ts): for a question asked off the shared ticks.
   */
  fresh?: boolean;
}

/**
 * One GET against our proxy, with a timeout, turned into a parsed body or a typed ApiError.
 * This is the only place in the page that calls the proxy (features/share posts to /share).
 */
export async function requestAttendee(
  session: Pick<WatchSession, 'credential'>,
  path: string,
  signal?: AbortSignal,
  { fresh = false }: RequestOptions = {},
): Promise<AttendeeResponse> {
  const { credential } = session;
  // The page's clock passed the link's expiry: the server would refuse it (by its own clock),
  // so say so now rather than ask, and whatever is shown stays.
  if (credential.kind === 'share' && Date.now() >= credential.expiresAtMs) {
    throw new ApiError('share-expired', 'This shared link has expired.');
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
  const onAbort = () => timeout.abort();
  signal?.addEventListener('abort', onAbort);
  let response: Response;
  try {
    response = await fetch(path, {
      headers: {
        Authorization: authorizationOf(credential),
        Accept: 'application/json',
        ...(fresh ? { 'Cache-Control': 'no-store' } : {}),
      },
      signal: timeout.signal,
      credentials: 'omit',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.signal.aborted) {
      throw new ApiError('timeout', `No answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    }
    throw new ApiError('network', 'The network request failed.');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const serverDateMs = readDateHeader(response.headers.get('Date'));
  const body = await readJsonBody(response);
  if (body.kind === 'unreadable') {
    // The connection broke while the body was arriving: a network fault like any other.
    throw new ApiError('network', 'The response was cut off.', { status: response.status });
  }
  if (!response.ok) throw errorFromResponse(response, body.value, credential);
  if (body.kind === 'not-json') {
    if (isLabelledJson(response) && !body.looksLikeMarkup) {
      // The API only ever sends valid JSON as JSON: a body that does not parse was cut short or
      // mangled on the way, so asking again is the cure. An HTML page (a login portal, say) is
      // another system answering (whatever its Content-Type says), and retrying would hide that.
      throw new ApiError('network', 'The response arrived garbled (not valid JSON).', {
        status: response.status,
      });
    }
    throw new ApiError('malformed', 'The response is not JSON.', { status: response.status });
  }
  return { body: body.value, serverDateMs };
}

type JsonBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'not-json'; value: undefined; looksLikeMarkup: boolean }
  | { kind: 'unreadable'; value: undefined };

function isLabelledJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim());
}

function readDateHeader(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Not JSON: an HTML error page from a proxy in between, say. */
async function readJsonBody(response: Response): Promise<JsonBody> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { kind: 'unreadable', value: undefined };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json', value: undefined, looksLikeMarkup: /^\s*</.test(text) };
  }
}

function serverMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const field of ['detail', 'error', 'message']) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

function retryAfterMsOf(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/** Our server's word on a share token it refused (server/share/share-access.ts). */
function shareRefusalOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { share?: unknown }).share : null;
}

function errorFromResponse(response: Response, body: unknown, credential: Credential): ApiError {
  const status = response.status;
  const serverMessage = serverMessageOf(body);
  const options = { status, serverMessage, retryAfterMs: retryAfterMsOf(response) };
  if (credential.kind === 'share' && (status === 401 || status === 403)) {
    const refusal = shareRefusalOf(body);
    if (refusal === 'expired') return new ApiError('share-expired', 'Link expired', options);
    if (refusal === 'invalid') return new ApiError('share-invalid', 'Link not valid', options);
    if (refusal === 'out-of-scope') {
      return new ApiError('share-out-of-scope', 'Not in this link', options);
    }
    // Our server let the token through and Attendee refused the key sealed inside it.
    if (status === 401)
      return new ApiError('share-revoked', 'Key behind the link revoked', options);
  }
  if (status === 401 || status === 403) {
    return new ApiError('unauthorized', 'API key rejected', options);
  }
  if (status === 404) return new ApiError('bot-not-found', 'Bot not found', options);
  if (status === 429) {
    const wait =
      options.retryAfterMs === null ? '' : ` for ${Math.ceil(options.retryAfterMs / 1000)} s`;
    return new ApiError('rate-limited', `The server asked us to wait${wait} (HTTP 429).`, options);
  }
  if (status >= 500) {
    const reason = serverMessage ?? response.statusText;
    return new ApiError('server', `Server error ${status}${reason ? `: ${reason}` : ''}.`, options);
  }
  return new ApiError('bad-request', `HTTP ${status}`, options);
}
