import type { ParticipantEvent } from '../common/participant-event';

/** Who a participant is, as the newest response about them says. */
export interface ParticipantIdentity {
  name: string | null;
  isHost: boolean;
  userUuid: string | null;
}

/**
 * The server updates a participant's row in place, so every event about them carries their
 * name and host flag as they are now (docs/attendee-api.md, "Fields"): the newest response
 * wins, whatever the event's timestamp. Says whether anything changed.
 */
export function takeIdentityFrom(record: ParticipantIdentity, event: ParticipantEvent): boolean {
  const changed =
    record.name !== event.participant_name ||
    record.isHost !== event.participant_is_host ||
    record.userUuid !== event.participant_user_uuid;
  record.name = event.participant_name;
  record.isHost = event.participant_is_host;
  record.userUuid = event.participant_user_uuid;
  return changed;
}
