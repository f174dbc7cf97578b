import { readingTimeMs, type InsightsState } from './insights-state';
import { isPresent, type ParticipantTrack } from './participant-track';
import type { Person } from './person-presence';

export interface ParticipantRow {
  /** `user:<participant_user_uuid>` or `participant:<participant_uuid>`: stable across polls. */
  key: string;
  name: string | null;
  userUuid: string | null;
  /** Every participant_uuid this person appeared under, sorted. */
  participantUuids: string[];
  /** Host under any of their participant_uuids, as the server says now. */
  isHost: boolean;
  present: boolean;
  firstJoinMs: number;
  /** The end of their last stay; null while present. */
  lastLeaveMs: number | null;
  /** The time covered by their sessions, running while present. */
  timePresentMs: number;
  /** Join→leave sessions over all their participant_uuids: 1 + the rejoins. */
  sessions: number;
  /** speech_start→speech_stop (or → leave, or → the reading time while still speaking). */
  talkTimeMs: number;
  /** The time the running figures above were read at. */
  asOfMs: number;
}

/**
 * One row per person who attended (see person-presence.ts for who is one person), ordered by
 * first join then key so the order is stable from one poll to the next. O(people): the UI
 * decides its own sort.
 */
export function participantRows(insights: InsightsState, nowMs: number): ParticipantRow[] {
  const atMs = readingTimeMs(insights, nowMs);
  const rows: ParticipantRow[] = [];
  for (const person of insights.persons.values()) {
    const row = rowFor(person, atMs);
    if (row !== null) rows.push(row);
  }
  return rows.sort((a, b) => a.firstJoinMs - b.firstJoinMs || compareKeys(a.key, b.key));
}

function rowFor(person: Readonly<Person>, atMs: number): ParticipantRow | null {
  const first = person.union[0];
  const last = person.union[person.union.length - 1];
  if (first === undefined || last === undefined) return null;
  const present = last.endMs === null;
  const named = latestJoined(person.tracks);
  return {
    key: person.key,
    name: named.name,
    userUuid: named.userUuid,
    participantUuids: person.tracks.map((track) => track.uuid).sort(compareKeys),
    isHost: person.tracks.some((track) => track.isHost),
    present,
    firstJoinMs: first.startMs,
    lastLeaveMs: last.endMs,
    timePresentMs: person.closedMs + (present ? atMs - last.startMs : 0),
    sessions: person.sessionCount,
    talkTimeMs: person.tracks.reduce((sum, track) => sum + talkTimeMs(track, atMs), 0),
    asOfMs: atMs,
  };
}

/** Talk of two participant_uuids of one person is summed: the platform rarely hears both. */
function talkTimeMs(track: Readonly<ParticipantTrack>, atMs: number): number {
  const running = track.speakingSinceMs === null ? 0 : atMs - track.speakingSinceMs;
  return track.closedTalkMs + running;
}

/**
 * The name a person goes by: that of the participant_uuid whose last session started latest
 * (their current or most recent appearance), present ones first. Chosen by bot time rather than
 * arrival so that it does not depend on the order polls delivered the events in.
 */
function latestJoined(tracks: readonly Readonly<ParticipantTrack>[]): Readonly<ParticipantTrack> {
  return tracks.reduce((best, track) => (goesBy(track, best) ? track : best));
}

function goesBy(a: Readonly<ParticipantTrack>, b: Readonly<ParticipantTrack>): boolean {
  const presence = Number(isPresent(a)) - Number(isPresent(b));
  if (presence !== 0) return presence > 0;
  const startA = lastStartMs(a);
  const startB = lastStartMs(b);
  if (startA !== startB) return startA > startB;
  return a.uuid > b.uuid;
}

function lastStartMs(track: Readonly<ParticipantTrack>): number {
  return track.sessions[track.sessions.length - 1]?.startMs ?? -Infinity;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
