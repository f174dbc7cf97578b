import type { ParticipantRow } from '../insights/participant-rows';
import type { ExpectedPerson } from './expected-list';
import { exactNameKey, samePersonKey } from '../person-name';

/** The organiser said by hand that line `line` (written `expectedName`) is this person. */
export interface ManualMatch {
  readonly line: number;
  /** The line as written when matched: if the list is edited, a stale match is dropped. */
  readonly expectedName: string;
  /** ParticipantRow.key: stable for a person across polls (see person-presence.ts). */
  readonly personKey: string;
}

export interface AttendanceRules {
  /**
   * When the meeting started: the earliest event's timestamp_ms, as in the figures' "Meeting time
   * so far". The bot reports everyone already in the meeting as it arrives, so the first event is
   * the bot's arrival. The bot's own state changes are on the server's clock while events are on
   * the bot's, which may be tens of seconds apart (docs/attendee-api.md, "Fields"): judging
   * lateness against one and arrivals against the other would be off by that much.
   */
  readonly meetingStartMs: number | null;
  /** First joined more than this after the start is late. */
  readonly lateAfterMs: number;
}

/**
 * Joins reported within this of the start are the people the bot found already there: the bot
 * reports them in bursts as it arrives, and its clock jitters. They are "here from the start",
 * never late, whatever `lateAfterMs` is.
 */
export const HERE_FROM_START_MS = 10_000;

export const DEFAULT_LATE_AFTER_MINUTES = 5;

export type Arrival = 'from-start' | 'on-time' | 'late';

export interface ExpectedLine {
  readonly line: number;
  readonly expected: ExpectedPerson;
  /** The person matched to this line; null when nobody by that name has attended. */
  readonly match: ParticipantRow | null;
  readonly matchedByHand: boolean;
  /** In the meeting now (or at its end, once it is over). */
  readonly present: boolean;
  /** null when they never came. */
  readonly arrival: Arrival | null;
  /** Came, then left, and is not back (yet, while the meeting goes on). */
  readonly leftEarly: boolean;
}

export interface StatusCounts {
  readonly expected: number;
  readonly here: number;
  /** Expected and not present now: never came, or left. */
  readonly notHere: number;
  readonly late: number;
  readonly leftEarly: number;
  /** Present now and matched to no line. */
  readonly notOnList: number;
}

export interface ExpectedAttendance {
  readonly lines: ExpectedLine[];
  /** Everyone who attended and is matched to no line, present ones first, then by first join. */
  readonly unlisted: ParticipantRow[];
  readonly counts: StatusCounts;
}

/**
 * The organiser's list against who came. O(people + lines).
 *
 * Matching, in order: the organiser's matches by hand; then names equal in reading order (see
 * person-name.ts); then names equal in any word order. One person matches one line at most and
 * one line one person, so namesakes stay apart: two lines "Anika Patel" take two people of that
 * name, one line takes one of them and leaves the other "Not on the list". Among namesakes a line
 * takes whoever is present, then whoever came first, so the match is the same poll after poll.
 */
export function expectedAttendance(
  people: readonly ParticipantRow[],
  expected: readonly ExpectedPerson[],
  manual: readonly ManualMatch[],
  rules: AttendanceRules,
): ExpectedAttendance {
  const byKey = new Map(people.map((person) => [person.key, person]));
  const matches: (ParticipantRow | null)[] = expected.map(() => null);
  const byHand = new Set<number>();
  const taken = new Set<string>();

  for (const { line, expectedName, personKey } of manual) {
    const person = byKey.get(personKey);
    if (expected[line]?.name !== expectedName || person === undefined) continue;
    if (matches[line] !== null || taken.has(personKey)) continue;
    matches[line] = person;
    byHand.add(line);
    taken.add(personKey);
  }
  const candidates = [...people].sort(preferredAmongNamesakes);
  for (const keyOf of [exactNameKey, samePersonKey]) {
    const pools = poolsByName(candidates, taken, keyOf);
    expected.forEach((person, line) => {
      if (matches[line] !== null) return;
      const pool = pools.get(keyOf(person.name));
      const next = pool?.shift();
      if (next === undefined) return;
      matches[line] = next;
      taken.add(next.key);
    });
  }

  const lines = expected.map((person, line) =>
    lineFor(line, person, matches[line] ?? null, byHand.has(line), rules),
  );
  const unlisted = candidates.filter((person) => !taken.has(person.key));
  return { lines, unlisted, counts: countsOf(lines, unlisted) };
}

function lineFor(
  line: number,
  expected: ExpectedPerson,
  match: ParticipantRow | null,
  matchedByHand: boolean,
  rules: AttendanceRules,
): ExpectedLine {
  return {
    line,
    expected,
    match,
    matchedByHand,
    present: match?.present ?? false,
    arrival: match === null ? null : arrivalOf(match.firstJoinMs, rules),
    leftEarly: match !== null && !match.present,
  };
}

/** See AttendanceRules.meetingStartMs and HERE_FROM_START_MS for why these are the rules. */
export function arrivalOf(firstJoinMs: number, rules: AttendanceRules): Arrival {
  const afterStartMs = firstJoinMs - (rules.meetingStartMs ?? firstJoinMs);
  if (afterStartMs <= HERE_FROM_START_MS) return 'from-start';
  return afterStartMs > rules.lateAfterMs ? 'late' : 'on-time';
}

function countsOf(lines: readonly ExpectedLine[], unlisted: readonly ParticipantRow[]) {
  const here = lines.filter((line) => line.present).length;
  return {
    expected: lines.length,
    here,
    notHere: lines.length - here,
    late: lines.filter((line) => line.arrival === 'late').length,
    leftEarly: lines.filter((line) => line.leftEarly).length,
    notOnList: unlisted.filter((person) => person.present).length,
  };
}

function poolsByName(
  candidates: readonly ParticipantRow[],
  taken: ReadonlySet<string>,
  keyOf: (name: string) => string,
): Map<string, ParticipantRow[]> {
  const pools = new Map<string, ParticipantRow[]>();
  for (const person of candidates) {
    if (person.name === null || taken.has(person.key)) continue;
    const key = keyOf(person.name);
    if (key === '') continue;
    const pool = pools.get(key);
    if (pool === undefined) pools.set(key, [person]);
    else pool.push(person);
  }
  return pools;
}

function preferredAmongNamesakes(a: ParticipantRow, b: ParticipantRow): number {
  if (a.present !== b.present) return a.present ? -1 : 1;
  return a.firstJoinMs - b.firstJoinMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * A line's status in words, most important first: ["Here", "late"], ["Not here", "left early"],
 * ["Not here", "not seen"]. The panel shows them as badges, the report joins them.
 */
export function statusWords(line: ExpectedLine): string[] {
  // Nobody of that name has joined; they may be here under another name, to match by hand.
  if (line.match === null) return ['Not here', 'not seen'];
  const words = [line.present ? 'Here' : 'Not here'];
  if (line.leftEarly) words.push('left early');
  if (line.arrival === 'late') words.push('late');
  if (line.arrival === 'from-start' && line.present) words.push('from the start');
  return words;
}
