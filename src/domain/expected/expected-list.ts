/** One line of the organiser's list: who they expect, as they wrote it. */
export interface ExpectedPerson {
  readonly name: string;
  readonly email: string | null;
}

/** Names pasted one a line; blank lines are skipped, each line is one person as written. */
export function expectedFromLines(text: string): ExpectedPerson[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .map((name) => ({ name, email: null }));
}

export type CsvReading =
  | { readonly ok: true; readonly people: ExpectedPerson[] }
  | { readonly ok: false; readonly reason: string };

/**
 * A CSV file as spreadsheets and registers export it: a name column (or first and last name
 * columns), optionally an email column. The first row is a header when one of its cells names
 * such a column; without a header, the column of email addresses is the email and the first
 * other column the name. Names holding commas must be quoted, as every spreadsheet writes them.
 */
export function expectedFromCsv(text: string): CsvReading {
  const records = parseCsv(text).filter((record) => record.some((cell) => cell.trim() !== ''));
  const first = records[0];
  if (first === undefined) return { ok: false, reason: 'The file is empty.' };
  const columns = headerColumns(first) ?? guessedColumns(records);
  const body = columns.header ? records.slice(1) : records;
  const people = body.flatMap((record) => {
    const name = columns.name
      .map((index) => record[index]?.trim() ?? '')
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/gu, ' ');
    const email = columns.email === null ? '' : (record[columns.email]?.trim() ?? '');
    return name === '' ? [] : [{ name, email: email === '' ? null : email }];
  });
  if (people.length === 0) return { ok: false, reason: 'No names found in the file.' };
  return { ok: true, people };
}

interface Columns {
  header: boolean;
  /** Joined with a space: one "name" column, or "first name" then "last name". */
  name: number[];
  email: number | null;
}

const NAME_HEADER =
  /^(full ?name|name|display ?name|participant( name)?|attendee( name)?|student( name)?)$/u;
const FIRST_NAME_HEADER = /^(first ?name|given ?name|forename)$/u;
const LAST_NAME_HEADER = /^(last ?name|family ?name|surname)$/u;
const EMAIL_HEADER = /^e ?mail( address)?$/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/u;

function headerColumns(record: readonly string[]): Columns | null {
  const labels = record.map((cell) => cell.trim().toLowerCase().replace(/[_-]/gu, ' '));
  const find = (pattern: RegExp) => labels.findIndex((label) => pattern.test(label));
  const name = find(NAME_HEADER);
  const firstName = find(FIRST_NAME_HEADER);
  const lastName = find(LAST_NAME_HEADER);
  const email = find(EMAIL_HEADER);
  const nameColumns = name >= 0 ? [name] : [firstName, lastName].filter((index) => index >= 0);
  if (nameColumns.length === 0 && email < 0) return null;
  // A header with only an email column: the name is then the first other column.
  const fallbackName = labels.findIndex((_, index) => index !== email);
  return {
    header: true,
    name: nameColumns.length > 0 ? nameColumns : fallbackName >= 0 ? [fallbackName] : [],
    email: email >= 0 ? email : null,
  };
}

function guessedColumns(records: readonly (readonly string[])[]): Columns {
  const width = Math.max(...records.map((record) => record.length));
  let email: number | null = null;
  for (let index = 0; index < width && email === null; index += 1) {
    const cells = records.map((record) => record[index]?.trim() ?? '').filter(Boolean);
    if (cells.length > 0 && cells.filter((cell) => EMAIL.test(cell)).length * 2 > cells.length)
      email = index;
  }
  const name = email === 0 ? 1 : 0;
  return { header: false, name: [name], email };
}

/**
 * RFC 4180 records: fields separated by commas, quoted fields may hold commas, line breaks and
 * doubled quotes; lines end with CRLF, LF or CR. A byte order mark (Excel's "CSV UTF-8") is dropped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/u, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char !== '"') field += char;
      else if (source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
