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
