import type { ParticipantEvent } from '../common/participant-event';
import { isSpeechEvent } from './describe-event';
import { firstIndexAfter } from '../lib/sorted-search';
import { takeIdentityFrom } from './participant-identity';

/**
 * The attendance of one meeting, built from participant events as they arrive.
 *
 * Events come in batches (history pages, then a poll every few seconds), may repeat (polls overlap
 * on purpose so that late database commits are not missed) and may arrive out of `timestamp_ms`
 * order. See docs/attendee-api.md, "participant_events".
 *
 * The state is mutable and updated in place by `applyEvents`: a long meeting holds hundreds of
 * thousands of events, and copying those arrays and maps on every poll would make each poll cost
 * as much as the whole history. Applying a batch costs time in proportion to the batch (plus
 * binary searches). `version` changes whenever anything visible changed, so callers can memoise on
 * it; every read function is pure over the state.
 */

export interface ReceivedEvent {
  event: ParticipantEvent;
  /** Arrival order of distinct events (0, 1, 2, ...): the server's order, used to break ties. */
  seq: number;
}

export interface ParticipantState {
  uuid: string;
  userUuid: string | null;
  name: string | null;
  isHost: boolean;
  present: boolean;
  /** timestamp_ms of the join that made them present now; null when not present. */
  joinedAtMs: number | null;
  /** A speech_start with no later speech_stop; false once they leave. */
  speaking: boolean;
  firstSeenSeq: number;
}

/** What applyEvents keeps per participant: the latest events that decide presence and speech. */
export interface ParticipantRecord extends ParticipantState {
  latestJoinOrLeave: ReceivedEvent | null;
  latestLeave: ReceivedEvent | null;
  latestSpeech: ReceivedEvent | null;
}

export interface AttendanceState {
  readonly version: number;
  readonly eventsById: ReadonlyMap<string, ReceivedEvent>;
  readonly participants: ReadonlyMap<string, Readonly<ParticipantRecord>>;
  readonly present: ReadonlySet<Readonly<ParticipantRecord>>;
  /** All distinct events, oldest first by (timestamp_ms, seq). */
  readonly timeline: readonly ReceivedEvent[];
  /** The same without speech events, so the "speech hidden" view indexes in O(1) too. */
  readonly timelineWithoutSpeech: readonly ReceivedEvent[];
}

/** The one place allowed to mutate: applyEvents. Readers get the readonly view above. */
interface MutableAttendanceState {
  version: number;
  eventsById: Map<string, ReceivedEvent>;
  participants: Map<string, ParticipantRecord>;
  present: Set<ParticipantRecord>;
  timeline: ReceivedEvent[];
  timelineWithoutSpeech: ReceivedEvent[];
}

export interface AppliedBatch {
  /** The events seen for the first time, in arrival order. */
  added: ReceivedEvent[];
  /** Events in the batch whose id was already known (from earlier batches or earlier in this one). */
  duplicates: number;
  /** Participants whose name or host flag a repeated event changed (the row changed in place). */
  reidentified: Readonly<ParticipantRecord>[];
}

export function createAttendanceState(): AttendanceState {
  const state: MutableAttendanceState = {
    version: 0,
    eventsById: new Map(),
    participants: new Map(),
    present: new Set(),
    timeline: [],
    timelineWithoutSpeech: [],
  };
  return state;
}

export function applyEvents(
  state: AttendanceState,
  events: readonly ParticipantEvent[],
): AppliedBatch {
  const mutable = state as MutableAttendanceState;
  const added: ReceivedEvent[] = [];
  const reidentified = new Set<ParticipantRecord>();
  let duplicates = 0;
  let changed = false;

  for (const event of events) {
    if (mutable.eventsById.has(event.id)) {
      duplicates += 1;
      // A repeated event may carry a newer host flag or name (the row changed in place).
      const record = mutable.participants.get(event.participant_uuid);
      if (record !== undefined && takeIdentityFrom(record, event)) {
        reidentified.add(record);
        changed = true;
      }
      continue;
    }

    const received: ReceivedEvent = { event, seq: mutable.eventsById.size };
    mutable.eventsById.set(event.id, received);
    added.push(received);
    changed = true;

    insertInTimeOrder(mutable.timeline, received);
    if (!isSpeechEvent(event.event_type))
      insertInTimeOrder(mutable.timelineWithoutSpeech, received);

    const record = recordFor(mutable, received);
    takeIdentityFrom(record, event);
    updateLatest(record, received);
    refreshDerived(mutable, record);
  }

  if (changed) mutable.version += 1;
  return { added, duplicates, reidentified: [...reidentified] };
}

