// @vitest-environment node
import { isAllowedAttendeePath } from './allowed-paths.ts';

function allowed(target: string): boolean {
  const url = new URL(target, 'http://localhost');
  return isAllowedAttendeePath(url.pathname, url.searchParams);
}

describe('the proxy allow-list', () => {
  it.each([
    '/api/v1/bots',
    '/api/v1/bots?states=joined_recording&states=waiting_room',
    '/api/v1/bots?meeting_url=https%3A%2F%2Fzoom.us%2Fj%2F1&deduplication_key=a',
    '/api/v1/bots?join_at_after=2025-01-18T12%3A00%3A00Z&join_at_before=2025-01-19&cursor=cD0y',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participant_events?after=2025-01-18&cursor=x',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participants?is_host=true',
  ])('lets %s through', (target) => {
    expect(allowed(target)).toBe(true);
  });

  it.each([
    '/api/v1/bots?page_size=1000',
    '/api/v1/bots?ordering=-created_at',
    '/api/v1/bots?states=joined_recording&limit=500',
    '/api/v1/bots?cursor=a&cursor=b',
    '/api/v1/bots?meeting_url=a&meeting_url=b',
    '/api/v1/bots/',
    '/api/v1/bots/bot_x/recording',
    '/api/v1/bots/not_a_bot',
    '/api/v1/projects',
  ])('keeps %s here', (target) => {
    expect(allowed(target)).toBe(false);
  });
});
