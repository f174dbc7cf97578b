import { DEMO_PATH_PREFIX } from '../../src/common/demo-meeting.ts';

const BOT_PATH = /^\/api\/v1\/bots\/bot_[A-Za-z0-9]+(\/participant_events|\/participants)?$/;
const BOTS_LIST_PATH = '/api/v1/bots';

interface AllowedQuery {
  /** The parameters the endpoint reads (docs/attendee-api.md, "Endpoints"). */
  names: ReadonlySet<string>;
  /** Those that may be given more than once; every other one at most once. */
  repeatable: ReadonlySet<string>;
}

const NO_REPEATS: ReadonlySet<string> = new Set();

/** What each path forwarded takes; its own filters and cursor, nothing else. */
const QUERY_OF = {
  bot: { names: new Set<string>(), repeatable: NO_REPEATS },
  events: { names: new Set(['cursor', 'after', 'before']), repeatable: NO_REPEATS },
  participants: { names: new Set(['cursor', 'is_host']), repeatable: NO_REPEATS },
  botsList: {
    names: new Set([
      'states',
      'meeting_url',
      'deduplication_key',
      'join_at_after',
      'join_at_before',
      'cursor',
    ]),
    repeatable: new Set(['states']),
  },
} satisfies Record<string, AllowedQuery>;

function isAllowedQuery(query: URLSearchParams, allowed: AllowedQuery): boolean {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!allowed.names.has(name)) return false;
    if (seen.has(name) && !allowed.repeatable.has(name)) return false;
    seen.add(name);
  }
  return true;
}

/** The query rules of a path we forward; null for any other path. */
function allowedQueryOf(path: string): AllowedQuery | null {
  if (path === BOTS_LIST_PATH) return QUERY_OF.botsList;
  const match = BOT_PATH.exec(path);
  if (match === null) return null;
  if (match[1] === '/participant_events') return QUERY_OF.events;
  if (match[1] === '/participants') return QUERY_OF.participants;
  return QUERY_OF.bot;
}

/**
 * Whether a GET of `path` with `query` may go upstream: one of the four read-only resources (see
 * docs/attendee-api.md, "Endpoints"), with only the parameters that resource reads, each once
 * (the bots list's `states` may repeat). A page size, an ordering, a field we never send: all stay
 * here. Matching the raw path against these patterns also rejects `..`, `%` escapes, `//`,
 * backslashes and trailing slashes: none of them can match.
 */
export function isAllowedAttendeePath(path: string, query: URLSearchParams): boolean {
  const allowed = allowedQueryOf(path);
  return allowed !== null && isAllowedQuery(query, allowed);
}

/**
 * The path of a raw HTTP request target ("origin-form" only: `/path?query`). An absolute-form
 * target (`http://elsewhere/...`) or anything else gives null.
 */
export function originFormPath(target: string): string | null {
  if (!target.startsWith('/')) return null;
  const queryStart = target.indexOf('?');
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/** Where a raw request target goes: to a proxy (and which), refused, or not ours at all. */
export type AttendeeTarget =
  | { kind: 'not-ours' }
  | { kind: 'refused'; path: string }
  | { kind: 'forward'; api: 'upstream' | 'demo'; apiTarget: string };

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Decides on the raw request target, before it becomes a URL: URL parsing resolves `..` and
 * `%2e%2e`, so only the raw target shows whether someone tried a path trick. `/demo/api/...` is
 * the built-in simulator, with the prefix removed.
 */
export function routeAttendeeTarget(target: string): AttendeeTarget {
  const path = originFormPath(target);
  if (path === null) {
    // An absolute-form target (`GET http://elsewhere/...`): never ours to forward.
    return target.includes('/api')
      ? { kind: 'refused', path: '(absolute-form)' }
      : { kind: 'not-ours' };
  }
  const isDemo =
    path.startsWith(`${DEMO_PATH_PREFIX}/`) && isApiPath(path.slice(DEMO_PATH_PREFIX.length));
  if (!isDemo && !isApiPath(path)) return { kind: 'not-ours' };
  const apiPath = isDemo ? path.slice(DEMO_PATH_PREFIX.length) : path;
  const apiTarget = isDemo ? target.slice(DEMO_PATH_PREFIX.length) : target;
  const query = new URLSearchParams(apiTarget.slice(apiPath.length));
  if (!isAllowedAttendeePath(apiPath, query)) return { kind: 'refused', path };
  return { kind: 'forward', api: isDemo ? 'demo' : 'upstream', apiTarget };
}

/** Which of the forwarded endpoints a request asks: a bounded label for the metrics. */
export type UpstreamKind = 'events_page' | 'live_poll' | 'bot' | 'participants' | 'bots_list';

/**
 * The live tail asks for the events `after` its watermark, with neither `before` nor a cursor;
 * history pages carry a `before` or a cursor. The server cannot tell a history's last window
 * (from a time to now) from a poll on its first page: that one request a load counts as a poll.
 */
export function upstreamKind(path: string, query: URLSearchParams): UpstreamKind {
  if (path === BOTS_LIST_PATH) return 'bots_list';
  if (path.endsWith('/participants')) return 'participants';
  if (!path.endsWith('/participant_events')) return 'bot';
  const isPoll = query.has('after') && !query.has('before') && !query.has('cursor');
  return isPoll ? 'live_poll' : 'events_page';
}
