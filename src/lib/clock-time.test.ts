import { format } from 'date-fns';
import { clockTime, fileTimestamp } from './clock-time';

describe('clock times', () => {
  it('match what date-fns would write, in local time', () => {
    for (const at of [
      0,
      Date.UTC(2026, 10, 24, 9, 5, 3),
      new Date(2026, 0, 2, 23, 59, 59).getTime(),
    ]) {
      expect(clockTime(at)).toBe(format(at, 'HH:mm'));
      expect(clockTime(at, true)).toBe(format(at, 'HH:mm:ss'));
      expect(fileTimestamp(at)).toBe(format(at, 'yyyyMMdd-HHmmss'));
    }
  });
});
