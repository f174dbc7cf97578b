/**
 * When the wall's tile `index` of `count` starts its feed, so the tiles' history loads and first
 * polls spread over one interval instead of all starting at once. Their later polls fall on each
 * bot's shared ticks (lib/shared-schedule.ts), which a phase from the bot's ID spreads too.
 */
export function staggerDelayMs(index: number, count: number, intervalMs: number): number {
  if (count <= 1 || index <= 0) return 0;
  return Math.round(((index % count) * intervalMs) / count);
}