/**
 * Host changes are not events: the server updates the participant row in place
 * (docs/attendee-api.md, "Fields"), so a host made mid-meeting shows in no event until that
 * participant's next one. `hostUuids` is who is host now, from the participants list; every known
 * participant's flag follows it. Returns the participants whose flag changed.
 */
export function applyCurrentHosts(
  state: AttendanceState,
  hostUuids: ReadonlySet<string>,
): Readonly<ParticipantRecord>[] {
  const mutable = state as MutableAttendanceState;
  const changed: ParticipantRecord[] = [];
  for (const record of mutable.participants.values()) {
    const isHost = hostUuids.has(record.uuid);
    if (record.isHost === isHost) continue;
    record.isHost = isHost;
    changed.push(record);
  }
  if (changed.length > 0) mutable.version += 1;
  return changed;
}

export function eventCount(state: AttendanceState): number {
  return state.eventsById.size;
}

/** A copy of a participant's public fields, so later batches never change what a caller holds. */
export function snapshotParticipant(record: Readonly<ParticipantRecord>): ParticipantState {
  return {
    uuid: record.uuid,
    userUuid: record.userUuid,
    name: record.name,
    isHost: record.isHost,
    present: record.present,
    joinedAtMs: record.joinedAtMs,
    speaking: record.speaking,
    firstSeenSeq: record.firstSeenSeq,
  };
}

/** True when a is later than b: by timestamp_ms, then by arrival (the server's order). */
export function isLater(a: ReceivedEvent, b: ReceivedEvent): boolean {
  const ta = a.event.timestamp_ms;
  const tb = b.event.timestamp_ms;
  return ta > tb || (ta === tb && a.seq > b.seq);
}

function recordFor(state: MutableAttendanceState, received: ReceivedEvent): ParticipantRecord {
  const uuid = received.event.participant_uuid;
  const existing = state.participants.get(uuid);
  if (existing !== undefined) return existing;
  const record: ParticipantRecord = {
    uuid,
    userUuid: null,
    name: null,
    isHost: false,
    present: false,
    joinedAtMs: null,
    speaking: false,
    firstSeenSeq: received.seq,
    latestJoinOrLeave: null,
    latestLeave: null,
    latestSpeech: null,
  };
  state.participants.set(uuid, record);
  return record;
}

function updateLatest(record: ParticipantRecord, received: ReceivedEvent): void {
  const type = received.event.event_type;
  const isNewest = (current: ReceivedEvent | null) =>
    current === null || isLater(received, current);
  if (type === 'join' || type === 'leave') {
    if (isNewest(record.latestJoinOrLeave)) record.latestJoinOrLeave = received;
    if (type === 'leave' && isNewest(record.latestLeave)) record.latestLeave = received;
  } else if (isSpeechEvent(type)) {
    if (isNewest(record.latestSpeech)) record.latestSpeech = received;
  }
}

function refreshDerived(state: MutableAttendanceState, record: ParticipantRecord): void {
  const presence = record.latestJoinOrLeave;
  const present = presence !== null && presence.event.event_type === 'join';
  const speech = record.latestSpeech;
  const leave = record.latestLeave;

  record.present = present;
  record.joinedAtMs = present ? presence.event.timestamp_ms : null;
  // A leave ends speaking, and a rejoin does not bring back speech from before that leave.
  record.speaking =
    present &&
    speech !== null &&
    speech.event.event_type === 'speech_start' &&
    (leave === null || isLater(speech, leave));

  if (present) state.present.add(record);
  else state.present.delete(record);
}

/**
 * Keeps `timeline` sorted by (timestamp_ms, seq). The new event has the highest seq so far, so it
 * goes after every event with the same or an earlier timestamp. The common case (newest event)
 * is a push; a late commit with an older timestamp is a binary search and a splice.
 */
function insertInTimeOrder(timeline: ReceivedEvent[], received: ReceivedEvent): void {
  const timestamp = received.event.timestamp_ms;
  const last = timeline[timeline.length - 1];
  if (last === undefined || last.event.timestamp_ms <= timestamp) {
    timeline.push(received);
    return;
  }
  const position = firstIndexAfter(timeline, (entry) => entry.event.timestamp_ms > timestamp);
  timeline.splice(position, 0, received);
}
