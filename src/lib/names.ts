/**
 * How the page compares people's names: case and accents never matter ("José" is "jose"), and
 * names sort as a person reads them (numbers by value: "Room 2" before "Room 10").
 */

/** A name in the form used for matching: no accents, lower case. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

// One collator for every sort: creating it per comparison is the slow part of localeCompare.
const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Unnamed participants count as after every name (so they end an A→Z list). */
export function compareNames(a: string | null, b: string | null): number {
  const blankA = a === null || a.trim() === '';
  const blankB = b === null || b.trim() === '';
  if (blankA || blankB) return Number(blankA) - Number(blankB);
  return nameCollator.compare(a, b);
}
