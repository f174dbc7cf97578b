import type { AttendanceState } from './attendance-state';

export interface HistorySoFar {
  /** Participants seen in the events loaded so far: they were in the meeting at some point. */
  participantsSeen: number;
  /** The bot's time of the newest event loaded so far; null before any. */
  eventsThroughMs: number | null;
}

/**
 * What a history loaded oldest first already says for certain. Who is present now is not in it:
 * a leave may be in the part still loading.
 */
export function historySoFar(state: AttendanceState): HistorySoFar {
  return {
    participantsSeen: state.participants.size,
    eventsThroughMs: state.timeline.at(-1)?.event.timestamp_ms ?? null,
  };
}
