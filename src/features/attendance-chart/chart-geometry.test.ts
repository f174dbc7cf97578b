import { chartScale, markPaths, pointIndexAt, stepPath } from './chart-geometry';

const box = { width: 100, height: 50 };

describe('chart geometry', () => {
  it('draws a step line: across, then up or down at each change', () => {
    const points = [
      { atMs: 0, count: 0 },
      { atMs: 500, count: 2 },
      { atMs: 1000, count: 2 },
    ];
    expect(stepPath(points, chartScale(points, box))).toBe('M0 50H50V0H100V0');
  });

  it('draws thousands of changes with a few commands per pixel column', () => {
    const points = Array.from({ length: 20_000 }, (_, index) => ({
      atMs: index,
      count: index % 7,
    }));
    const path = stepPath(points, chartScale(points, box));
    expect(path.match(/[MHV]/g)!.length).toBeLessThanOrEqual(4 * (box.width + 1) + 1);
    expect(path).toContain('V0'); // the highest count (6) is still drawn
  });

  it('merges join and leave ticks per pixel column', () => {
    const points = [
      { atMs: 0, count: 0 },
      { atMs: 1000, count: 1 },
    ];
    const marks = Array.from({ length: 500 }, (_, index) => ({
      atMs: index,
      kind: 'join' as const,
      count: 1,
    }));
    const { joins, leaves } = markPaths(marks, chartScale(points, box), 60, 5);
    expect(joins.match(/M/g)!.length).toBeLessThanOrEqual(51);
    expect(leaves).toBe('');
  });

  it('finds the count in force at a moment', () => {
    const points = [
      { atMs: 10, count: 1 },
      { atMs: 20, count: 3 },
      { atMs: 30, count: 2 },
    ];
    expect(pointIndexAt(points, 5)).toBe(0);
    expect(pointIndexAt(points, 20)).toBe(1);
    expect(pointIndexAt(points, 29)).toBe(1);
    expect(pointIndexAt(points, 99)).toBe(2);
  });
});
