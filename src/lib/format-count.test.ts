import { formatCount } from './format-count';

it('writes counts with thousands separators', () => {
  expect(formatCount(0)).toBe('0');
  expect(formatCount(12_345)).toBe('12,345');
  expect(formatCount(1_000_000)).toBe('1,000,000');
});
