import type { ParticipantEvent } from '../../lib/participant-event';

/** Test events: only what a test cares about is spelled out. */
export function makeEvent(
  id: string,
  participantUuid: string,
  eventType: string,
  timestampMs: number,
  overrides: Partial<ParticipantEvent> = {},
): ParticipantEvent {
  return {
    id,
    participant_name: `Participant ${participantUuid}`,
    participant_uuid: participantUuid,
    participant_user_uuid: null,
    participant_is_host: false,
    event_type: eventType,
    event_data: {},
    timestamp_ms: timestampMs,
    ...overrides,
  };
}
