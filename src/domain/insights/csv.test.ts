import { csvSeconds, csvTime, toCsv } from './csv';

describe('CSV', () => {
  it('writes the header row first and ends every record with CRLF', () => {
    expect(
      toCsv(
        ['name', 'sessions'],
        [
          ['Ada', 2],
          ['Bob', null],
        ],
      ),
    ).toBe('name,sessions\r\nAda,2\r\nBob,\r\n');
  });

  it('quotes fields with quotes, commas or line breaks, doubling the quotes', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['say "hi"', 'Smith, Ada', 'two\nlines', 'cr\rlf']])).toBe(
      'a,b,c,d\r\n"say ""hi""","Smith, Ada","two\nlines","cr\rlf"\r\n',
    );
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '+x', '-x', '@x', '\tx', '\rx', 'x=1', ''];
    expect(
      toCsv(
        ['x'],
        cells.map((cell) => [cell]),
      ),
    ).toBe(
      // '\rx' is neutralised first and then quoted, because it holds a CR.
      "x\r\n'=1+1\r\n'+x\r\n'-x\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\nx=1\r\n\r\n",
    );
  });

  it('neutralises before quoting, so a quoted formula is still neutralised', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x", "a,b")']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://x"", ""a,b"")"\r\n',
    );
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv(['n'], [[-5], [1.5], [Number.NaN]])).toBe('n\r\n-5\r\n1.5\r\n\r\n');
  });

  it('writes times in ISO 8601 with the UTC offset', () => {
    // Node reads TZ again when it changes; stubEnv sets it and puts it back.
    vi.stubEnv('TZ', 'Europe/Paris');
    try {
      // 12:05 UTC is 13:05 in Paris in November (UTC+1).
      expect(csvTime(Date.UTC(2026, 10, 24, 12, 5, 0))).toBe('2026-11-24T13:05:00+01:00');
      // And 14:05 in June (UTC+2).
      expect(csvTime(Date.UTC(2026, 5, 24, 12, 5, 0))).toBe('2026-06-24T14:05:00+02:00');
      expect(csvTime(null)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('writes durations in seconds', () => {
    expect(csvSeconds(90_500)).toBe(90.5);
  });
});
