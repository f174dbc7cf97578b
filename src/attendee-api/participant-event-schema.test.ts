import { ApiError } from './api-error';
import { parseEventsPage } from './participant-event-schema';
import { goodEvent } from './event-fixture';

describe('parseEventsPage', () => {
  it('keeps valid events and drops fields we do not know', () => {
    const page = parseEventsPage({
      next: null,
      previous: null,
      results: [{ ...goodEvent, surprise: 'field' }],
    });
    expect(page.events).toEqual([goodEvent]);
    expect(page.rejected).toEqual([]);
  });

  it('sets one broken event aside and keeps the rest', () => {
    const page = parseEventsPage({
      next: null,
      results: [goodEvent, { ...goodEvent, id: 'pe_broken', timestamp_ms: 'yesterday' }],
    });
    expect(page.events).toHaveLength(1);
    expect(page.rejected).toEqual([
      { id: 'pe_broken', reason: expect.stringContaining('timestamp_ms') },
    ]);
  });

  it('accepts event data of any shape and names that are null', () => {
    const page = parseEventsPage({
      next: null,
      results: [{ ...goodEvent, participant_name: null, event_data: 'odd' }],
    });
    expect(page.events[0]).toMatchObject({ participant_name: null, event_data: {} });
  });

  it('refuses a response that is not a page', () => {
    expect(() => parseEventsPage({ detail: 'nope' })).toThrow(ApiError);
    expect(() => parseEventsPage(null)).toThrow(ApiError);
    expect(() => parseEventsPage({ next: 5, results: [] })).toThrow(ApiError);
  });
});
