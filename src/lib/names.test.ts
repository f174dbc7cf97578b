import { compareNames, foldName } from './names';

describe('names', () => {
  it('folds case and accents away', () => {
    expect(foldName('José GARCÍA')).toBe('jose garcia');
    expect(foldName('Zoë Ångström')).toBe('zoe angstrom');
  });

  it('sorts as a reader expects: accents ignored, numbers by value, unnamed last', () => {
    const names = ['Room 10', null, 'élodie', 'Room 2', 'Bob', ' '];
    expect([...names].sort(compareNames)).toEqual([
      'Bob',
      'élodie',
      'Room 2',
      'Room 10',
      null,
      ' ',
    ]);
  });
});
