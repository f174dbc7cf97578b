import { expectedFromCsv, expectedFromLines, parseCsv } from './expected-list';

describe('reading pasted names', () => {
  it('takes one person a line, skipping blank lines and tidying spaces', () => {
    expect(expectedFromLines('Ada Okafor\r\n\n  García,   José \nDana Ruiz (she/her)\n')).toEqual([
      { name: 'Ada Okafor', email: null },
      { name: 'García, José', email: null },
      { name: 'Dana Ruiz (she/her)', email: null },
    ]);
  });
});

describe('reading a CSV file', () => {
  it('splits records with quoted commas, quotes and line breaks, and drops a BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi""",d\r\n"two\nlines",x\ry')).toEqual([
      ['a', 'b, c', 'say "hi"', 'd'],
      ['two\nlines', 'x'],
      ['y'],
    ]);
  });

  it('finds the name and email columns by their header, in any order', () => {
    const reading = expectedFromCsv(
      'E-mail address,Full name,Group\r\nada@example.org,Ada Okafor,A\r\n,"García, José",B\r\n',
    );
    expect(reading).toEqual({
      ok: true,
      people: [
        { name: 'Ada Okafor', email: 'ada@example.org' },
        { name: 'García, José', email: null },
      ],
    });
  });

  it('joins first and last name columns', () => {
    expect(expectedFromCsv('first_name,last_name\nAda,Okafor\n')).toEqual({
      ok: true,
      people: [{ name: 'Ada Okafor', email: null }],
    });
  });

  it('reads a file without a header: the addresses are the emails, the other column the names', () => {
    expect(expectedFromCsv('ada@example.org,Ada Okafor\njo@example.org,José García\n')).toEqual({
      ok: true,
      people: [
        { name: 'Ada Okafor', email: 'ada@example.org' },
        { name: 'José García', email: 'jo@example.org' },
      ],
    });
    expect(expectedFromCsv('Ada Okafor\n"García, José"\n')).toEqual({
      ok: true,
      people: [
        { name: 'Ada Okafor', email: null },
        { name: 'García, José', email: null },
      ],
    });
  });

  it('says so when there is nothing to read', () => {
    expect(expectedFromCsv('')).toEqual({ ok: false, reason: 'The file is empty.' });
    expect(expectedFromCsv('name,email\n,x@example.org\n')).toEqual({
      ok: false,
      reason: 'No names found in the file.',
    });
  });
});
