import { IDEMPOTENCY_TTL_MS, LocalFanout, type PushBus } from './push-bus.ts';

/** Keys remembered at once; past it the oldest are forgotten (a retry then shows once more). */
const MAX_REMEMBERED_KEYS = 100_000;

/** One instance's bus: the default, with no REDIS_URL. */
export function createMemoryPushBus(now: () => number = Date.now): PushBus {
  const fanout = new LocalFanout();
  // Insertion order is expiry order: every key lives the same time.
  const seen = new Map<string, number>();
  return {
    async claim(key) {
      const time = now();
      for (const [oldKey, expires] of seen) {
        if (expires > time && seen.size < MAX_REMEMBERED_KEYS) break;
        seen.delete(oldKey);
      }
      if (seen.has(key)) return false;
      seen.set(key, time + IDEMPOTENCY_TTL_MS);
      return true;
    },
    async release(key) {
      seen.delete(key);
    },
    async publish(message) {
      fanout.deliver(message);
    },
    subscribe: (botId, listener) => fanout.subscribe(botId, listener),
    async close() {},
  };
}
