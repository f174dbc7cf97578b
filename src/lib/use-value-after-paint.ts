import { useEffect, useState } from 'react';

/**
 * `value`, but only once the frame that shows the current render has been painted. For panels
 * whose update is costly (they re-read every participant): the cheap, urgent parts of the page
 * paint first, and the costly ones follow in the next task. `useDeferredValue` is not enough
 * here: React starts the deferred render before the browser gets to paint.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return painted;
}
