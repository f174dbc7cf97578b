import { ApiError, isTransientError } from './api-error';

const MAX_BACKOFF_MS = 30_000;

/**
 * A dashboard left open for hours meets every fault there is; transient ones (5xx, network,
 * timeout, 429) are retried forever with backoff, the rest (bad key, unknown bot, bad request,
 * unreadable response) stop at once so the page can say why.
 */
export function shouldRetry(_failureCount: number, error: unknown): boolean {
  return isTransientError(error);
}

export function retryDelayMs(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) {
    return Math.min(Math.max(error.retryAfterMs, 1000), 10 * 60_000);
  }
  const exponential = Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS);
  // Jitter so that many open dashboards do not hammer a recovering server in step.
  return exponential / 2 + Math.random() * (exponential / 2);
}
