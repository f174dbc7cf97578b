// One formatter for the page: toLocaleString builds a new one on every call, which costs more
// than anything else in a render that shows a few counts.
const countFormat = new Intl.NumberFormat('en-US');

/** A count as people read it, with thousands separators ("12,345"), the same everywhere. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
