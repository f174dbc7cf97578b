import { vi } from 'vitest';
import type { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { DEMO_PATH_PREFIX } from '../common/demo-meeting';

/**
 * Points the page's fetch at the simulator, as our server would: relative URLs resolve against
 * the page's origin, and /demo/api/... is the same simulator without the prefix. Any other path
 * fails the test rather than passing silently.
 */
export function routeFetchToSimulator(
  simulator: InstrumentedAttendee,
  origin = 'http://localhost:5173',
) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.pathname.startsWith(`${DEMO_PATH_PREFIX}/api/`)) {
      url.pathname = url.pathname.slice(DEMO_PATH_PREFIX.length);
    }
    // As our server answers without a webhook secret: no push, the page polls.
    if (url.pathname === '/live') return Promise.reject(new TypeError('network'));
    if (url.pathname !== '/api/v1/bots' && !url.pathname.startsWith('/api/v1/bots/')) {
      throw new Error(`Unexpected request in a test: ${url.pathname}`);
    }
    return simulator.fetch(url, init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
