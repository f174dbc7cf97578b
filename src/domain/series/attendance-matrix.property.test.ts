import fc from 'fast-check';
import { attendanceMatrix, type SeriesMeetingState } from './attendance-matrix';
import type { MeetingPerson } from './meeting-people';

/** Keys a person may go by; aliases are drawn from the same few, so renames chain across meetings. */
const keys = ['name:a', 'name:b', 'name:c', 'name:d', 'user:1', 'user:2'];

const attendee = fc.record({
  key: fc.constantFrom(...keys),
  alias: fc.option(fc.constantFrom(...keys), { nil: null }),
  presentMs: fc.integer({ min: 0, max: 3_600_000 }),
  firstJoinMs: fc.integer({ min: 0, max: 3_600_000 }),
});

const meeting: fc.Arbitrary<SeriesMeetingState> = fc.oneof(
  fc.constant<SeriesMeetingState>({ status: 'loading' }),
  fc.constant<SeriesMeetingState>({ status: 'unreadable', reason: 'gone' }),
  fc
    .uniqueArray(attendee, { selector: (person) => person.key, maxLength: 5 })
    .map((people): SeriesMeetingState => ({
      status: 'loaded',
      attendance: {
        startMs: 0,
        people: people.map((person): MeetingPerson => ({
          key: person.key,
          aliases: person.alias === null ? [person.key] : [person.key, person.alias],
          name: person.key,
          firstJoinMs: person.firstJoinMs,
          presentMs: person.presentMs,
        })),
      },
    })),
);

describe('the matrix, whatever the meetings', () => {
  it('loses and doubles no one’s time, and its totals add up row by row', () => {
    fc.assert(
      fc.property(
        fc.array(meeting, { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (meetings, n) => {
          const matrix = attendanceMatrix(meetings, {
            expected: [],
            lateAfterMs: 300_000,
            missedLastCount: n,
          });
          const read = meetings.filter((state) => state.status === 'loaded');
          expect(matrix.meetingsRead).toBe(read.length);
          const allTime = read.reduce(
            (sum, state) =>
              sum +
              (state.status === 'loaded'
                ? state.attendance.people.reduce((s, p) => s + p.presentMs, 0)
                : 0),
            0,
          );
          expect(matrix.rows.reduce((sum, row) => sum + row.totalMs, 0)).toBe(allTime);
          for (const row of matrix.rows) {
            const present = row.cells.filter((cell) => cell !== null);
            expect(row.attended).toBe(present.length);
            expect(row.totalMs).toBe(present.reduce((sum, cell) => sum + cell.presentMs, 0));
            expect(row.rate).toBe(read.length === 0 ? null : row.attended / read.length);
            expect(row.attended).toBeGreaterThan(0);
            meetings.forEach((state, index) => {
              if (state.status !== 'loaded') expect(row.cells[index]).toBeNull();
            });
          }
        },
      ),
    );
  });
});
