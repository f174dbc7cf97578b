import { makeEvent } from '../event-fixtures';
import { createInsightsFeed } from '../insights/insights-fixtures';
import { participantRows } from '../insights/participant-rows';
import { attendanceReportCsv } from './attendance-report';
import { expectedAttendance } from './expected-attendance';

const START = Date.UTC(2026, 10, 24, 9, 0);
const MINUTE = 60_000;

describe('the attendance report', () => {
  it('has a row per expected line, then the unlisted, with statuses, times and formulas disarmed', () => {
    const { insights } = createInsightsFeed([
      makeEvent('pe_1', 'a', 'join', START, { participant_name: 'Ada Okafor' }),
      makeEvent('pe_2', 'b', 'join', START + 7 * MINUTE, { participant_name: '=HYPERLINK("x")' }),
      makeEvent('pe_3', 'a', 'leave', START + 30 * MINUTE, { participant_name: 'Ada Okafor' }),
    ]);
    const rows = participantRows(insights, START + 40 * MINUTE);
    const attendance = expectedAttendance(
      rows,
      [
        { name: 'Okafor, Ada', email: 'ada@example.org' },
        { name: '+Bruno', email: null },
      ],
      [],
      { meetingStartMs: START, lateAfterMs: 5 * MINUTE },
    );
    const lines = attendanceReportCsv(attendance).split('\r\n');
    expect(lines[0]).toBe(
      'expected_name,email,matched_participant,status,first_joined,last_left,time_present_seconds,as_of',
    );
    expect(lines[1]).toMatch(
      /^"Okafor, Ada",ada@example\.org,Ada Okafor,"Not here, left early",2026-11-24T\d\d:00:00.*,1800,/,
    );
    expect(lines[2]).toBe('\'+Bruno,,,"Not here, not seen",,,,');
    expect(lines[3]).toMatch(
      /^,,"'=HYPERLINK\(""x""\)",Not on the list,2026-11-24T\d\d:07:00.*,,1980,/,
    );
    expect(lines).toHaveLength(5);
  });
});
