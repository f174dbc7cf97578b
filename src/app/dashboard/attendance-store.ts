import type { EventsPage } from '../../features/events/api/get-participant-events-page';
import {
  applyEvents,
  createAttendanceState,
  type AttendanceState,
} from '../../features/attendance/attendance-state';

/**
 * The attendance state of one watched bot, outside React: it is updated in place, batch by batch
 * (see attendance-state.ts), and components re-read it when its version changes.
 */
export interface AttendanceStore {
  readonly state: AttendanceState;
  /** Events that failed validation and were left out, so the page can say so. */
  readonly rejectedEvents: number;
  receivePage(page: EventsPage): void;
  subscribe(listener: () => void): () => void;
  getVersion(): number;
}

export function createAttendanceStore(): AttendanceStore {
  const state = createAttendanceState();
  const listeners = new Set<() => void>();
  // Polls overlap on purpose, so the same unreadable event comes back: count it once.
  const rejectedKeys = new Set<string>();
  let version = 0;
  return {
    state,
    get rejectedEvents() {
      return rejectedKeys.size;
    },
    receivePage(page) {
      const before = state.version;
      const rejectedBefore = rejectedKeys.size;
      applyEvents(state, page.events);
      for (const rejected of page.rejected) rejectedKeys.add(rejected.id ?? rejected.reason);
      if (state.version === before && rejectedKeys.size === rejectedBefore) return;
      version += 1;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => version,
  };
}
