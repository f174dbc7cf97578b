import type { Interval, ParticipantTrack, PresenceStep } from './participant-track';
import { recordChange, type PresenceChanges } from './presence-changes';

/**
 * One person: every participant_uuid that shares a participant_user_uuid, or a participant_uuid
 * alone when the platform gives no user_uuid. Some platforms bring a rejoining participant back
 * under a new participant_uuid (docs/attendee-api.md, "Where events come from").
 *
 * A person's presence is the union of their participants' sessions, so two devices (or an old
 * session the platform has not yet timed out while the new one joined) never count twice, in
 * the headcount or in time present. Sessions merge only when they overlap; two that merely touch
 * (a leave and a rejoin in the same millisecond) stay apart, exactly as one participant's own
 * sessions do, so a person with one participant always has that participant's sessions as union.
 */
export interface Person {
  readonly key: string;
  readonly tracks: ParticipantTrack[];
  /** Sorted by start; no two overlap; only the last may be open. */
  union: Interval[];
  /** The sum of the closed union intervals. */
  closedMs: number;
  sessionCount: number;
}

/**
 * Meeting-wide sums kept so summary figures are O(1) at any `nowMs`. Open intervals are stored
 * relative to `baseMs` (the first timestamp ever applied): a raw sum of thousands of epoch
 * milliseconds would pass 2^53 and stop being exact.
 */
export interface PresenceTotals {
  baseMs: number;
  closedMs: number;
  openCount: number;
  openSinceSumMs: number;
  /** People with at least one session. */
  attendedCount: number;
}

export function personKeyOf(track: ParticipantTrack): string {
  // Prefixed so that a user_uuid never collides with some participant_uuid spelled the same.
  return track.userUuid === null ? `participant:${track.uuid}` : `user:${track.userUuid}`;
}

export function createPerson(key: string): Person {
  return { key, tracks: [], union: [], closedMs: 0, sessionCount: 0 };
}

/**
 * The O(1) path: a person with one participant whose newest event opened or closed a session.
 * Their union is that participant's sessions, so it changes the same way.
 */
export function followStep(
  person: Person,
  step: Exclude<PresenceStep, null>,
  atMs: number,
  totals: PresenceTotals,
  changes: PresenceChanges,
): void {
  if (step === 'opened') {
    person.union.push({ startMs: atMs, endMs: null });
    if (person.sessionCount === 0) totals.attendedCount += 1;
    person.sessionCount += 1;
    totals.openCount += 1;
    totals.openSinceSumMs += atMs - totals.baseMs;
    recordChange(changes, atMs, 'join', 1);
    return;
  }
  const open = person.union[person.union.length - 1];
  if (open === undefined || open.endMs !== null) return;
  open.endMs = atMs;
  person.closedMs += atMs - open.startMs;
  totals.closedMs += atMs - open.startMs;
  totals.openCount -= 1;
  totals.openSinceSumMs -= open.startMs - totals.baseMs;
  recordChange(changes, atMs, 'leave', 1);
}

/**
 * The general path, after a late event, a change of identity or any change to a person with
 * several participants: O(the person's sessions). Only the part of the union that differs from
 * before is withdrawn from and added to the change points, so a person whose last interval just
 * closed costs the presence series one point, not all of theirs.
 */
export function recomputePerson(
  person: Person,
  totals: PresenceTotals,
  changes: PresenceChanges,
): void {
  const before = person.union;
  const after = unionOf(person.tracks);
  let same = 0;
  while (same < before.length && same < after.length && sameInterval(before[same], after[same])) {
    same += 1;
  }
  for (const interval of before.slice(same)) applyInterval(interval, -1, totals, changes);
  for (const interval of after.slice(same)) applyInterval(interval, 1, totals, changes);
  person.union = after;
  person.closedMs = 0;
  for (const { startMs, endMs } of after) if (endMs !== null) person.closedMs += endMs - startMs;

  const sessionCount = person.tracks.reduce((sum, track) => sum + track.sessions.length, 0);
  if (person.sessionCount > 0 !== sessionCount > 0)
    totals.attendedCount += sessionCount > 0 ? 1 : -1;
  person.sessionCount = sessionCount;
}

function applyInterval(
  interval: Interval,
  delta: 1 | -1,
  totals: PresenceTotals,
  changes: PresenceChanges,
): void {
  recordChange(changes, interval.startMs, 'join', delta);
  if (interval.endMs === null) {
    totals.openCount += delta;
    totals.openSinceSumMs += delta * (interval.startMs - totals.baseMs);
  } else {
    totals.closedMs += delta * (interval.endMs - interval.startMs);
    recordChange(changes, interval.endMs, 'leave', delta);
  }
}

/** Sorted by start, then shorter first, so the result does not depend on arrival order. */
function unionOf(tracks: readonly ParticipantTrack[]): Interval[] {
  const sessions = tracks
    .flatMap((track) => track.sessions)
    .sort((a, b) => a.startMs - b.startMs || endOrInfinity(a) - endOrInfinity(b));
  const union: Interval[] = [];
  for (const session of sessions) {
    const current = union[union.length - 1];
    if (current !== undefined && (current.endMs === null || session.startMs < current.endMs)) {
      if (current.endMs !== null) {
        current.endMs = session.endMs === null ? null : Math.max(current.endMs, session.endMs);
      }
    } else {
      union.push({ ...session });
    }
  }
  return union;
}

function endOrInfinity(interval: Interval): number {
  return interval.endMs ?? Infinity;
}

function sameInterval(a: Interval | undefined, b: Interval | undefined): boolean {
  return a !== undefined && b !== undefined && a.startMs === b.startMs && a.endMs === b.endMs;
}
