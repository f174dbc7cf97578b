/**
 * When to ask again, so that everyone watching the same bot asks at the same moment and the
 * server answers them once (server/proxy/shared-answers.ts keeps an answer for 2 s). Polls fall on
 * the wall clock's multiples of the interval, shifted by a phase taken from the bot's ID: viewers
 * of one bot (whose clocks agree to well within a second) line up, while different bots, side
 * by side on a wall, are spread over the interval rather than all asking at once.
 */
export function msUntilSharedTick(intervalMs: number, botId: string, nowMs = Date.now()): number {
  const phase = phaseOf(botId, intervalMs);
  const sinceTick = (((nowMs - phase) % intervalMs) + intervalMs) % intervalMs;
  return intervalMs - sinceTick;
}

/** A stable spread of bot IDs over [0, intervalMs): FNV-1a, which needs no library. */
function phaseOf(botId: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < botId.length; index += 1) {
    hash ^= botId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % intervalMs;
}
