import { groupByMeetingUrl, meetingsInRange, type SeriesBot } from './series-meetings';

const DAY = 86_400_000;
const bot = (id: string, meetingUrl: string | null, startedAtMs: number | null): SeriesBot => ({
  id,
  state: 'ended',
  meetingUrl,
  name: `Bot ${id}`,
  startedAtMs,
  endedAtMs: startedAtMs === null ? null : startedAtMs + 3_600_000,
});

describe('picking a series', () => {
  const bots = [
    bot('a1', 'https://zoom.us/j/1', 10 * DAY),
    bot('b1', 'https://meet.google.com/x', 12 * DAY),
    bot('a2', 'https://zoom.us/j/1', 17 * DAY),
    bot('never', 'https://zoom.us/j/1', null),
    bot('old', 'https://zoom.us/j/1', 1 * DAY),
  ];
  const range = { fromMs: 5 * DAY, toMs: 20 * DAY };

  it('groups the meetings in the range by URL, most recently met first, with their count', () => {
    expect(groupByMeetingUrl(bots, range)).toEqual([
      { meetingUrl: 'https://zoom.us/j/1', meetings: 2, latestMs: 17 * DAY, name: 'Bot a2' },
      { meetingUrl: 'https://meet.google.com/x', meetings: 1, latestMs: 12 * DAY, name: 'Bot b1' },
    ]);
  });

  it('dates meetings by when their bot got in, oldest first, leaving out bots that never did', () => {
    expect(meetingsInRange(bots, range).map((meeting) => meeting.id)).toEqual(['a1', 'b1', 'a2']);
  });
});
