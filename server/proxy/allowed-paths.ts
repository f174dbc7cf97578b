import { DEMO_PATH_PREFIX } from '../../src/shared/demo-meeting.ts';

/**
 * The only upstream resources the browser may reach through us (see
 * docs/attendee-api.md, "Endpoints"). Matching the raw path against this one pattern
 * also rejects `..`, `%` escapes, `//`, backslashes and trailing slashes: none of them can match.
 */
const ALLOWED_PATH = /^\/api\/v1\/bots\/bot_[A-Za-z0-9]+(?:\/participant_events|\/participants)?$/;

export function isAllowedAttendeePath(path: string): boolean {
  return ALLOWED_PATH.test(path);
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
  if (!isAllowedAttendeePath(apiPath)) return { kind: 'refused', path };
  return {
    kind: 'forward',
    api: isDemo ? 'demo' : 'upstream',
    apiTarget: isDemo ? target.slice(DEMO_PATH_PREFIX.length) : target,
  };
}
