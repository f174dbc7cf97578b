import { makeEvent } from './event-fixtures';
import { expectedAttendance } from './expected/expected-attendance';
import { expectedFromLines } from './expected/expected-list';
import { createInsightsFeed } from './insights/insights-fixtures';
import { participantRows } from './insights/participant-rows';
import { exactNameKey, samePersonKey, searchByName } from './person-name';
import { watchedNews } from './watch-list';

describe('matching an expected name to a meeting name', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(exactNameKey('  JOSÉ   garcía ')).toBe(exactNameKey('Jose Garcia'));
    expect(exactNameKey('Zoë Ångström')).toBe('zoe angstrom');
  });

  it('reads "Last, First" as "First Last"', () => {
    expect(exactNameKey('García, José')).toBe(exactNameKey('José García'));
    expect(exactNameKey('  Okafor ,Ada ')).toBe('ada okafor');
  });

  it('leaves a name with two commas as written rather than guess', () => {
    expect(exactNameKey('Smith, John, Jr.')).toBe('smith, john, jr.');
  });

  it('drops trailing pronouns and tags in parentheses, however many', () => {
    expect(exactNameKey('Dana Ruiz (she/her)')).toBe('dana ruiz');
    expect(exactNameKey('Dana Ruiz (Guest)')).toBe('dana ruiz');
    expect(exactNameKey('Dana Ruiz (he/him) (Guest)')).toBe('dana ruiz');
    expect(exactNameKey('Ruiz, Dana (they/them)')).toBe('dana ruiz');
  });

  it('keeps parentheses inside a name and a name that is only a tag', () => {
    expect(exactNameKey('Ana (Nina) Silva')).toBe('ana (nina) silva');
    expect(exactNameKey('(Guest)')).toBe('(guest)');
  });

  it('tells names in another order apart exactly, and alike in any order', () => {
    expect(exactNameKey('Wei Chen')).not.toBe(exactNameKey('Chen Wei'));
    expect(samePersonKey('Wei Chen')).toBe(samePersonKey('chen  WEI (he/him)'));
  });
});

describe('finding a person by name', () => {
  const people = [
    { name: 'José García' },
    { name: 'Mariana Costa' },
    { name: 'Anabel Ruiz (Guest)' },
    { name: null },
  ];

  it('ignores case, accents and word order', () => {
    expect(searchByName(people, 'garcia jose')).toEqual([{ name: 'José García' }]);
    expect(searchByName(people, 'GARCÍA, José')).toEqual([{ name: 'José García' }]);
  });

  it('finds a part of a name, and needs every word of the query', () => {
    expect(searchByName(people, 'ana')).toEqual([{ name: 'Mariana Costa' }, people[2]]);
    expect(searchByName(people, 'ana costa')).toEqual([{ name: 'Mariana Costa' }]);
    expect(searchByName(people, 'guest')).toEqual([people[2]]);
  });

  it('lists everyone for an empty query, and nobody unnamed for a real one', () => {
    expect(searchByName(people, '   ')).toHaveLength(4);
    expect(searchByName(people, 'zz')).toEqual([]);
  });
});

describe('one rule for the watch list and the expected list', () => {
  const START = Date.UTC(2026, 10, 24, 9, 0);
  const inMeeting = ['Doe, Jane (Guest)', 'Wei Chen (he/him) (Host)', 'Sam Okafor'];
  const typed = ['jane doe', 'CHEN, Wei', 'Sam Okafor Jr'];

  it('matches the same people to the same typed names in both', () => {
    const events = inMeeting.map((name, index) =>
      makeEvent(`pe_${index}`, `p${index}`, 'join', START, { participant_name: name }),
    );
    const rows = participantRows(createInsightsFeed(events).insights, START + 60_000);
    const rules = { meetingStartMs: START, lateAfterMs: 5 * 60_000 };
    const expected = expectedAttendance(rows, expectedFromLines(typed.join('\n')), [], rules);
    const matchedByList = expected.lines.map((line) => line.match?.name ?? null);

    const watched = new Set(typed.map(samePersonKey));
    const joined = inMeeting.map((name) => ({ uuid: name, name, isHost: false }));
    const alerted = watchedNews({ joined, left: [] }, watched).map((notice) => notice.name);

    expect(matchedByList).toEqual(['Doe, Jane (Guest)', 'Wei Chen (he/him) (Host)', null]);
    expect(alerted).toEqual(['Doe, Jane (Guest)', 'Wei Chen (he/him) (Host)']);
  });
});
