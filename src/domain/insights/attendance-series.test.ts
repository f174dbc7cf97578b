import { makeEvent } from '../event-fixtures';
import { attendanceSeries } from './attendance-series';
import { createInsightsFeed } from './insights-fixtures';

const at = (seconds: number) => 1_000_000 + seconds * 1000;

describe('attendance over time', () => {
  it('is empty before any event', () => {
    const { insights } = createInsightsFeed();
    expect(attendanceSeries(insights, at(1))).toEqual({ points: [], peak: null, marks: [] });
  });

  it('steps at each join and leave from the first event to now, with the peak', () => {
    const { insights } = createInsightsFeed([
      makeEvent('0', 'ada', 'speech_start', at(0)),
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'bob', 'join', at(2)),
      makeEvent('3', 'ada', 'leave', at(4)),
      makeEvent('4', 'cy', 'join', at(5)),
      makeEvent('5', 'dan', 'join', at(6)),
    ]);
    // 0 until Ada joins at 1 s; 2 at 2 s; 1 at 4 s; 2 at 5 s; 3 at 6 s (the peak) until now.
    expect(attendanceSeries(insights, at(9))).toEqual({
      points: [
        { atMs: at(0), count: 0 },
        { atMs: at(1), count: 1 },
        { atMs: at(2), count: 2 },
        { atMs: at(4), count: 1 },
        { atMs: at(5), count: 2 },
        { atMs: at(6), count: 3 },
        { atMs: at(9), count: 3 },
      ],
      peak: { count: 3, atMs: at(6) },
      marks: [
        { atMs: at(1), kind: 'join', count: 1 },
        { atMs: at(2), kind: 'join', count: 1 },
        { atMs: at(4), kind: 'leave', count: 1 },
        { atMs: at(5), kind: 'join', count: 1 },
        { atMs: at(6), kind: 'join', count: 1 },
      ],
    });
  });

  it('keeps the first moment of the peak when it is reached again later', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'bob', 'join', at(2)),
      makeEvent('3', 'bob', 'leave', at(3)),
      makeEvent('4', 'cy', 'join', at(4)),
    ]);
    // 1, 2 (at 2 s), 1, 2 (at 4 s): the peak is 2, first reached at 2 s.
    expect(attendanceSeries(insights, at(5)).peak).toEqual({ count: 2, atMs: at(2) });
  });

  it('treats a leave and a join in the same millisecond as a handover, not a peak', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'bob', 'join', at(3)),
      makeEvent('3', 'ada', 'leave', at(3)),
    ]);
    // Both changes at 3 s net to 0: the count stays 1, so the peak is 1 at 1 s, never 2.
    const series = attendanceSeries(insights, at(4));
    expect(series.points).toEqual([
      { atMs: at(1), count: 1 },
      { atMs: at(3), count: 1 },
      { atMs: at(4), count: 1 },
    ]);
    expect(series.peak).toEqual({ count: 1, atMs: at(1) });
    expect(series.marks.filter((mark) => mark.atMs === at(3))).toEqual([
      { atMs: at(3), kind: 'join', count: 1 },
      { atMs: at(3), kind: 'leave', count: 1 },
    ]);
  });

  it('shows no leave when a person rejoins under a new participant_uuid before the old one left', () => {
    const ada = { participant_user_uuid: 'acct-ada' };
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada-1', 'join', at(1), ada),
      makeEvent('2', 'ada-2', 'join', at(3), ada),
      makeEvent('3', 'ada-1', 'leave', at(4), ada),
    ]);
    // One person present from 1 s on: one join mark, no leave, the count never reaches 2.
    expect(attendanceSeries(insights, at(6))).toEqual({
      points: [
        { atMs: at(1), count: 1 },
        { atMs: at(6), count: 1 },
      ],
      peak: { count: 1, atMs: at(1) },
      marks: [{ atMs: at(1), kind: 'join', count: 1 }],
    });
  });

  it('lowers the peak when a late leave shows someone had gone before it', () => {
    const { insights, deliver } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'bob', 'join', at(1)),
      makeEvent('3', 'cy', 'join', at(2)),
    ]);
    expect(attendanceSeries(insights, at(3)).peak).toEqual({ count: 3, atMs: at(2) });
    deliver([makeEvent('4', 'ada', 'leave', at(1.5))]);
    // 1 at 0 s, 2 at 1 s, 1 at 1.5 s, 2 at 2 s: the peak is now 2, first at 1 s.
    const series = attendanceSeries(insights, at(3));
    expect(series.peak).toEqual({ count: 2, atMs: at(1) });
    expect(series.points.map((point) => point.count)).toEqual([1, 2, 1, 2, 2]);
  });

  it('raises the peak when a late join lands in the past', () => {
    const { insights, deliver } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'bob', 'join', at(1)),
      makeEvent('3', 'bob', 'leave', at(5)),
      makeEvent('4', 'cy', 'join', at(6)),
    ]);
    expect(attendanceSeries(insights, at(7)).peak).toEqual({ count: 2, atMs: at(1) });
    deliver([makeEvent('5', 'dan', 'join', at(3)), makeEvent('6', 'dan', 'leave', at(4))]);
    // 1, 2 at 1 s, 3 at 3 s (Dan), 2 at 4 s, 1 at 5 s, 2 at 6 s: the peak is 3 at 3 s.
    expect(attendanceSeries(insights, at(7)).peak).toEqual({ count: 3, atMs: at(3) });
  });
});
