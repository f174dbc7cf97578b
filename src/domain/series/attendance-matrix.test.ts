import { makeEvent } from '../event-fixtures';
import { createInsightsFeed } from '../insights/insights-fixtures';
import { attendanceMatrix, type SeriesMeetingState } from './attendance-matrix';
import { meetingPeople } from './meeting-people';
import type { ParticipantEvent } from '../../common/participant-event';

const MIN = 60_000;
const at = (minutes: number) => 1_000_000 + minutes * MIN;

let nextId = 0;
/** One participant's stays in a meeting: [join minute, leave minute] pairs. */
function stays(
  uuid: string,
  name: string,
  spans: [number, number][],
  extra: Partial<ParticipantEvent> = {},
): ParticipantEvent[] {
  return spans.flatMap(([from, to]) => [
    makeEvent(`e${nextId++}`, uuid, 'join', at(from), { participant_name: name, ...extra }),
    makeEvent(`e${nextId++}`, uuid, 'leave', at(to), { participant_name: name, ...extra }),
  ]);
}

function meeting(id: string, ...events: ParticipantEvent[][]): SeriesMeetingState {
  const { insights } = createInsightsFeed(events.flat());
  return { status: 'loaded', attendance: meetingPeople(insights, id, null) };
}

const rules = { expected: [], lateAfterMs: 5 * MIN, missedLastCount: 2 };

function row(matrix: ReturnType<typeof attendanceMatrix>, name: string) {
  const found = matrix.rows.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No row ${name}`);
  return found;
}

describe('attendance across meetings', () => {
  it('puts each person on one row with the minutes they were present in each meeting', () => {
    const matrix = attendanceMatrix(
      [
        meeting('m1', stays('a', 'Ada Okafor', [[0, 60]]), stays('b', 'Bo Chen', [[0, 30]])),
        meeting('m2', stays('x', 'ada okafor', [[0, 45]])),
        meeting(
          'm3',
          stays('y', 'Okafor, Ada', [
            [0, 10],
            [20, 30],
          ]),
          stays('z', 'Bo Chen', [[0, 5]]),
        ),
      ],
      rules,
    );
    const ada = row(matrix, 'Okafor, Ada');
    expect(ada.cells.map((cell) => cell && cell.presentMs / MIN)).toEqual([60, 45, 20]);
    expect(ada).toMatchObject({
      attended: 3,
      rate: 1,
      totalMs: 125 * MIN,
      firstIndex: 0,
      lastIndex: 2,
    });
    const bo = row(matrix, 'Bo Chen');
    expect(bo.cells.map((cell) => cell && cell.presentMs / MIN)).toEqual([30, null, 5]);
    expect(bo).toMatchObject({ attended: 2, rate: 2 / 3, firstIndex: 0, lastIndex: 2 });
    expect(matrix.meetingsRead).toBe(3);
  });

  it('keeps one person by user_uuid whatever they called themselves, and a rename does not split them', () => {
    const matrix = attendanceMatrix(
      [
        meeting('m1', stays('a', 'Sam (Guest)', [[0, 10]], { participant_user_uuid: 'u1' })),
        meeting(
          'm2',
          stays('b', 'Guest 42', [[0, 10]], { participant_user_uuid: 'u1' }),
          // Renamed within the meeting: the server rewrites the row, later events carry the new name.
          stays('b', 'Sam Lee', [[20, 30]], { participant_user_uuid: 'u1' }),
        ),
      ],
      rules,
    );
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]).toMatchObject({ name: 'Sam Lee', attended: 2, totalMs: 30 * MIN });
  });

  it('counts two overlapping participants of one name in one meeting once', () => {
    const matrix = attendanceMatrix(
      [meeting('m1', stays('a', 'Dee', [[0, 30]]), stays('b', 'Dee', [[20, 40]]))],
      rules,
    );
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]?.totalMs).toBe(40 * MIN);
  });

  it('marks a late arrival by the expected list rule and N', () => {
    const meetings = [meeting('m1', stays('h', 'Host', [[0, 60]]), stays('l', 'Lee', [[7, 60]]))];
    expect(row(attendanceMatrix(meetings, rules), 'Lee').cells[0]?.late).toBe(true);
    const lenient = attendanceMatrix(meetings, { ...rules, lateAfterMs: 10 * MIN });
    expect(row(lenient, 'Lee').cells[0]?.late).toBe(false);
    expect(row(lenient, 'Host').cells[0]?.late).toBe(false);
  });

  it('counts only meetings read, and leaves unreadable and loading meetings empty', () => {
    const matrix = attendanceMatrix(
      [
        meeting('m1', stays('a', 'Ada', [[0, 10]])),
        { status: 'unreadable', reason: 'Bot not found' },
        { status: 'loading' },
      ],
      rules,
    );
    expect(row(matrix, 'Ada')).toMatchObject({
      attended: 1,
      rate: 1,
      cells: [expect.anything(), null, null],
    });
    expect(matrix.meetingsRead).toBe(1);
  });

  it('adds the expected people who never came, and finds who missed the last N', () => {
    const meetings = [
      meeting('m1', stays('a', 'Ada', [[0, 10]]), stays('c', 'Cy Stone', [[0, 10]])),
      meeting('m2', stays('a', 'Ada', [[0, 10]])),
      meeting('m3', stays('a', 'Ada', [[0, 10]])),
    ];
    const expected = [
      { name: 'Stone, Cy', email: null },
      { name: 'Nia Never', email: null },
      { name: 'ada', email: null },
    ];
    const matrix = attendanceMatrix(meetings, { ...rules, expected });
    expect(matrix.rows.map((r) => [r.name, r.expected, r.attended, r.missedLast])).toEqual([
      ['Ada', true, 3, false],
      ['Cy Stone', true, 1, true],
      ['Nia Never', true, 0, true],
    ]);
    const lastThree = attendanceMatrix(meetings, { ...rules, expected, missedLastCount: 3 });
    expect(row(lastThree, 'Cy Stone').missedLast).toBe(false);
  });
});

describe('a guest renamed during a meeting', () => {
  it('is one person under the old name before and the new name after', () => {
    const matrix = attendanceMatrix(
      [
        meeting('m1', stays('g1', 'Priya (Guest)', [[0, 10]])),
        meeting(
          'm2',
          stays('g2', 'Priya (Guest)', [[0, 10]]),
          stays('g2', 'Priya Shah', [[20, 30]]),
        ),
        meeting('m3', stays('g3', 'Priya Shah', [[0, 10]])),
      ],
      rules,
    );
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]).toMatchObject({ name: 'Priya Shah', attended: 3, totalMs: 40 * MIN });
  });
});
