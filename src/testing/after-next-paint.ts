import { act } from '@testing-library/react';
import { afterNextPaint as runAfterNextPaint } from '../lib/after-next-paint';

/**
 * Resolves once the browser has painted the next frame and the effects queued before it have run.
 * Preact runs effects after the paint (a frame, then a task), so a state set outside an event
 * handler (a granted permission) reaches its effects only then: this waits for that moment, not
 * for a length of time.
 */
export function afterNextPaint(): Promise<void> {
  return act(() => new Promise<void>((resolve) => runAfterNextPaint(resolve)));
}
