import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

/**
 * The run's one Chromium (started by build-once.ts), for a browser test file. Starting a Chromium
 * per file cost about a second of CPU each; contexts still keep each test's pages apart, and
 * closing the connection closes every context the file opened.
 */
export function connectToChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}
