import { clockTime } from '../../lib/clock-time';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "18:00, Tue 8 Dec" in local time: when a link stops working. Written out, as clockTime is,
 * rather than date-fns `format`, whose token parser and locale tables would weigh on the bundle.
 */
export function linkExpiryInWords(expiresAtMs: number): string {
  const date = new Date(expiresAtMs);
  const day = `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return `${clockTime(expiresAtMs)}, ${day}`;
}

/** `#share=<token>` in the address; null for any other fragment. */
export function shareTokenFromFragment(hash: string): string | null {
  const match = /^#share=([A-Za-z0-9_-]+)$/.exec(hash);
  return match?.[1] ?? null;
}

/** The link a key holder hands out: the token in the fragment, which no request carries. */
export function shareLinkFor(origin: string, token: string): string {
  return `${origin}/#share=${token}`;
}
