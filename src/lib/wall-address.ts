import { botIdProblem } from './bot-id';

/** A wall holds at most this many tiles: beyond it a tile is too small to read. */
export const MAX_WALL_BOTS = 12;

/**
 * `?bots=bot_a,bot_b` reopens a wall. Implausible IDs and repeats are dropped, and past twelve
 * the rest are ignored; the key is never in the address.
 */
export function wallBotsFromLocation(search: string): string[] {
  const text = new URLSearchParams(search).get('bots') ?? '';
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => botIdProblem(id) === null);
  return [...new Set(ids)].slice(0, MAX_WALL_BOTS);
}

/** The address of a wall: the current one with `?bots=` set and `?bot=` removed. */
export function wallAddress(href: string, botIds: readonly string[]): string {
  const url = new URL(href);
  url.searchParams.delete('bot');
  url.searchParams.set('bots', botIds.join(','));
  // Commas read better in an address than %2C, and bot IDs hold nothing that needs escaping.
  return url.toString().replace(/bots=[^&]*/, `bots=${botIds.join(',')}`);
}
