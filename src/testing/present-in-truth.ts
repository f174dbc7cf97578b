import type { ParticipantEvent } from '../common/participant-event';

/**
 * Who is present, worked out directly from the events, independently of features/attendance:
 * per participant, the latest join or leave by time wins (later in the list on a tie).
 */
export function presentInTruth(events: readonly ParticipantEvent[]): number {
  const latest = new Map<string, ParticipantEvent>();
  for (const event of events) {
    if (event.event_type !== 'join' && event.event_type !== 'leave') continue;
    const previous = latest.get(event.participant_uuid);
    if (!previous || event.timestamp_ms >= previous.timestamp_ms) {
      latest.set(event.participant_uuid, event);
    }
  }
  return [...latest.values()].filter((event) => event.event_type === 'join').length;
}
