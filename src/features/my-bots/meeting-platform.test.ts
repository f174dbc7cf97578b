import { meetingPlatform } from './meeting-platform';

describe('the platform of a meeting', () => {
  it.each([
    ['https://us02web.zoom.us/j/81234567890?pwd=x', 'Zoom'],
    ['https://zoom.us/j/1', 'Zoom'],
    ['https://acme.zoomgov.com/j/1', 'Zoom'],
    ['https://meet.google.com/abc-defg-hij', 'Google Meet'],
    ['https://teams.microsoft.com/l/meetup-join/19%3a…', 'Teams'],
    ['https://teams.live.com/meet/123', 'Teams'],
    ['https://zoom.us.evil.example/j/1', 'Other'],
    ['https://notmeet.google.com/abc', 'Other'],
    ['https://webex.com/meet/x', 'Other'],
    ['not a url', 'Other'],
    [null, 'Other'],
  ] as const)('reads %s as %s', (url, platform) => {
    expect(meetingPlatform(url)).toBe(platform);
  });
});
