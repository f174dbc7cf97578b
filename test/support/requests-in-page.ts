import type { Page } from 'playwright-core';

interface RequestCount {
  started: number;
  inFlight: number;
}

/** Runs in the page before its own scripts: counts the `fetch`es whose URL contains `part`. */
function countRequests(part: string) {
  const requests = { started: 0, inFlight: 0 };
  Object.defineProperty(window, '__countedRequests', { get: () => ({ ...requests }) });
  const originalFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(part)) return originalFetch(input, init);
    requests.started += 1;
    requests.inFlight += 1;
    const answer = originalFetch(input, init);
    const settled = () => (requests.inFlight -= 1);
    answer.then(settled, settled);
    return answer;
  };
}

/**
 * Counts, in the page, the requests it starts whose URL contains `part`, and those still in
 * flight, from each navigation on. Read after the page's clock has run its timers, the count says
 * what those timers asked for, without waiting in real time for requests that might still be on
 * their way to the server. The script stays with the page: use it on a page of the file's own
 * (`pageClock`), never the worker's shared page.
 */
export async function countRequestsInPage(page: Page, part: string) {
  await page.addInitScript(countRequests, part);
  const read = () =>
    page.evaluate(
      () => (window as unknown as { __countedRequests: RequestCount }).__countedRequests,
    );
  return {
    started: async () => (await read()).started,
    /** Until every counted request has been answered or has failed. */
    untilNoneInFlight: () => expect.poll(async () => (await read()).inFlight).toBe(0),
  };
}
