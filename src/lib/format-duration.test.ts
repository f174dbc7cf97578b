import { formatDuration } from './format-duration';

describe('durations', () => {
  it('reads as seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_900)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(12 * 60_000 + 30_000)).toBe('12 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-5000)).toBe('0 s');
  });
});
