import { createClient } from 'redis';
import { IDEMPOTENCY_TTL_MS, LocalFanout, type PushBus } from './push-bus.ts';
import type { PushMessage } from './push-message.ts';

/**
 * One channel for all bots: every instance hears every webhook and hands it to its own streams.
 * A webhook is small and a deployment has a handful of instances, so a channel per bot (and a
 * SUBSCRIBE per stream opened) would cost more than it saves.
 */
const CHANNEL = 'attendee-live:push';
const KEY_PREFIX = 'attendee-live:webhook:';

/**
 * With REDIS_URL: a webhook received by any instance reaches the streams of every instance.
 * node-redis (`redis`), not ioredis: it is the client Redis maintains, and ioredis's own README
 * points new projects to it. A subscribed connection can only listen, hence the second client.
 */
export async function createRedisPushBus(
  url: string,
  onError: (error: Error) => void,
): Promise<PushBus> {
  const fanout = new LocalFanout();
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // Without a listener an 'error' event would end the process; the client reconnects by itself.
  publisher.on('error', onError);
  subscriber.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL, (text) => {
    fanout.deliver(JSON.parse(text) as PushMessage);
  });
  return {
    async claim(key) {
      const set = await publisher.set(`${KEY_PREFIX}${key}`, '1', {
        expiration: { type: 'PX', value: IDEMPOTENCY_TTL_MS },
        condition: 'NX',
      });
      return set === 'OK';
    },
    async release(key) {
      await publisher.del(`${KEY_PREFIX}${key}`);
    },
    async publish(message) {
      await publisher.publish(CHANNEL, JSON.stringify(message));
    },
    subscribe: (botId, listener) => fanout.subscribe(botId, listener),
    async close() {
      await Promise.allSettled([subscriber.close(), publisher.close()]);
    },
  };
}
