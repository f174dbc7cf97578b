import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../testing/redis-server.ts';
import type { PushBus } from './push-bus.ts';
import type { PushMessage } from './push-message.ts';
import { createRedisPushBus } from './redis-push-bus.ts';

let redis: RunningRedis;
const buses: PushBus[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await redis?.stop();
});

async function instance(): Promise<PushBus> {
  const bus = await createRedisPushBus(redis.url, (error) => {
    throw error;
  });
  buses.push(bus);
  return bus;
}

function nextMessages(bus: PushBus, botId: string, count: number): Promise<PushMessage[]> {
  const received: PushMessage[] = [];
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe(botId, (message) => {
      received.push(message);
      if (received.length < count) return;
      unsubscribe();
      resolve(received);
    });
  });
}

describe('the Redis push bus', () => {
  it('hands a message published on one instance to the listeners of every instance', async () => {
    const [first, second] = [await instance(), await instance()];
    const message: PushMessage = { botId: 'bot_redis1', kind: 'state', state: 'ended', at: null };
    const onSecond = nextMessages(second, 'bot_redis1', 1);
    const onFirst = nextMessages(first, 'bot_redis1', 1);
    await first.publish(message);
    expect(await onSecond).toEqual([message]);
    expect(await onFirst).toEqual([message]);
  });

  it('lets one instance only claim a delivery’s idempotency key', async () => {
    const [first, second] = [await instance(), await instance()];
    const claims = await Promise.all([first.claim('key-1'), second.claim('key-1')]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await first.claim('key-2')).toBe(true);
  });

  it('loses none of 500 messages published at once, in order', async () => {
    const [first, second] = [await instance(), await instance()];
    const all = nextMessages(second, 'bot_storm', 500);
    await Promise.all(
      Array.from({ length: 500 }, (_, index) =>
        first.publish({ botId: 'bot_storm', kind: 'state', state: `s${index}`, at: null }),
      ),
    );
    const received = await all;
    expect(received.map((message) => (message.kind === 'state' ? message.state : ''))).toEqual(
      Array.from({ length: 500 }, (_, index) => `s${index}`),
    );
  });
});
