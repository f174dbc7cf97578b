// @vitest-environment node
import fc from 'fast-check';
import { participantEventsPath } from '../../src/attendee-api/get-participant-events-page.ts';
import { isAllowedAttendeePath, upstreamKind } from './allowed-paths.ts';

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
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participant_events?after=2025-01-18&before=2025-01-19',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participants?is_host=true',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participants?cursor=cD0y&is_host=false',
  ])('lets %s through', (target) => {
    expect(allowed(target)).toBe(true);
  });

  it.each([
    '/api/v1/bots?cursor=a&cursor=b',
    '/api/v1/bots?meeting_url=a&meeting_url=b',
    '/api/v1/bots/bot_weIAju4OXNZkDTpZ/participant_events?after=a&after=b',
    '/api/v1/bots/',
    '/api/v1/bots/bot_x/recording',
    '/api/v1/bots/not_a_bot',
    '/api/v1/projects',
  ])('keeps %s here', (target) => {
    expect(allowed(target)).toBe(false);
  });
});

const BOT = '/api/v1/bots/bot_weIAju4OXNZkDTpZ';
/** Each path we forward, and the parameters it reads. */
const READS: [string, string[]][] = [
  [BOT, []],
  [`${BOT}/participant_events`, ['cursor', 'after', 'before']],
  [`${BOT}/participants`, ['cursor', 'is_host']],
  [
    '/api/v1/bots',
    ['states', 'meeting_url', 'deduplication_key', 'join_at_after', 'join_at_before', 'cursor'],
  ],
];

/** Any parameter name, from plain words to ones that look like ours in another case or spelling. */
const anyName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.stringMatching(/^[a-z_]{1,16}$/),
  fc.constantFrom('page_size', 'ordering', 'limit', 'Cursor', 'AFTER', 'is_host ', 'fields'),
);

describe.each(READS)('the query of %s', (path, reads) => {
  it('lets through any values of the parameters it reads, each once', () => {
    fc.assert(
      fc.property(fc.subarray(reads), fc.array(fc.string(), { minLength: 6 }), (names, values) => {
        const query = new URLSearchParams(names.map((name, index) => [name, values[index]!]));
        expect(isAllowedAttendeePath(path, query)).toBe(true);
      }),
    );
  });

  it('keeps here any request with a parameter it does not read, whatever its value', () => {
    fc.assert(
      fc.property(
        fc.subarray(reads),
        anyName.filter((name) => !reads.includes(name)),
        fc.string(),
        fc.nat(),
        (names, extra, value, at) => {
          const entries = names.map((name): [string, string] => [name, 'x']);
          entries.splice(at % (entries.length + 1), 0, [extra, value]);
          expect(isAllowedAttendeePath(path, new URLSearchParams(entries))).toBe(false);
        },
      ),
    );
  });
});

function kindOf(target: string) {
  const url = new URL(target, 'http://localhost');
  return upstreamKind(url.pathname, url.searchParams);
}

describe('the kind of an upstream request, as the metrics count it', () => {
  const session = { botId: 'bot_weIAju4OXNZkDTpZ', source: 'attendee' } as const;
  const at = Date.parse('2026-11-24T10:00:00Z');

  it("calls the live tail's question (events after its watermark) a live poll", () => {
    expect(kindOf(participantEventsPath(session, { afterMs: at }))).toBe('live_poll');
  });

  it.each([
    ['the whole history at once', {}],
    ['a window of the history', { afterMs: at, beforeMs: at + 60_000 }],
    ['the first window of the history', { beforeMs: at }],
    ['a next page of a window', { afterMs: at, beforeMs: at + 60_000, cursor: 'cD0y' }],
    ['a next page of a poll', { afterMs: at, cursor: 'cD0y' }],
  ])('calls %s an events page', (_what, request) => {
    expect(kindOf(participantEventsPath(session, request))).toBe('events_page');
  });

  it.each([
    ['/api/v1/bots/bot_weIAju4OXNZkDTpZ', 'bot'],
    ['/api/v1/bots/bot_weIAju4OXNZkDTpZ/participants?is_host=true', 'participants'],
    ['/api/v1/bots?states=joined_recording', 'bots_list'],
    ['/api/v1/bots', 'bots_list'],
  ])('calls %s a %s request', (target, kind) => {
    expect(kindOf(target)).toBe(kind);
  });
});
