import { launchChromium } from '../test/support/chromium.ts';
import { walkPlainly, type PlainWindow } from './plain-walk.ts';

/**
 * The plain walks of plain-walk.ts, run by a page in Chromium instead of by Node: the fastest a
 * browser on this machine can read the history, whatever the page does with it. Chromium spends
 * more per request than Node's `fetch` (its network service, the renderer, and on two cores the
 * CPU they take from the server answering), so this sits below the Node ceiling; the page's own
 * overhead is the distance from here.
 *
 * The page runs walkPlainly from its source, so both clients walk alike. That source must stay
 * self-contained: a helper of its module, or a nested named function (which tsx compiles to a
 * call of its own `__name`), would be missing in the page.
 */
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
  const walkArgs = [origin, eventsPath, apiKey].map((arg) => JSON.stringify(arg)).join(', ');
  return {
    walk: (windows) =>
      page.evaluate(`(async () => {
        const walkPlainly = ${walkPlainly.toString()};
        const started = performance.now();
        const walks = await Promise.all(
          ${JSON.stringify(windows)}.map((window) => walkPlainly(${walkArgs}, window)),
        );
        const events = walks.reduce((sum, walk) => sum + walk.events, 0);
        return { ms: performance.now() - started, events };
      })()`),
    close: () => browser.close(),
  };
}
