import { csvSeconds, csvTime, toCsv } from '../insights/csv';
import type { ParticipantRow } from '../insights/participant-rows';
import { statusWords, type ExpectedAttendance } from './expected-attendance';

const reportHeader = [
  'expected_name',
  'email',
  'matched_participant',
  'status',
  'first_joined',
  'last_left',
  'time_present_seconds',
  'as_of',
];

/**
 * The attendance report: one row per line of the list, in its order, then everyone who attended
 * and was on no line ("Not on the list"), so the file accounts for every person. Formula-safe
 * and timed like the other exports (csv.ts); `as_of` says when the durations were measured.
 */
export function attendanceReportCsv(attendance: ExpectedAttendance): string {
  const expectedRows = attendance.lines.map((line) => [
    line.expected.name,
    line.expected.email,
    ...personCells(line.match, statusWords(line)),
  ]);
  const unlistedRows = attendance.unlisted.map((person) => [
    null,
    null,
    ...personCells(person, person.present ? ['Not on the list'] : ['Not on the list', 'left']),
  ]);
  return toCsv(reportHeader, [...expectedRows, ...unlistedRows]);
}

function personCells(person: ParticipantRow | null, status: readonly string[]) {
  return [
    person?.name ?? null,
    status.join(', '),
    csvTime(person?.firstJoinMs ?? null),
    csvTime(person?.lastLeaveMs ?? null),
    person === null ? null : csvSeconds(person.timePresentMs),
    csvTime(person?.asOfMs ?? null),
  ];
}
