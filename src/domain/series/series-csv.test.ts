import { seriesCsv } from './series-csv';
import type { SeriesRow } from './attendance-matrix';

describe('the series export', () => {
  it('writes a column a meeting in minutes, the totals, and neutralises formulas', () => {
    const rows: SeriesRow[] = [
      {
        key: 'a',
        name: '=HYPERLINK("x")',
        expected: true,
        cells: [{ presentMs: 90_000, late: true }, null],
        attended: 1,
        rate: 0.5,
        totalMs: 90_000,
        firstIndex: 0,
        lastIndex: 0,
        missedLast: false,
      },
    ];
    const columns = [
      { botId: 'bot_1', startedAtMs: null },
      { botId: 'bot_2', startedAtMs: null },
    ];
    expect(seriesCsv(columns, rows, 2)).toBe(
      'Name,Expected,bot_1,bot_2,Meetings attended,Meetings read,Attendance rate (%),' +
        'Total time (minutes),Late at,First meeting seen,Last meeting seen\r\n' +
        `"'=HYPERLINK(""x"")",yes,1.5,,1,2,50,1.5,1,bot_1,bot_1\r\n`,
    );
  });
});
