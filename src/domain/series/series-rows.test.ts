import type { SeriesRow } from './attendance-matrix';
import { visibleSeriesRows } from './series-rows';

const row = (name: string, rate: number, totalMs: number, missedLast = false): SeriesRow => ({
  key: name,
  name,
  expected: false,
  cells: [],
  attended: 0,
  rate,
  totalMs,
  firstIndex: null,
  lastIndex: null,
  missedLast,
});

describe('the rows the matrix shows', () => {
  const rows = [row('Émile Zola', 0.5, 30), row('ada', 1, 10), row('Bo', 0.25, 50, true)];
  const view = { sortBy: 'name' as const, descending: false, query: '', onlyMissedLast: false };
  const names = (found: SeriesRow[]) => found.map((found) => found.name);

  it('sorts by name, rate or total time, either way', () => {
    expect(names(visibleSeriesRows(rows, view))).toEqual(['ada', 'Bo', 'Émile Zola']);
    expect(names(visibleSeriesRows(rows, { ...view, sortBy: 'rate', descending: true }))).toEqual([
      'ada',
      'Émile Zola',
      'Bo',
    ]);
    expect(names(visibleSeriesRows(rows, { ...view, sortBy: 'total' }))).toEqual([
      'ada',
      'Émile Zola',
      'Bo',
    ]);
  });

  it('filters by name words, ignoring accents, and by "Missed the last N"', () => {
    expect(names(visibleSeriesRows(rows, { ...view, query: 'zola emile' }))).toEqual([
      'Émile Zola',
    ]);
    expect(names(visibleSeriesRows(rows, { ...view, onlyMissedLast: true }))).toEqual(['Bo']);
  });
});
