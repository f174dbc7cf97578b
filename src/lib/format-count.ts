/** A count as people read it, with thousands separators ("12,345"), the same everywhere. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
