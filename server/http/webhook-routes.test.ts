import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPushBus } from '../push/memory-push-bus.ts';
import type { PushBus } from '../push/push-bus.ts';
import type { PushMessage } from '../push/push-message.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  TEST_WEBHOOK_SECRET,
  joinDelivery,
  signedDelivery,
  stateDelivery,
  type WebhookDelivery,
} from '../testing/webhook-deliveries.ts';

const BOT = 'bot_weIAju4OXNZkDTpZ';
const EVENT = {
  id: 'pe_Ab12Cd34Ef56Gh78',
  participant_name: 'Ana',
  participant_uuid: 'u1',
  participant_user_uuid: null,
  participant_is_host: false,
  event_type: 'join',
  event_data: {},
  timestamp_ms: 1764892800123,
};

interface Fixture {
  secret: string;
  deliveries: { body: string; signature: string }[];
}
const pythonSigned = JSON.parse(
  readFileSync(new URL('../push/fixtures/python-signed-webhooks.json', import.meta.url), 'utf8'),
) as Fixture;

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function startWithPush(secrets: Buffer[] = [TEST_WEBHOOK_SECRET]) {
  const bus = createMemoryPushBus();
  const pushed: PushMessage[] = [];
  bus.subscribe(BOT, (message) => pushed.push(message));
  running = await startTestApp({ push: { webhookSecrets: secrets, bus } });
  return { app: running.app, pushed, bus };
}

function deliver(app: TestApp['app'], delivery: Pick<WebhookDelivery, 'body' | 'headers'>) {
  return app.inject({
    method: 'POST',
    url: '/webhooks/attendee',
    headers: delivery.headers,
    payload: delivery.body,
  });
}

async function webhookCount(metrics: TestApp['metrics'], outcome: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric('attendee_live_webhooks_total')!.get();
  return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}

describe('POST /webhooks/attendee', () => {
  it('accepts a delivery signed by Python and pushes its event within 100 ms', async () => {
    const secret = Buffer.from(pythonSigned.secret, 'base64');
    const { app, pushed } = await startWithPush([secret]);
    const [delivery] = pythonSigned.deliveries;
    const started = performance.now();
    const response = await deliver(app, {
      body: delivery!.body,
      headers: { 'content-type': 'application/json', 'x-webhook-signature': delivery!.signature },
    });
    expect(performance.now() - started).toBeLessThan(100);
    expect(response.statusCode).toBe(200);
    expect(pushed).toEqual([
      expect.objectContaining({
        kind: 'event',
        botId: BOT,
        event: expect.objectContaining({
          id: 'pe_Ab12Cd34Ef56Gh78',
          participant_name: 'José García 🎉',
        }),
      }),
    ]);
  });

  it('acknowledges the same delivery three times and pushes it once', async () => {
    const { app, pushed } = await startWithPush();
    const delivery = joinDelivery(BOT, EVENT);
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await deliver(app, delivery)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(pushed).toHaveLength(1);
    expect(await webhookCount(running!.metrics, 'duplicate')).toBe(2);
  });

  it('refuses a forged or altered delivery with 401 and uses nothing of it', async () => {
    const { app, pushed } = await startWithPush();
    const forged = joinDelivery(BOT, EVENT, Buffer.alloc(32, 6));
    expect((await deliver(app, forged)).statusCode).toBe(401);
    const genuine = signedDelivery(
      BOT,
      'participant_events.join_leave',
      EVENT,
      TEST_WEBHOOK_SECRET,
      forged.idempotencyKey,
    );
    const altered = { ...genuine, body: genuine.body.replace('"Ana"', '"Eve"') };
    expect((await deliver(app, altered)).statusCode).toBe(401);
    const unsigned = { body: genuine.body, headers: { 'content-type': 'application/json' } };
    expect((await deliver(app, unsigned)).statusCode).toBe(401);
    expect(pushed).toEqual([]);
    // The forged delivery's idempotency key was not remembered: the genuine one still goes out.
    expect((await deliver(app, genuine)).statusCode).toBe(200);
    expect(pushed).toHaveLength(1);
    expect(await webhookCount(running!.metrics, 'bad_signature')).toBe(2);
    expect(await webhookCount(running!.metrics, 'unsigned')).toBe(1);
  });

  it('accepts the previous secret while the secret rotates', async () => {
    const { app, pushed } = await startWithPush([Buffer.alloc(32, 8), TEST_WEBHOOK_SECRET]);
    expect((await deliver(app, joinDelivery(BOT, EVENT))).statusCode).toBe(200);
    expect(pushed).toHaveLength(1);
  });

  it('answers 400 to JSON that does not parse, and 413 above a megabyte', async () => {
    const { app, pushed } = await startWithPush();
    const delivery = joinDelivery(BOT, EVENT);
    expect((await deliver(app, { ...delivery, body: '{"bot_id": ' })).statusCode).toBe(400);
    const huge = { ...delivery, body: `{"pad":"${'x'.repeat(1024 * 1024)}"}` };
    expect((await deliver(app, huge)).statusCode).toBe(413);
    expect(pushed).toEqual([]);
  });

  it('pushes a state change as the bot’s new state', async () => {
    const { app, pushed } = await startWithPush();
    expect((await deliver(app, stateDelivery(BOT, 'joined_recording', 'ended'))).statusCode).toBe(
      200,
    );
    expect(pushed).toEqual([
      expect.objectContaining({ kind: 'state', botId: BOT, state: 'ended' }),
    ]);
  });

  it('is not there without a secret, and neither is the stream', async () => {
    const bus: PushBus = createMemoryPushBus();
    running = await startTestApp({ push: { webhookSecrets: [], bus } });
    expect((await deliver(running.app, joinDelivery(BOT, EVENT))).statusCode).toBe(404);
    expect((await running.app.inject({ url: `/live?bots=${BOT}` })).statusCode).toBe(404);
  });
});
