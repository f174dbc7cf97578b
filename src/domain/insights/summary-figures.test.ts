import { makeEvent } from '../event-fixtures';
import { createInsightsFeed } from './insights-fixtures';
import { summaryFigures } from './summary-figures';

const t0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const at = (seconds: number) => t0 + seconds * 1000;

describe('summary figures', () => {
  it('are empty before any event', () => {
    const { insights } = createInsightsFeed();
    expect(summaryFigures(insights, at(10))).toEqual({
      presentNow: 0,
      peak: null,
      uniqueParticipants: 0,
      averageTimeInMeetingMs: null,
      meetingStartMs: null,
      meetingTimeSoFarMs: null,
    });
  });

  it('count who is present, the peak, everyone who came and how long they stayed', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'bob', 'join', at(2)),
      makeEvent('3', 'cy', 'join', at(4)),
      makeEvent('4', 'ada', 'leave', at(6)),
      makeEvent('5', 'bob', 'leave', at(8)),
    ]);
    // 1 at 0 s, 2 at 2 s, 3 at 4 s (the peak), 2 at 6 s, 1 at 8 s.
    // Ada 0→6 = 6 s, Bob 2→8 = 6 s, Cy 4→10 (now, still present) = 6 s: mean 6 s.
    expect(summaryFigures(insights, at(10))).toEqual({
      presentNow: 1,
      peak: { count: 3, atMs: at(4) },
      uniqueParticipants: 3,
      averageTimeInMeetingMs: 6000,
      meetingStartMs: at(0),
      meetingTimeSoFarMs: 10_000,
    });
  });

  it('keep running with the clock while people are present, without new events', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'bob', 'join', at(4)),
      makeEvent('3', 'bob', 'leave', at(6)),
    ]);
    // At 10 s: Ada 10 s, Bob 2 s, mean 6 s. At 20 s: Ada 20 s, Bob 2 s, mean 11 s.
    expect(summaryFigures(insights, at(10))).toMatchObject({
      averageTimeInMeetingMs: 6000,
      meetingTimeSoFarMs: 10_000,
    });
    expect(summaryFigures(insights, at(20))).toMatchObject({
      averageTimeInMeetingMs: 11_000,
      meetingTimeSoFarMs: 20_000,
    });
  });

  it('count a rejoin under a new participant_uuid with the same user_uuid as one person', () => {
    const ada = { participant_user_uuid: 'acct-ada' };
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada-1', 'join', at(0), ada),
      makeEvent('2', 'bob', 'join', at(1)),
      makeEvent('3', 'ada-1', 'leave', at(3), ada),
      makeEvent('4', 'ada-2', 'join', at(5), ada),
      makeEvent('5', 'ada-2', 'leave', at(8), ada),
      makeEvent('6', 'bob', 'leave', at(3)),
    ]);
    // Ada: 0→3 + 5→8 = 6 s over two sessions; Bob 1→3 = 2 s. Mean over people: (6 + 2) / 2 = 4 s.
    expect(summaryFigures(insights, at(10))).toMatchObject({
      uniqueParticipants: 2,
      averageTimeInMeetingMs: 4000,
      presentNow: 0,
      peak: { count: 2, atMs: at(1) },
    });
  });

  it('count two participants without user_uuid as two people, even with the same name', () => {
    const sam = { participant_name: 'Sam' };
    const { insights } = createInsightsFeed([
      makeEvent('1', 'u1', 'join', at(0), sam),
      makeEvent('2', 'u2', 'join', at(0), sam),
    ]);
    expect(summaryFigures(insights, at(1))).toMatchObject({ uniqueParticipants: 2, presentNow: 2 });
  });

  it('leave out people seen only leaving or speaking: they never attended as far as we know', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'gone', 'leave', at(1)),
      makeEvent('2', 'voice', 'speech_start', at(2)),
      makeEvent('3', 'ada', 'join', at(3)),
    ]);
    // Only Ada attended: 3→5 = 2 s. The meeting starts at the first event, whatever its type.
    expect(summaryFigures(insights, at(5))).toMatchObject({
      uniqueParticipants: 1,
      averageTimeInMeetingMs: 2000,
      meetingStartMs: at(1),
      meetingTimeSoFarMs: 4000,
    });
  });

  it('never read the meeting before its newest event when the browser clock is behind', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'ada', 'speech_start', at(9)),
    ]);
    // nowMs 5 s is before the bot's newest event at 9 s: read at 9 s.
    expect(summaryFigures(insights, at(5))).toMatchObject({
      averageTimeInMeetingMs: 9000,
      meetingTimeSoFarMs: 9000,
    });
  });

  it('stay exact for thousands of people at real epoch times', () => {
    const people = 6000;
    const joins = Array.from({ length: people }, (_, index) =>
      makeEvent(`j${index}`, `u${index}`, 'join', t0 + index),
    );
    const { insights } = createInsightsFeed(joins);
    // Person i has been present (t0 + 10,000) − (t0 + i) ms; the mean of 10,000 − i over
    // i = 0..5999 is 10,000 − 5999 / 2 = 7000.5 ms.
    expect(summaryFigures(insights, t0 + 10_000).averageTimeInMeetingMs).toBe(7000.5);
  });
});
