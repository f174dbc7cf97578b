import { isLater, type ReceivedEvent } from '../attendance-state';
import { firstIndexAfter } from '../../lib/sorted-search';

/** A span of time on the bot clock; `endMs` is null while it is still going on. */
export interface Interval {
  startMs: number;
  endMs: number | null;
}

/**
 * What one participant_uuid did, in bot time: their presence sessions and their talk time.
 *
 * Presence follows the rule of attendance-state.ts (the latest join or leave by timestamp, seq
 * breaking ties, decides), walked through in order so that it also yields intervals: a join
 * while absent opens a session, a leave while present closes it. A leave with no session open
 * (leave before join, or a second leave) and a join while present (a duplicate join) change
 * nothing. The walk ends present exactly when the latest join/leave is a join, as in
 * attendance-state.ts, but a session starts at the FIRST of repeated joins, where the roster's
 * "joined at" shows the latest.
 *
 * Talk time counts from speech_start to speech_stop or to the leave, and only while present:
 * speech from someone the bot does not see in the meeting is not counted, which keeps talk time
 * within time present. A second speech_start while speaking does not restart the clock.
 */
export interface ParticipantTrack {
  readonly uuid: string;
  /** Identity as in attendance-state.ts: the newest response wins (the server updates rows). */
  userUuid: string | null;
  name: string | null;
  isHost: boolean;
  /** This participant's join, leave and speech events, sorted by (timestamp_ms, seq). */
  readonly events: ReceivedEvent[];
  /**
   * The joins and leaves among them, in the same order: presence at any past moment is one
   * binary search here (state-at-moment.ts), however much the participant spoke.
   */
  readonly presenceEvents: ReceivedEvent[];
  /** Sessions in time order; they never overlap and only the last may be open. */
  sessions: Interval[];
  closedTalkMs: number;
  speakingSinceMs: number | null;
}

/** What one step of the walk did to presence, so the person level can follow cheaply. */
export type PresenceStep = 'opened' | 'closed' | null;

export function createTrack(uuid: string): ParticipantTrack {
  return {
    uuid,
    userUuid: null,
    name: null,
    isHost: false,
    events: [],
    presenceEvents: [],
    sessions: [],
    closedTalkMs: 0,
    speakingSinceMs: null,
  };
}

export function isTrackedEventType(eventType: string): boolean {
  return (
    eventType === 'join' ||
    eventType === 'leave' ||
    eventType === 'speech_start' ||
    eventType === 'speech_stop'
  );
}

export function isPresent(track: ParticipantTrack): boolean {
  const last = track.sessions[track.sessions.length - 1];
  return last !== undefined && last.endMs === null;
}

/**
 * Adds one event. In the common case it is the participant's newest and costs O(1): one more
 * step of the walk, reported so the caller can follow incrementally. A late event (older than
 * one already applied for this participant) is inserted in order and the participant's walk is
 * redone from their own events only; the result is `'replayed'` and the caller must recompute.
 */
export function addToTrack(
  track: ParticipantTrack,
  received: ReceivedEvent,
): PresenceStep | 'replayed' {
  const type = received.event.event_type;
  if (type === 'join' || type === 'leave') insertInOrder(track.presenceEvents, received);
  const newest = track.events[track.events.length - 1];
  if (newest === undefined || isLater(received, newest)) {
    track.events.push(received);
    return step(track, received);
  }
  insertInOrder(track.events, received);
  replay(track);
  return 'replayed';
}

/** A push for the newest event (the live case), else a binary search and a splice. */
function insertInOrder(events: ReceivedEvent[], received: ReceivedEvent): void {
  const newest = events[events.length - 1];
  if (newest === undefined || isLater(received, newest)) events.push(received);
  else events.splice(insertionIndex(events, received), 0, received);
}

function replay(track: ParticipantTrack): void {
  track.sessions = [];
  track.closedTalkMs = 0;
  track.speakingSinceMs = null;
  for (const received of track.events) step(track, received);
}

function step(track: ParticipantTrack, received: ReceivedEvent): PresenceStep {
  const atMs = received.event.timestamp_ms;
  const present = isPresent(track);
  switch (received.event.event_type) {
    case 'join':
      if (present) return null;
      track.sessions.push({ startMs: atMs, endMs: null });
      return 'opened';
    case 'leave': {
      const open = track.sessions[track.sessions.length - 1];
      if (!present || open === undefined) return null;
      open.endMs = atMs;
      stopTalking(track, atMs);
      return 'closed';
    }
    case 'speech_start':
      if (present && track.speakingSinceMs === null) track.speakingSinceMs = atMs;
      return null;
    case 'speech_stop':
      stopTalking(track, atMs);
      return null;
    default:
      return null;
  }
}

function stopTalking(track: ParticipantTrack, atMs: number): void {
  if (track.speakingSinceMs === null) return;
  track.closedTalkMs += atMs - track.speakingSinceMs;
  track.speakingSinceMs = null;
}

/** The first position whose event is later than `received`, by (timestamp_ms, seq). */
function insertionIndex(events: readonly ReceivedEvent[], received: ReceivedEvent): number {
  return firstIndexAfter(events, (event) => isLater(event, received));
}
