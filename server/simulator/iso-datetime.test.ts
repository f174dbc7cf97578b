import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-datetime.ts';

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-01-18T12:34:56Z', Date.UTC(2024, 0, 18, 12, 34, 56)],
    ['2024-01-18T12:34:56.789Z', Date.UTC(2024, 0, 18, 12, 34, 56, 789)],
    ['2024-01-18T12:34:56.000500Z', Date.UTC(2024, 0, 18, 12, 34, 56) + 0.5],
    ['2024-01-18T14:34:56+02:00', Date.UTC(2024, 0, 18, 12, 34, 56)],
    ['2024-01-18 12:34:56', Date.UTC(2024, 0, 18, 12, 34, 56)],
    ['2024-01-18', Date.UTC(2024, 0, 18)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDateTime(text)).toBe(expected);
  });

  it.each(['yesterday', '2024-02-30T00:00:00Z', '2024-01-18T25:00:00Z', '1737203696000', ''])(
    'rejects %s',
    (text) => {
      expect(parseIsoDateTime(text)).toBeNull();
    },
  );
});
