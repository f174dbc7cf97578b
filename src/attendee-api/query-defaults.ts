import type { DefaultOptions } from '@tanstack/react-query';
import { retryDelayMs, shouldRetry } from './retry-policy';

/**
 * Every query's defaults, set once on the app's QueryClient (src/app/query-client.ts) and on the
 * clients tests build: transient faults retried with backoff for as long as the page is open
 * (retry-policy.ts), and no refetch on focus, since each query keeps its own schedule (the
 * bot's shared ticks). A query that needs otherwise says so beside its options.
 */
export const queryDefaults = {
  retry: shouldRetry,
  retryDelay: retryDelayMs,
  refetchOnWindowFocus: false,
} satisfies DefaultOptions['queries'];
