import type { ReceivedEvent } from '../attendance-state';
import {
  addToTrack,
  createTrack,
  isTrackedEventType,
  type ParticipantTrack,
} from './participant-track';
import {
  createPerson,
  followStep,
  personKeyOf,
  recomputePerson,
  type Person,
  type PresenceTotals,
} from './person-presence';
import { createPresenceChanges, settle, type PresenceChanges } from './presence-changes';
import { takeIdentityFrom } from '../participant-identity';

/**
 * What the "Attendance insights" figures are derived from, kept up to date batch by batch.
 *
 * Fed with `applyEvents(...).added` from attendance-state.ts: distinct events with the seq that
 * breaks timestamp ties. Like that state it is mutable and updated in place, and `version`
 * changes with every batch that added something, so callers can memoise reads on it.
 *
 * Cost: an event that is the newest for its participant (the live case) is O(1) plus, when it
 * opens or closes a session, one change point (see presence-changes.ts). A late event costs its
 * participant's own events (they are walked again), its person's sessions, and, once per batch,
 * the presence change points from its time on; never the whole event history. Figures that keep running (time present, an unmatched speech_start, meeting time so
 * far) are stored as "closed so far" plus "open since", and finished at read time with `nowMs`,
 * so a clock tick re-derives nothing.
 */
export interface InsightsState {
  readonly version: number;
  readonly tracks: ReadonlyMap<string, Readonly<ParticipantTrack>>;
  readonly persons: ReadonlyMap<string, Readonly<Person>>;
  readonly changes: Readonly<PresenceChanges>;
  readonly totals: Readonly<PresenceTotals>;
  /** The earliest and latest timestamp_ms of any event, whatever its type. */
  readonly firstEventMs: number | null;
  readonly latestEventMs: number | null;
}

interface MutableInsightsState {
  version: number;
  tracks: Map<string, ParticipantTrack>;
  persons: Map<string, Person>;
  changes: PresenceChanges;
  totals: PresenceTotals;
  firstEventMs: number | null;
  latestEventMs: number | null;
}

export function createInsightsState(): InsightsState {
  const state: MutableInsightsState = {
    version: 0,
    tracks: new Map(),
    persons: new Map(),
    changes: createPresenceChanges(),
    totals: { baseMs: 0, closedMs: 0, openCount: 0, openSinceSumMs: 0, attendedCount: 0 },
    firstEventMs: null,
    latestEventMs: null,
  };
  return state;
}

export function applyToInsights(insights: InsightsState, added: readonly ReceivedEvent[]): void {
  const state = insights as MutableInsightsState;
  // People touched by anything but the O(1) path; recomputed once each, after the whole batch.
  const stale = new Set<Person>();

  for (const received of added) {
    const event = received.event;
    extendMeetingSpan(state, event.timestamp_ms);
    const known = state.tracks.get(event.participant_uuid);
    const track = known ?? createTrack(event.participant_uuid);
    state.tracks.set(track.uuid, track);
    const keyBefore = known === undefined ? null : personKeyOf(known);
    takeIdentityFrom(track, event);
    const person = personFor(state, track);
    if (keyBefore !== null && keyBefore !== person.key) {
      leavePerson(state, track, keyBefore, stale);
      stale.add(person);
    }

    if (!isTrackedEventType(event.event_type)) continue;
    const step = addToTrack(track, received);
    if (step === null) continue;
    if (step !== 'replayed' && person.tracks.length === 1 && !stale.has(person)) {
      followStep(person, step, event.timestamp_ms, state.totals, state.changes);
    } else {
      stale.add(person);
    }
  }

  for (const person of stale) {
    recomputePerson(person, state.totals, state.changes);
    if (person.tracks.length === 0) state.persons.delete(person.key);
  }
  settle(state.changes);
  if (added.length > 0) state.version += 1;
}

/**
 * Name and host flag changes that came without a new event (a repeated event, or the current hosts
 * list): the roster took them, and the table follows. Neither moves anyone's presence.
 */
export function followIdentities(
  insights: InsightsState,
  participants: Iterable<Readonly<{ uuid: string; name: string | null; isHost: boolean }>>,
): void {
  const state = insights as MutableInsightsState;
  let changed = false;
  for (const participant of participants) {
    const track = state.tracks.get(participant.uuid);
    if (track === undefined) continue;
    track.name = participant.name;
    track.isHost = participant.isHost;
    changed = true;
  }
  if (changed) state.version += 1;
}

/**
 * The time running figures are read at: `nowMs`, but never before the newest event. `nowMs`
 * comes from the browser's clock and events from the bot's (docs/attendee-api.md,
 * "Fields"); a running figure must not go backwards past what the bot already reported.
 */
export function readingTimeMs(insights: InsightsState, nowMs: number): number {
  return Math.max(nowMs, insights.latestEventMs ?? nowMs);
}

function extendMeetingSpan(state: MutableInsightsState, timestampMs: number): void {
  if (state.firstEventMs === null) {
    // Nothing is open yet, so the reference for the open-interval sum can still be chosen.
    state.totals.baseMs = timestampMs;
    state.firstEventMs = timestampMs;
    state.latestEventMs = timestampMs;
    return;
  }
  state.firstEventMs = Math.min(state.firstEventMs, timestampMs);
  state.latestEventMs = Math.max(state.latestEventMs ?? timestampMs, timestampMs);
}

/** The person the track belongs to under its current identity, created (and joined) if new. */
function personFor(state: MutableInsightsState, track: ParticipantTrack): Person {
  const key = personKeyOf(track);
  let person = state.persons.get(key);
  if (person === undefined) {
    person = createPerson(key);
    state.persons.set(key, person);
  }
  if (!person.tracks.includes(track)) person.tracks.push(track);
  return person;
}

/** A participant's user_uuid changed (or first arrived): their previous person loses them. */
function leavePerson(
  state: MutableInsightsState,
  track: ParticipantTrack,
  keyBefore: string,
  stale: Set<Person>,
): void {
  const previous = state.persons.get(keyBefore);
  if (previous === undefined) return;
  previous.tracks.splice(previous.tracks.indexOf(track), 1);
  stale.add(previous);
}
