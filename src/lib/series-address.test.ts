import { seriesAddress, seriesFromLocation } from './series-address';

describe('a series in the address', () => {
  it('round-trips the meeting URL and the days, and leaves a bot or wall out', () => {
    const from = new Date(2026, 8, 1).getTime();
    const to = new Date(2026, 10, 30, 23, 59, 59, 999).getTime();
    const href = seriesAddress('https://live.example/?bot=bot_x&bots=a,b', {
      meetingUrl: 'https://zoom.us/j/1?pwd=a&b',
      fromMs: from + 5_000,
      toMs: to - 5_000,
    });
    expect(href).not.toContain('bot=');
    expect(seriesFromLocation(new URL(href).search)).toEqual({
      meetingUrl: 'https://zoom.us/j/1?pwd=a&b',
      fromMs: from,
      toMs: to,
    });
    expect(seriesFromLocation('?series=%20')).toBeNull();
    expect(seriesFromLocation('?series=x&from=nope')).toMatchObject({ fromMs: null });
  });
});
