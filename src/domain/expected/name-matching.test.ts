import { anyOrderNameKey, exactNameKey, searchByName } from './name-matching';

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
    expect(anyOrderNameKey('Wei Chen')).toBe(anyOrderNameKey('chen  WEI (he/him)'));
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
