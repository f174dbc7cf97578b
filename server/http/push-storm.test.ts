import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPushBus } from '../push/memory-push-bus.ts';
import { nextMessage, sseFrames } from '../testing/sse-frames.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  TEST_WEBHOOK_SECRET,
  deliverWebhook,
  joinDelivery,
} from '../testing/webhook-deliveries.ts';

const KEY = 'storm-key';
const BOT = 'bot_storm0001';
const STORM = 500;
/** The storm is sent in ten bursts over one second. */
const BURSTS = 10;

let running: TestApp | undefined;

afterEach(async () => {
  const closing = running?.app.close();
  running?.app.server.closeAllConnections();
  await closing;
  running = undefined;
});

describe('a storm of webhooks', () => {
  it('takes 500 signed webhooks sent within one second to an open stream, none lost, none doubled', async () => {
    running = await startTestApp({
      push: { webhookSecrets: [TEST_WEBHOOK_SECRET], bus: createMemoryPushBus() },
    });
    running.simulator.addBot({ id: BOT, apiKey: KEY });
    const origin = await running.app.listen({ port: 0, host: '127.0.0.1' });
    const authorization = `Token ${KEY}`;
    await (await fetch(`${origin}/api/v1/bots/${BOT}`, { headers: { authorization } })).text();
    const stream = await fetch(`${origin}/live?bots=${BOT}`, { headers: { authorization } });
    expect(stream.status).toBe(200);
    const frames = sseFrames(stream);

    // Signed before the clock starts: the storm is the server's, not our signing.
    const deliveries = Array.from({ length: STORM }, (_, index) =>
      joinDelivery(
        BOT,
        running!.simulator.join(BOT, { uuid: `storm-${index}`, name: `Person ${index}` }),
      ),
    );
    // Read until a last webhook sent after the storm: the bus keeps a stream's order, so a
    // message lost comes short of the count, and one doubled over it.
    const LAST = 'pe_afterTheStorm';
    const received = (async () => {
      const ids: string[] = [];
      for (;;) {
        const frame = await nextMessage(frames);
        const id = frame && (JSON.parse(frame.data) as { event: { id: string } }).event.id;
        if (id === null || id === LAST) return ids;
        ids.push(id);
      }
    })();
    const started = performance.now();
    const statuses: Promise<number>[] = [];
    const perBurst = STORM / BURSTS;
    for (let burst = 0; burst < BURSTS; burst++) {
      for (const delivery of deliveries.slice(burst * perBurst, (burst + 1) * perBurst)) {
        statuses.push(deliverWebhook(origin, delivery));
      }
      const nextBurstAt = started + ((burst + 1) * 1_000) / BURSTS;
      await new Promise((resolve) => setTimeout(resolve, nextBurstAt - performance.now()));
    }
    expect(new Set(await Promise.all(statuses))).toEqual(new Set([200]));
    const last = joinDelivery(BOT, {
      ...running.simulator.join(BOT, { uuid: 'last', name: 'Last' }),
      id: LAST,
    });
    const lastAnswer = await fetch(`${origin}/webhooks/attendee`, {
      method: 'POST',
      headers: last.headers,
      body: last.body,
    });
    expect(lastAnswer.status).toBe(200);
    const ids = await received;
    await frames.return(undefined);

    const sent = deliveries.map(
      (delivery) => (JSON.parse(delivery.body) as { data: { id: string } }).data.id,
    );
    expect(ids).toHaveLength(STORM);
    expect(new Set(ids)).toEqual(new Set(sent));
    const pushed = await running.metrics.registry
      .getSingleMetric('attendee_live_webhooks_total')!
      .get();
    expect(pushed.values.find((value) => value.labels.outcome === 'pushed')?.value).toBe(STORM + 1);
  }, 30_000);
});
