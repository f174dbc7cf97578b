import { firstIndexAfter } from './sorted-search';

describe('firstIndexAfter', () => {
  const times = [10, 20, 20, 30];

  it('finds the first item later than the target, past every tie', () => {
    expect(firstIndexAfter(times, (t) => t > 20)).toBe(3);
    expect(firstIndexAfter(times, (t) => t > 15)).toBe(1);
  });

  it('gives 0 when everything is later and the length when nothing is', () => {
    expect(firstIndexAfter(times, (t) => t > 5)).toBe(0);
    expect(firstIndexAfter(times, (t) => t > 30)).toBe(4);
    expect(firstIndexAfter([], () => true)).toBe(0);
  });

  it('agrees with a linear scan on every target', () => {
    const sorted = [1, 1, 2, 3, 5, 8, 8, 8, 13];
    for (let target = 0; target <= 14; target += 1) {
      const linear = sorted.findIndex((t) => t > target);
      expect(firstIndexAfter(sorted, (t) => t > target)).toBe(
        linear === -1 ? sorted.length : linear,
      );
    }
  });
});
