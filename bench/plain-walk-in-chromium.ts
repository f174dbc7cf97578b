import { launchChromium } from '../test/support/chromium.ts';
import type { PlainWindow } from './plain-walk.ts';

/**
 * The plain walks of plain-walk.ts, run by a page in Chromium instead of by Node: the fastest a
 * browser on this machine can read the history, whatever the page does with it. Chromium spends
 * more per request than Node's `fetch` (its network service, the renderer, and on two cores the
 * CPU they take from the server answering), so this sits below the Node ceiling; the page's own
 * overhead is the distance from here.
 *
 * The walker is a string, not a function: what tsx compiles would carry helpers the page lacks.
 */
const WALK_IN_PAGE = `async ({ eventsPath, apiKey, windows }) => {
  const walk = async (window) => {
    const query = new URLSearchParams();
    if (window.afterMs !== null) query.set('after', new Date(window.afterMs).toISOString());
    if (window.beforeMs !== null) query.set('before', new Date(window.beforeMs).toISOString());
    let events = 0;
    for (;;) {
      const response = await fetch(eventsPath + '?' + query.toString(), {
        headers: { Authorization: 'Token ' + apiKey, Accept: 'application/json' },
      });
      if (!response.ok) throw new Error('HTTP ' + response.status + ' from ' + eventsPath);
      const page = await response.json();
      events += page.results.length;
      const cursor = page.next === null ? null : new URL(page.next).searchParams.get('cursor');
      if (cursor === null) return events;
      query.set('cursor', cursor);
    }
  };
  const started = performance.now();
  const counts = await Promise.all(windows.map(walk));
  return { ms: performance.now() - started, events: counts.reduce((sum, n) => sum + n, 0) };
}`;

export interface ChromiumWalker {
  /** Walks `windows` at once from the page; its time in the page's clock, and the events read. */
  walk(windows: readonly PlainWindow[]): Promise<{ ms: number; events: number }>;
  close(): Promise<void>;
}

/** A Chromium page on `origin` (any page of it: the walks are same-origin requests). */
export async function openChromiumWalker(
  origin: string,
  eventsPath: string,
  apiKey: string,
): Promise<ChromiumWalker> {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${origin}/healthz`);
  return {
    walk: (windows) =>
      page.evaluate(`(${WALK_IN_PAGE})(${JSON.stringify({ eventsPath, apiKey, windows })})`),
    close: () => browser.close(),
  };
}
