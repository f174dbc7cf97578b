import { afterNextPaint } from './after-next-paint';

/**
 * Runs `task` when the page is next idle (within `timeoutMs` at the latest), or after the next
 * paint where the browser has no requestIdleCallback (Safari). Returns a function that cancels it.
 * For work nobody sees in the page itself, such as the tab's title: setting it costs the page
 * milliseconds here, and on a busy page that is best spent after the frame and what follows it.
 */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback !== 'function') return afterNextPaint(task);
  const handle = requestIdleCallback(task, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
