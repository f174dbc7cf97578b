import type { ParticipantEvent } from '../../common/participant-event';
import { csvSeconds, csvTime, toCsv } from './csv';
import type { ParticipantRow } from './participant-rows';

const participantsHeader = [
  'name',
  'host',
  'present',
  'first_join',
  'last_leave',
  'time_present_seconds',
  'sessions',
  'talk_time_seconds',
  'participant_user_uuid',
  'participant_uuids',
  'as_of',
];

/**
 * The participants table as CSV. Each row's running figures were read at its `asOfMs`, written
 * in the last column: a file exported during a meeting says when its durations were measured.
 */
export function participantsCsv(rows: readonly ParticipantRow[]): string {
  return toCsv(
    participantsHeader,
    rows.map((row) => [
      row.name,
      row.isHost ? 'yes' : 'no',
      row.present ? 'yes' : 'no',
      csvTime(row.firstJoinMs),
      csvTime(row.lastLeaveMs),
      csvSeconds(row.timePresentMs),
      row.sessions,
      csvSeconds(row.talkTimeMs),
      row.userUuid,
      // Space-separated: uuids hold no spaces, and one cell keeps one row per person.
      row.participantUuids.join(' '),
      csvTime(row.asOfMs),
    ]),
  );
}

const eventsHeader = [
  'id',
  'time',
  'timestamp_ms',
  'event_type',
  'participant_name',
  'participant_uuid',
  'participant_user_uuid',
  'participant_is_host',
  'event_data',
];

/** The raw events, one per row, in the order given; `time` is `timestamp_ms` made readable. */
export function eventsCsv(events: readonly ParticipantEvent[]): string {
  return toCsv(
    eventsHeader,
    events.map((event) => [
      event.id,
      csvTime(event.timestamp_ms),
      event.timestamp_ms,
      event.event_type,
      event.participant_name,
      event.participant_uuid,
      event.participant_user_uuid,
      event.participant_is_host ? 'true' : 'false',
      JSON.stringify(event.event_data),
    ]),
  );
}

/** The raw events exactly as the API returned them (after validation), as a JSON array. */
export function eventsJson(events: readonly ParticipantEvent[]): string {
  return JSON.stringify(events, null, 2);
}
