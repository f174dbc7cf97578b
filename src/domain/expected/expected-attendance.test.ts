import { makeEvent } from '../event-fixtures';
import { createInsightsFeed } from '../insights/insights-fixtures';
import { participantRows } from '../insights/participant-rows';
import type { ParticipantEvent } from '../../common/participant-event';
import {
  expectedAttendance,
  statusWords,
  type AttendanceRules,
  type ManualMatch,
} from './expected-attendance';
import { expectedFromLines } from './expected-list';

const START = Date.UTC(2026, 10, 24, 9, 0);
const MINUTE = 60_000;
let nextId = 0;

function join(uuid: string, name: string, atMs: number, userUuid: string | null = null) {
  nextId += 1;
  return makeEvent(`pe_${nextId}`, uuid, 'join', atMs, {
    participant_name: name,
    participant_user_uuid: userUuid,
  });
}

function leave(uuid: string, name: string, atMs: number, userUuid: string | null = null) {
  nextId += 1;
  return makeEvent(`pe_${nextId}`, uuid, 'leave', atMs, {
    participant_name: name,
    participant_user_uuid: userUuid,
  });
}

function attendance(
  events: ParticipantEvent[],
  list: string,
  options: { lateAfterMinutes?: number; manual?: ManualMatch[]; nowMs?: number } = {},
) {
  const { insights } = createInsightsFeed(events);
  const rules: AttendanceRules = {
    meetingStartMs: insights.firstEventMs,
    lateAfterMs: (options.lateAfterMinutes ?? 5) * MINUTE,
  };
  const rows = participantRows(insights, options.nowMs ?? START + 60 * MINUTE);
  return expectedAttendance(rows, expectedFromLines(list), options.manual ?? [], rules);
}

function summary(result: ReturnType<typeof attendance>) {
  return result.lines.map((line) => [
    line.expected.name,
    line.match?.name ?? null,
    statusWords(line).join(', '),
  ]);
}

describe('matching the expected list to who came', () => {
  it('matches names despite case, accents, word order, "Last, First" and pronouns', () => {
    const result = attendance(
      [
        join('1', 'jose garcia (he/him)', START),
        join('2', ' Dana   Ruiz  (Guest)', START),
        join('3', 'Wei Chen', START),
      ],
      'García, José\nDANA RUIZ\nChen Wei',
    );
    expect(summary(result)).toEqual([
      ['García, José', 'jose garcia (he/him)', 'Here, from the start'],
      ['DANA RUIZ', ' Dana   Ruiz  (Guest)', 'Here, from the start'],
      ['Chen Wei', 'Wei Chen', 'Here, from the start'],
    ]);
    expect(result.counts.notOnList).toBe(0);
  });

  it('prefers a name in the same order to one in another order', () => {
    const result = attendance(
      [join('1', 'Chen Wei', START), join('2', 'Wei Chen', START)],
      'Wei Chen\nChen Wei',
    );
    expect(result.lines.map((line) => line.match?.key)).toEqual(['participant:2', 'participant:1']);
  });

  it('keeps namesakes apart: two lines take two people, one line leaves the other unlisted', () => {
    const events = [join('1', 'Anika Patel', START), join('2', 'Anika Patel', START + MINUTE)];
    const both = attendance(events, 'Anika Patel\nAnika Patel');
    expect(both.lines.map((line) => line.match?.key)).toEqual(['participant:1', 'participant:2']);
    expect(both.counts).toMatchObject({ here: 2, notOnList: 0 });

    const one = attendance(events, 'Anika Patel');
    expect(one.lines[0]?.match?.key).toBe('participant:1');
    expect(one.unlisted.map((person) => person.key)).toEqual(['participant:2']);
    expect(one.counts).toMatchObject({ expected: 1, here: 1, notOnList: 1 });
  });

  it('gives a line the namesake who is here rather than one who left', () => {
    const result = attendance(
      [
        join('1', 'Anika Patel', START),
        leave('1', 'Anika Patel', START + 2 * MINUTE),
        join('2', 'Anika Patel', START + 3 * MINUTE),
      ],
      'Anika Patel',
    );
    expect(result.lines[0]?.match?.key).toBe('participant:2');
    // The one who left is matched to no line, and is not present: not counted as Not on the list.
    expect(result.counts).toMatchObject({ here: 1, notOnList: 0 });
  });

  it('counts a person under two participant ids, sharing a user id, as one', () => {
    const result = attendance(
      [
        join('1', 'Ada Okafor', START, 'u-ada'),
        leave('1', 'Ada Okafor', START + MINUTE, 'u-ada'),
        join('2', 'Ada Okafor', START + 2 * MINUTE, 'u-ada'),
      ],
      'Ada Okafor\nAda Okafor',
    );
    expect(summary(result)).toEqual([
      ['Ada Okafor', 'Ada Okafor', 'Here, from the start'],
      ['Ada Okafor', null, 'Not here, not seen'],
    ]);
  });

  it('lists present people nobody expected as Not on the list', () => {
    const result = attendance(
      [join('1', 'Ada Okafor', START), join('2', 'Mystery Guest', START + MINUTE)],
      'Ada Okafor\nBruno Lefèvre',
    );
    expect(summary(result)).toEqual([
      ['Ada Okafor', 'Ada Okafor', 'Here, from the start'],
      ['Bruno Lefèvre', null, 'Not here, not seen'],
    ]);
    expect(result.unlisted.map((person) => person.name)).toEqual(['Mystery Guest']);
    expect(result.counts).toEqual({
      expected: 2,
      here: 1,
      notHere: 1,
      late: 0,
      leftEarly: 0,
      notOnList: 1,
    });
  });
});

