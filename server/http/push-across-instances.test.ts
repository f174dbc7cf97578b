import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { createRedisPushBus } from '../push/redis-push-bus.ts';
import { startRedisServer, type RunningRedis } from '../testing/redis-server.ts';
import { nextMessage, sseFrames } from '../testing/sse-frames.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  TEST_WEBHOOK_SECRET,
  deliverWebhook,
  joinDelivery,
} from '../testing/webhook-deliveries.ts';

const KEY = 'across-key';
const BOT = 'bot_across1';

let redis: RunningRedis;
const instances: { running: TestApp; origin: string }[] = [];
const simulator = new InstrumentedAttendee();
simulator.addBot({ id: BOT, apiKey: KEY });

/** Two instances behind one load balancer: the same upstream, the same Redis. */
beforeAll(async () => {
  redis = await startRedisServer();
  for (let index = 0; index < 2; index++) {
    const bus = await createRedisPushBus(redis.url, (error) => {
      throw error;
    });
    const running = await startTestApp({
      simulator,
      push: { webhookSecrets: [TEST_WEBHOOK_SECRET], bus },
    });
    running.app.addHook('onClose', () => bus.close());
    instances.push({ running, origin: await running.app.listen({ port: 0, host: '127.0.0.1' }) });
  }
}, 20_000);

afterAll(async () => {
  for (const { running } of instances) {
    const closing = running.app.close();
    running.app.server.closeAllConnections();
    await closing;
  }
  await redis?.stop();
});

async function openStreamOn(origin: string) {
  const authorization = `Token ${KEY}`;
  const read = await fetch(`${origin}/api/v1/bots/${BOT}`, { headers: { authorization } });
  await read.arrayBuffer();
  const response = await fetch(`${origin}/live?bots=${BOT}`, { headers: { authorization } });
  expect(response.status).toBe(200);
  return sseFrames(response);
}

describe('pushes between instances through Redis', () => {
  it('takes a webhook on one instance to a page on the other, once however often it comes', async () => {
    const [first, second] = instances;
    const frames = await openStreamOn(second!.origin);
    const event = simulator.join(BOT, { uuid: 'u-ana', name: 'Ana' });
    const delivery = joinDelivery(BOT, event);
    // Attendee's retries may land on either instance.
    expect(await deliverWebhook(first!.origin, delivery)).toBe(200);
    expect(await deliverWebhook(second!.origin, delivery)).toBe(200);
    expect(await deliverWebhook(first!.origin, delivery)).toBe(200);
    const marker = simulator.join(BOT, { uuid: 'u-bo', name: 'Bo' });
    expect(await deliverWebhook(first!.origin, joinDelivery(BOT, marker))).toBe(200);
    const ids = [];
    for (let index = 0; index < 2; index++) {
      const message = await nextMessage(frames);
      ids.push((JSON.parse(message!.data) as { event: { id: string } }).event.id);
    }
    expect(ids).toEqual([event.id, marker.id]);
    await frames.return(undefined);
  });

  it('loses none of a storm of 500 webhooks, counted end to end', { timeout: 30_000 }, async () => {
    const [first, second] = instances;
    const frames = await openStreamOn(second!.origin);
    simulator.join(BOT, { uuid: 'u-storm', name: 'Storm' });
    const deliveries = Array.from({ length: 500 }, () =>
      joinDelivery(BOT, simulator.emit(BOT, 'u-storm', 'speech_start')),
    );
    // All at once: a harsher storm than 500 spread over a second.
    const statuses = await Promise.all(
      deliveries.map((delivery) => deliverWebhook(first!.origin, delivery)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const received = new Set<string>();
    while (received.size < 500) {
      const message = await nextMessage(frames);
      if (message === null) break;
      received.add((JSON.parse(message.data) as { event: { id: string } }).event.id);
    }
    expect(received.size).toBe(500);
    await frames.return(undefined);
  });
});
