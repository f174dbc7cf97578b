import { arrivalOf } from '../expected/expected-attendance';
import type { ExpectedPerson } from '../expected/expected-list';
import { exactNameKey, samePersonKey } from '../person-name';
import type { MeetingPeople } from './meeting-people';

/** A meeting of the series as far as it is known: loading, read, or unreadable. */
export type SeriesMeetingState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly attendance: MeetingPeople }
  | { readonly status: 'unreadable'; readonly reason: string };

export interface MatrixCell {
  readonly presentMs: number;
  /** First joined later than the expected list's rule allows. */
  readonly late: boolean;
}

export interface SeriesRow {
  readonly key: string;
  /** The name they went by in the latest meeting they came to, or the expected list's line. */
  readonly name: string | null;
  /** On the expected list (matched, or a line nobody of that name answered). */
  readonly expected: boolean;
  /** One a meeting, in the meetings' order; null where they were absent (or it is not read). */
  readonly cells: readonly (MatrixCell | null)[];
  readonly attended: number;
  /** attended ÷ meetings read; null before any is. */
  readonly rate: number | null;
  readonly totalMs: number;
  /** Indexes of the first and last meetings they came to; null when they never came. */
  readonly firstIndex: number | null;
  readonly lastIndex: number | null;
  /** Absent from each of the last N meetings read (N as asked). */
  readonly missedLast: boolean;
}

export interface MatrixRules {
  readonly expected: readonly ExpectedPerson[];
  /** The expected list's N, in ms: first joined more than this after the start is late. */
  readonly lateAfterMs: number;
  /** "Missed the last N": how many of the latest meetings read. */
  readonly missedLastCount: number;
}

export interface AttendanceMatrix {
  readonly rows: SeriesRow[];
  /** Meetings whose history is in: what "9 of 12" counts out of. */
  readonly meetingsRead: number;
}

interface Building {
  key: string;
  name: string | null;
  expected: boolean;
  cells: (MatrixCell | null)[];
}

/**
 * The series as a matrix: one row a person, one column a meeting (in the order given, oldest
 * first), from the meetings read so far. O(meetings × people). Expected people are matched to
 * the series' people as the expected list matches them in one meeting: names equal in reading
 * order first, then in any order, one line one person; a line nobody answered is a row too.
 */
export function attendanceMatrix(
  meetings: readonly SeriesMeetingState[],
  rules: MatrixRules,
): AttendanceMatrix {
  const identity = identitiesOf(meetings);
  const people = new Map<string, Building>();
  meetings.forEach((meeting, index) => {
    if (meeting.status !== 'loaded') return;
    const { startMs, people: attendees } = meeting.attendance;
    for (const attendee of attendees) {
      const key = identity(attendee.key);
      let person = people.get(key);
      if (person === undefined) {
        person = { key, name: null, expected: false, cells: meetings.map(() => null) };
        people.set(key, person);
      }
      // Meetings come oldest first: the latest name wins.
      if (attendee.name !== null) person.name = attendee.name;
      const late =
        arrivalOf(attendee.firstJoinMs, {
          meetingStartMs: startMs,
          lateAfterMs: rules.lateAfterMs,
        }) === 'late';
      // Two attendees of one meeting are one person when a rename joined their names.
      const before = person.cells[index];
      person.cells[index] =
        before === null || before === undefined
          ? { presentMs: attendee.presentMs, late }
          : { presentMs: before.presentMs + attendee.presentMs, late: before.late && late };
    }
  });
  const building = [...people.values()];
  building.push(...matchExpected(building, rules.expected, meetings.length));

  const read = meetings.flatMap((meeting, index) => (meeting.status === 'loaded' ? [index] : []));
  const lastRead = read.slice(-Math.max(1, rules.missedLastCount));
  const rows = building.map((person) => rowOf(person, read.length, lastRead));
  return { rows, meetingsRead: read.length };
}

/**
 * Which keys name one person: those one attendee went by within a meeting (a rename), joined
 * across meetings (union-find). Returns the representative of a key.
 */
function identitiesOf(meetings: readonly SeriesMeetingState[]): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const meeting of meetings) {
    if (meeting.status !== 'loaded') continue;
    for (const { key, aliases } of meeting.attendance.people) {
      const root = find(key);
      for (const alias of aliases) {
        const other = find(alias);
        if (other !== root) parent.set(other, root);
      }
    }
  }
  return find;
}

/** Marks the people the list names as expected; returns rows for the lines nobody answered. */
function matchExpected(
  people: Building[],
  expected: readonly ExpectedPerson[],
  meetingCount: number,
): Building[] {
  const unanswered: (string | null)[] = expected.map((line) => line.name);
  for (const keyOf of [exactNameKey, samePersonKey]) {
    const pools = new Map<string, Building[]>();
    for (const person of people) {
      if (person.expected || person.name === null) continue;
      const key = keyOf(person.name);
      pools.set(key, [...(pools.get(key) ?? []), person]);
    }
    unanswered.forEach((name, line) => {
      if (name === null) return;
      const match = pools.get(keyOf(name))?.shift();
      if (match === undefined) return;
      match.expected = true;
      unanswered[line] = null;
    });
  }
  return unanswered.flatMap((name, line) =>
    name === null
      ? []
      : [{ key: `expected:${line}`, name, expected: true, cells: Array(meetingCount).fill(null) }],
  );
}

function rowOf(person: Building, meetingsRead: number, lastRead: readonly number[]): SeriesRow {
  let attended = 0;
  let totalMs = 0;
  let firstIndex: number | null = null;
  let lastIndex: number | null = null;
  person.cells.forEach((cell, index) => {
    if (cell === null) return;
    attended += 1;
    totalMs += cell.presentMs;
    firstIndex ??= index;
    lastIndex = index;
  });
  return {
    ...person,
    attended,
    rate: meetingsRead === 0 ? null : attended / meetingsRead,
    totalMs,
    firstIndex,
    lastIndex,
    missedLast: lastRead.length > 0 && lastRead.every((index) => person.cells[index] === null),
  };
}