describe('late and left early', () => {
  it('is late past N minutes after the first event, on time before, and N is settable', () => {
    const events = [
      join('1', 'Ada Okafor', START),
      join('2', 'Bruno Lefèvre', START + 4 * MINUTE),
      join('3', 'Chen Wei', START + 6 * MINUTE),
    ];
    const list = 'Ada Okafor\nBruno Lefèvre\nChen Wei';
    expect(summary(attendance(events, list)).map((line) => line[2])).toEqual([
      'Here, from the start',
      'Here',
      'Here, late',
    ]);
    expect(attendance(events, list).counts.late).toBe(1);
    expect(attendance(events, list, { lateAfterMinutes: 10 }).counts.late).toBe(0);
    expect(attendance(events, list, { lateAfterMinutes: 3 }).counts.late).toBe(2);
  });

  it('never counts people the bot found already there as late, even with N at zero', () => {
    // The bot reports those already in over a few seconds as it arrives.
    const events = [join('1', 'Ada Okafor', START), join('2', 'Bruno Lefèvre', START + 8_000)];
    const result = attendance(events, 'Ada Okafor\nBruno Lefèvre', { lateAfterMinutes: 0 });
    expect(result.lines.map((line) => line.arrival)).toEqual(['from-start', 'from-start']);
    const later = attendance([...events, join('3', 'Chen Wei', START + 20_000)], 'Chen Wei', {
      lateAfterMinutes: 0,
    });
    expect(later.lines[0]?.arrival).toBe('late');
  });

  it('says who left and did not come back, and forgives a rejoin', () => {
    const result = attendance(
      [
        join('1', 'Ada Okafor', START),
        leave('1', 'Ada Okafor', START + 10 * MINUTE),
        join('2', 'Bruno Lefèvre', START + 7 * MINUTE),
        leave('2', 'Bruno Lefèvre', START + 12 * MINUTE),
        join('2', 'Bruno Lefèvre', START + 15 * MINUTE),
      ],
      'Ada Okafor\nBruno Lefèvre',
    );
    expect(summary(result).map((line) => line[2])).toEqual(['Not here, left early', 'Here, late']);
    expect(result.counts).toMatchObject({ here: 1, notHere: 1, leftEarly: 1, late: 1 });
    // Late is judged on the first join, not on the rejoin.
    expect(result.lines[1]?.match?.firstJoinMs).toBe(START + 7 * MINUTE);
  });
});

describe('matching by hand', () => {
  const events = [join('1', 'Ada Okafor', START), join('2', 'iPhone 13', START + MINUTE)];

  it('matches a line to the person the organiser picked', () => {
    const result = attendance(events, 'Ada Okafor\nBruno Lefèvre', {
      manual: [{ line: 1, expectedName: 'Bruno Lefèvre', personKey: 'participant:2' }],
    });
    expect(summary(result)).toEqual([
      ['Ada Okafor', 'Ada Okafor', 'Here, from the start'],
      ['Bruno Lefèvre', 'iPhone 13', 'Here'],
    ]);
    expect(result.lines[1]?.matchedByHand).toBe(true);
    expect(result.counts.notOnList).toBe(0);
  });

  it('takes the person away from a match by name', () => {
    const result = attendance(events, 'Ada Okafor\nAda Okafor', {
      manual: [{ line: 1, expectedName: 'Ada Okafor', personKey: 'participant:1' }],
    });
    expect(result.lines.map((line) => line.match?.key ?? null)).toEqual([null, 'participant:1']);
  });

  it('drops a match whose line was edited since, or whose person is unknown', () => {
    const result = attendance(events, 'Ada Okafor\nBruno Lefèvre', {
      manual: [
        { line: 1, expectedName: 'Someone Else', personKey: 'participant:2' },
        { line: 0, expectedName: 'Ada Okafor', personKey: 'participant:404' },
      ],
    });
    expect(result.lines.map((line) => line.match?.key ?? null)).toEqual(['participant:1', null]);
  });
});
