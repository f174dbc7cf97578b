import { useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint';

/**
 * `value`, but only once the frame that shows the current render has been painted. For panels
 * whose update is costly (they re-read every participant): the cheap, urgent parts of the page
 * paint first, and the costly ones follow in the next task. `useDeferredValue` is not enough
 * here: React starts the deferred render before the browser gets to paint.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => afterNextPaint(() => setPainted(value)), [value]);
  return painted;
}
