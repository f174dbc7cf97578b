import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  // A test that faked the clock and failed before putting it back must not leave it faked for
  // the next file in this worker.
  vi.useRealTimers();
});

// jsdom does no layout, so a virtualised list would measure its scroll box as 0 × 0 and render
// no rows. Give the scroll boxes that ask for it the size a laptop window would. (Server tests
// run in the node environment with this same setup file: there is no DOM to patch there.)
if (typeof HTMLElement !== 'undefined') {
  const viewportSize = { clientHeight: 640, clientWidth: 800 } as const;
  for (const [property, size] of Object.entries(viewportSize)) {
    const original = Object.getOwnPropertyDescriptor(Element.prototype, property);
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.hasAttribute('data-virtual-scroll')) return size;
        return (original?.get?.call(this) as number | undefined) ?? 0;
      },
    });
  }
}
