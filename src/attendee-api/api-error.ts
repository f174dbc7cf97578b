/**
 * Every way a request to the Attendee API can fail, as the page needs to explain it.
 * Messages never contain the API key: nothing here ever sees request headers.
 */
export type ApiErrorKind =
  | 'unauthorized'
  | 'bot-not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'share-expired'
  | 'share-invalid'
  | 'share-revoked'
  | 'share-out-of-scope';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  /** The server's own words (`detail` or `error` in the body), when it gave any. */
  readonly serverMessage: string | null;
  /** From a `Retry-After` header, for 429 and 503. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: {
      status?: number | null;
      serverMessage?: string | null;
      retryAfterMs?: number | null;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.serverMessage = options.serverMessage ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** Worth retrying with backoff: the same request may well succeed later. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.kind === 'server' ||
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'rate-limited'
  );
}

/** A refused key, an unknown bot or a bad request: asking again will not change the answer. */
export function isRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.kind === 'unauthorized' ||
      error.kind === 'bot-not-found' ||
      error.kind === 'bad-request' ||
      error.kind.startsWith('share-'))
  );
}

export interface ErrorExplanation {
  title: string;
  detail: string | null;
}

export function explainError(error: unknown): ErrorExplanation {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: error instanceof Error ? error.message : null };
  }
  switch (error.kind) {
    case 'unauthorized':
      return { title: 'API key rejected', detail: error.serverMessage };
    case 'bot-not-found':
      return { title: 'Bot not found for this API key', detail: error.serverMessage };
    case 'bad-request':
      return { title: error.serverMessage ?? 'The server refused the request', detail: null };
    case 'rate-limited':
      return { title: 'Reconnecting…', detail: error.message };
    case 'server':
    case 'network':
    case 'timeout':
      return { title: 'Reconnecting…', detail: error.message };
    case 'malformed':
      return { title: 'The server sent a response we could not read', detail: error.message };
    case 'share-expired':
      return {
        title: 'This shared link has expired',
        detail: 'Ask whoever shared it for a new link.',
      };
    case 'share-invalid':
      return {
        title: 'This shared link is not valid',
        detail: 'It was changed or cut short on the way: copy the whole link again.',
      };
    case 'share-revoked':
      return {
        title: 'The key behind this link was revoked',
        detail: 'Attendee no longer accepts it: ask whoever shared it for a new link.',
      };
    case 'share-out-of-scope':
      return { title: 'This shared link does not open that', detail: null };
  }
}
