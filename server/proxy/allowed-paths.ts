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
