import type { ParticipantEvent } from '../../lib/participant-event';
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
  apply(events: readonly ParticipantEvent[]): void;
  subscribe(listener: () => void): () => void;
  getVersion(): number;
}

export function createAttendanceStore(): AttendanceStore {
  const state = createAttendanceState();
  const listeners = new Set<() => void>();
  return {
    state,
    apply(events) {
      const before = state.version;
      applyEvents(state, events);
      if (state.version !== before) for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => state.version,
  };
}
