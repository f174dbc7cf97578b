import { DEMO_API_KEY } from '../../src/common/demo-meeting.ts';
import type { SimulatedAttendee } from './simulated-attendee.ts';

/** The demo key's weekly seminar: six meetings at one Zoom address, all over. */
export const DEMO_SERIES_URL = 'https://us02web.zoom.us/j/5550102030';
export const DEMO_SERIES_NAME = 'Tuesday seminar';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MINUTE_MS = 60_000;
const MEETING_MINUTES = 60;

/** One person's stays in one meeting, in minutes from its start: [join, leave] pairs. */
type Stays = readonly (readonly [number, number])[];

interface DemoPerson {
  readonly name: string;
  /** Per meeting, oldest first; null when absent. */
  readonly meetings: readonly (Stays | null)[];
  /** A guest who renamed themselves during a meeting: their name until then. */
  readonly renamedFrom?: { readonly name: string; readonly inMeeting: number };
  /** Meetings where they took the name they were renamed to by the start. */
  readonly earlierName?: { readonly name: string; readonly beforeMeeting: number };
}

const all: Stays = [[0, MEETING_MINUTES]];
/**
 * The pattern the series view should make plain: Ada came to all, Ben stopped after the third,
 * Chloé is late every time, Dev left and came back once, Priya was a guest who gave her full name
 * in the third meeting and kept it, and Emma missed the last two.
 */
const PEOPLE: readonly DemoPerson[] = [
  { name: 'Ada Okafor', meetings: [all, all, all, all, all, all] },
  { name: 'Ben Carter', meetings: [all, all, [[0, 50]], null, null, null] },
  { name: 'Chloé Martin', meetings: Array(6).fill([[12, MEETING_MINUTES]]) },
  {
    name: 'Dev Patel',
    meetings: [
      all,
      [
        [0, 20],
        [30, 60],
      ],
      null,
      all,
      [[0, 45]],
      all,
    ],
  },
  {
    name: 'Priya Shah',
    meetings: [[[0, 40]], [[0, 60]], [[0, 60]], all, all, [[3, 60]]],
    renamedFrom: { name: 'Priya (Guest)', inMeeting: 2 },
    earlierName: { name: 'Priya (Guest)', beforeMeeting: 2 },
  },
  { name: 'Emma Wilson', meetings: [all, all, all, [[0, 30]], null, null] },
];

export interface DemoSeriesMeeting {
  readonly botId: string;
  readonly startMs: number;
}

export interface DemoSeriesTruth {
  readonly meetings: readonly DemoSeriesMeeting[];
  /** Minutes present per meeting (null when absent), and whether they first joined late. */
  readonly people: readonly {
    readonly name: string;
    readonly minutes: readonly (number | null)[];
    readonly late: readonly boolean[];
  }[];
}

/** The six meetings' bot IDs, oldest first. */
export const DEMO_SERIES_BOTS = Array.from(
  { length: 6 },
  (_, index) => `bot_DemoSeminar000${index + 1}`,
);

/** When each meeting started: weekly at 14:00 UTC, the last a week or so before `nowMs`. */
function meetingStarts(nowMs: number): number[] {
  const lastStart = Math.floor((nowMs - WEEK_MS) / DAY_MS) * DAY_MS + 14 * 3_600_000 - DAY_MS;
  return DEMO_SERIES_BOTS.map((_, index) => lastStart - (5 - index) * WEEK_MS);
}

/**
 * Adds the seminar's six ended meetings to `simulator` under the demo key, or under `apiKey` with
 * bots of other IDs (six, oldest first) for a test that needs two copies.
 */
export function addDemoSeries(
  simulator: SimulatedAttendee,
  apiKey = DEMO_API_KEY,
  botIds: readonly string[] = DEMO_SERIES_BOTS,
): void {
  const starts = meetingStarts(simulator.nowMs());
  botIds.forEach((botId, index) => {
    const startMs = starts[index]!;
    const endMs = startMs + MEETING_MINUTES * MINUTE_MS;
    simulator.addBot({
      id: botId,
      apiKey,
      state: 'ended',
      metadata: { name: DEMO_SERIES_NAME },
      meetingUrl: DEMO_SERIES_URL,
      botEvents: [
        // The bot is in as the seminar starts: the meeting is dated by this event.
        { type: 'join_requested', atMs: startMs - 60_000 },
        { type: 'joined_meeting', atMs: startMs },
        { type: 'recording_permission_granted', atMs: startMs + 5_000 },
        { type: 'left_meeting', atMs: endMs + 30_000 },
        { type: 'post_processing_completed', atMs: endMs + 90_000 },
      ],
    });
    // Joins first, in time order, so that each meeting's history reads as the bot saw it.
    const events = PEOPLE.flatMap((person, personIndex) =>
      (person.meetings[index] ?? []).flatMap(([from, to], stay) => {
        const uuid = `${1000 + personIndex}`;
        const name =
          person.earlierName && index < person.earlierName.beforeMeeting
            ? person.earlierName.name
            : person.name;
        // Renamed during this meeting: the first join still carries the old name.
        const renamed = person.renamedFrom?.inMeeting === index && stay === 0;
        return [
          { kind: 'join' as const, atMs: startMs + from * MINUTE_MS, uuid, name, renamed, person },
          {
            kind: 'leave' as const,
            atMs: startMs + to * MINUTE_MS,
            uuid,
            name,
            renamed: false,
            person,
          },
        ];
      }),
    ).sort((a, b) => a.atMs - b.atMs);
    for (const event of events) {
      const at = { createdAtMs: event.atMs, timestampMs: event.atMs };
      if (event.kind === 'join') {
        simulator.join(
          botId,
          { uuid: event.uuid, name: event.name, isHost: event.person.name === 'Ada Okafor' },
          event.renamed
            ? { ...at, apiFields: { participant_name: event.person.renamedFrom?.name } }
            : at,
        );
      } else {
        simulator.leave(botId, event.uuid, at);
      }
    }
  });
}

/** What the matrix must show for the demo series: the simulator's own truth. */
export function demoSeriesTruth(nowMs: number, lateAfterMinutes = 5): DemoSeriesTruth {
  const starts = meetingStarts(nowMs);
  return {
    meetings: DEMO_SERIES_BOTS.map((botId, index) => ({ botId, startMs: starts[index]! })),
    people: PEOPLE.map((person) => ({
      name: person.name,
      minutes: person.meetings.map((stays) =>
        stays === null ? null : stays.reduce((sum, [from, to]) => sum + to - from, 0),
      ),
      late: person.meetings.map((stays) => (stays?.[0]?.[0] ?? 0) > lateAfterMinutes),
    })),
  };
}
