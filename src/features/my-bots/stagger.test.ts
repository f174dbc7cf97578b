import { staggerDelayMs } from './stagger';

describe('staggering the tiles’ starts', () => {
  it('spreads twelve tiles evenly over one interval', () => {
    const delays = Array.from({ length: 12 }, (_, i) => staggerDelayMs(i, 12, 3000));
    expect(delays).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750]);
  });

  it('starts a lone tile at once and never waits a whole interval', () => {
    expect(staggerDelayMs(0, 1, 3000)).toBe(0);
    expect(staggerDelayMs(2, 3, 3000)).toBe(2000);
    expect(
      Math.max(...Array.from({ length: 7 }, (_, i) => staggerDelayMs(i, 7, 3000))),
    ).toBeLessThan(3000);
  });
});
