import { readingTimeMs, type InsightsState } from '../insights/insights-state';
import { participantRows } from '../insights/participant-rows';
import type { Interval } from '../insights/participant-track';
import { samePersonKey } from '../person-name';

/** One person in one meeting of a series, as the matrix needs them. */
export interface MeetingPerson {
  /** Who they are across meetings: see seriesPersonKey. */
  readonly key: string;
  /**
   * Every key they went by in this meeting, `key` first: a guest renamed during the meeting
   * ("Priya (Guest)" to "Priya Shah") is the same person under both names in other meetings.
   */
  readonly aliases: readonly string[];
  readonly name: string | null;
  readonly firstJoinMs: number;
  /** The time covered by their sessions (overlapping ones counted once). */
  readonly presentMs: number;
}

/** One meeting's attendance, read once its history is in. */
export interface MeetingPeople {
  /** The earliest event's time: the start the expected list's late rule counts from. */
  readonly startMs: number | null;
  readonly people: readonly MeetingPerson[];
}

/**
 * The same person across meetings: their `participant_user_uuid` where the platform gives one,
 * else their name by the expected list's rule (case, accents, word order, "(Guest)"), since a
 * participant_uuid means nothing in another meeting. A person with neither stays their own.
 */
export function seriesPersonKey(
  userUuid: string | null,
  name: string | null,
  fallback: string,
): string {
  if (userUuid !== null) return `user:${userUuid}`;
  const byName = name === null ? '' : samePersonKey(name);
  return byName === '' ? `alone:${fallback}` : `name:${byName}`;
}

/**
 * Who attended a meeting and for how long, from the insights the dashboard keeps. Within the
 * meeting a person is already one (a rename or a rejoin does not split them, person-presence.ts);
 * two of them that share a series key (a rejoin under a new participant_uuid on a platform
 * without user_uuid) are merged here, their sessions united so an overlap counts once.
 * Sessions still open are closed at `endMs`, when the bot left (the dashboard's rule once a
 * meeting is over), and never before the newest event.
 */
export function meetingPeople(
  insights: InsightsState,
  meetingId: string,
  endMs: number | null,
): MeetingPeople {
  const atMs = readingTimeMs(insights, endMs ?? 0);
  const merged = new Map<
    string,
    { name: string | null; firstJoinMs: number; union: Interval[]; aliases: Set<string> }
  >();
  for (const row of participantRows(insights, atMs)) {
    const fallback = `${meetingId}:${row.key}`;
    const key = seriesPersonKey(row.userUuid, row.name, fallback);
    const person = insights.persons.get(row.key);
    const union = person?.union ?? [];
    const aliases = new Set([key]);
    // Names only identify people the platform gives no user_uuid for.
    if (row.userUuid === null) {
      for (const track of person?.tracks ?? []) {
        for (const { event } of track.events) {
          aliases.add(seriesPersonKey(null, event.participant_name, fallback));
        }
      }
    }
    const known = merged.get(key);
    if (known === undefined) {
      merged.set(key, { name: row.name, firstJoinMs: row.firstJoinMs, union: [...union], aliases });
    } else {
      if (row.firstJoinMs < known.firstJoinMs) known.firstJoinMs = row.firstJoinMs;
      known.union.push(...union);
      for (const alias of aliases) known.aliases.add(alias);
    }
  }
  const people = [...merged].map(([key, person]) => ({
    key,
    aliases: [...person.aliases],
    name: person.name,
    firstJoinMs: person.firstJoinMs,
    presentMs: coveredMs(person.union, atMs),
  }));
  return { startMs: insights.firstEventMs, people };
}

/** The length of the union of `intervals`, open ones ending at `atMs`. */
function coveredMs(intervals: readonly Interval[], atMs: number): number {
  const sorted = intervals
    .map((interval) => ({ startMs: interval.startMs, endMs: interval.endMs ?? atMs }))
    .sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let run: { startMs: number; endMs: number } | null = null;
  for (const interval of sorted) {
    if (run === null || interval.startMs > run.endMs) {
      if (run !== null) total += run.endMs - run.startMs;
      run = interval;
    } else {
      run.endMs = Math.max(run.endMs, interval.endMs);
    }
  }
  return total + (run === null ? 0 : run.endMs - run.startMs);
}
