/**
 * One participant event as the API returns it, after validation at the API boundary
 * (src/attendee-api). See docs/attendee-api.md, "participant_events".
 */
export interface ParticipantEvent {
  id: string;
  participant_name: string | null;
  participant_uuid: string;
  participant_user_uuid: string | null;
  /** The participant's host flag as it is now, not as it was at the event. */
  participant_is_host: boolean;
  /** join, leave, speech_start, speech_stop, update, or a type we do not know yet. */
  event_type: string;
  event_data: Record<string, unknown>;
  /** From the bot's clock, not the server's. */
  timestamp_ms: number;
}

/** An event that failed validation and was set aside, with what was wrong. */
export interface RejectedEvent {
  /** The event's id when it had a readable one. */
  id: string | null;
  reason: string;
}

/** What one page of events brings to the attendance store, whichever loader fetched it. */
export interface EventBatch {
  events: readonly ParticipantEvent[];
  rejected: readonly RejectedEvent[];
}
