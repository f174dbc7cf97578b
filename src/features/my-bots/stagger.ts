/**
 * When the wall's tile `index` of `count` starts its feed, so the tiles' polls spread over one
 * interval instead of all firing at once (each poll's timer starts when its history is loaded).
 */
export function staggerDelayMs(index: number, count: number, intervalMs: number): number {
  if (count <= 1 || index <= 0) return 0;
  return Math.round(((index % count) * intervalMs) / count);
}
