import type { ParticipantEvent } from '../common/participant-event';

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

/** Cuts `items` into batches of the given sizes, the rest in one last batch. */
export function splitIntoBatches<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const batches: T[][] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= items.length) break;
    batches.push(items.slice(start, start + size));
    start += size;
  }
  if (start < items.length) batches.push(items.slice(start));
  return batches;
}
