import { foldName } from '../lib/names';

/**
 * How a name typed by someone (the expected list, the watch list) is compared with a name typed
 * into a meeting app: one rule, so an alert and the expected list always match the same people.
 * People write "García, José" in a register and "jose garcia (he/him)" in Zoom; both are the
 * same person.
 *
 * - case, accents and runs of spaces never matter (foldName);
 * - trailing parentheticals are dropped: "(he/him)", "(Guest)", "(she/her) (Host)";
 * - "Last, First" (exactly one comma) reads as "First Last".
 */
export function nameWords(name: string): string[] {
  return foldName(readableName(name)).split(/\s+/u).filter(Boolean);
}

/** The name in reading order, without pronouns or tags: for matching and for nothing else. */
function readableName(name: string): string {
  let text = name.replace(/\s+/gu, ' ').trim();
  for (;;) {
    const shorter = text.replace(TRAILING_PARENTHETICAL, '').trim();
    // "(Guest)" alone is all there is to go on: keep it rather than match on nothing.
    if (shorter === text || shorter === '') break;
    text = shorter;
  }
  const parts = text.split(',');
  if (parts.length === 2) {
    const [last, first] = parts.map((part) => part.trim());
    if (last && first) text = `${first} ${last}`;
  }
  return text;
}

const TRAILING_PARENTHETICAL = /\([^()]*\)$/u;

/** Equal for two spellings of one name in the same word order. */
export function exactNameKey(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * Equal for two names of the same person: two spellings of one name, in any word order ("Chen
 * Wei" and "Wei Chen"). exactNameKey tells the word orders apart, to prefer the same order.
 */
export function samePersonKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

/**
 * The items whose name holds every word of the query, in any order, ignoring case and accents:
 * "garcia jose" finds "José García", "ana" finds "Anabel" and "Mariana". O(items) per query.
 */
export function searchByName<T extends { readonly name: string | null }>(
  items: readonly T[],
  query: string,
): readonly T[] {
  const wanted = foldName(query)
    .split(/[\s,]+/u)
    .filter(Boolean);
  if (wanted.length === 0) return items;
  return items.filter((item) => {
    if (item.name === null) return false;
    const folded = foldName(item.name);
    return wanted.every((word) => folded.includes(word));
  });
}
