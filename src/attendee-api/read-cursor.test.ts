import { readCursor } from './read-cursor';
import { ApiError } from './api-error';

describe('readCursor', () => {
  it('takes the cursor out of an absolute next link that points at another host', () => {
    expect(
      readCursor(
        'https://app.attendee.dev/api/v1/bots/bot_x/participant_events?cursor=cD0yMDI0LTAx&after=2024-01-01T00%3A00%3A00Z',
      ),
    ).toBe('cD0yMDI0LTAx');
  });

  it('decodes a percent-encoded cursor', () => {
    expect(
      readCursor('http://upstream:8000/api/v1/bots/bot_x/participant_events?cursor=a%3D%3D'),
    ).toBe('a==');
  });

  it('says there is no next page when next is null', () => {
    expect(readCursor(null)).toBeNull();
  });

  it('refuses a next link without a cursor', () => {
    expect(() =>
      readCursor('https://app.attendee.dev/api/v1/bots/bot_x/participant_events'),
    ).toThrow(ApiError);
  });
});
