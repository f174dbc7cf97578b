import { useEffect, useState } from 'react';

export interface RowWindow {
  /** Attach to the scrolling element. */
  setScroller: (element: HTMLElement | null) => void;
  /** The rows to render: from `first` up to, not including, `last`. */
  first: number;
  last: number;
  totalHeight: number;
}

const FALLBACK_VIEWPORT_PX = 640;

/**
 * Which rows of a long list of equal-height rows are on screen. Rows of one height make this
 * arithmetic: no per-row measurements, so a list of 200,000 rows costs the same to update as one
 * of 20 (a general virtualiser re-measures every row each time the count changes).
 */
export function useFixedRowWindow(count: number, rowHeight: number, overscan = 8): RowWindow {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: FALLBACK_VIEWPORT_PX });

  useEffect(() => {
    if (!element) return;
    const update = () => {
      const top = element.scrollTop;
      const height = element.clientHeight || FALLBACK_VIEWPORT_PX;
      setViewport((previous) =>
        previous.top === top && previous.height === height ? previous : { top, height },
      );
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resizes?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resizes?.disconnect();
    };
  }, [element]);

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  return {
    setScroller: setElement,
    first,
    last: Math.max(first, last),
    totalHeight: count * rowHeight,
  };
}
