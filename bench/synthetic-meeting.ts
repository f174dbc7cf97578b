import { applyEvents, createAttendanceState } from '../src/domain/attendance-state.ts';
import { applyToInsights, createInsightsState } from '../src/domain/insights/insights-state.ts';
import type { ParticipantEvent } from '../src/common/participant-event.ts';

/** One event of a made-up meeting: person N is "Person N", the first two are hosts. */
export function syntheticEvent(
  index: number,
  person: number,
  type: string,
  at: number,
): ParticipantEvent {
  return {
    id: `pe_bench${index}`,
    participant_name: `Person ${person}`,
    participant_uuid: `person-${person}`,
    participant_user_uuid: null,
    participant_is_host: person < 2,
    event_type: type,
    event_data: {},
    timestamp_ms: at,
  };
}

/** The page's state after reading `history` a page of 25 at a time: attendance, then insights. */
export function loadedMeeting(history: readonly ParticipantEvent[]) {
  const attendance = createAttendanceState();
  const insights = createInsightsState();
  for (let offset = 0; offset < history.length; offset += 25) {
    applyToInsights(insights, applyEvents(attendance, history.slice(offset, offset + 25)).added);
  }
  return { attendance, insights };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
