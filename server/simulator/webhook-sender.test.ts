import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPushBus } from '../push/memory-push-bus.ts';
import { nextMessage, sseFrames } from '../testing/sse-frames.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { TEST_WEBHOOK_SECRET } from '../testing/webhook-deliveries.ts';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { sendWebhooks } from './webhook-sender.ts';

const BOT = 'bot_senderMeeting1';
const KEY = 'sender-key';

let running: TestApp | undefined;
let stop = () => {};

afterEach(async () => {
  stop();
  const closing = running?.app.close();
  running?.app.server.closeAllConnections();
  await closing;
  running = undefined;
});

describe('the simulator’s webhooks', () => {
  it('are verified by our server and reach the page’s stream, state changes included', async () => {
    const simulator = new InstrumentedAttendee({ lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    running = await startTestApp({
      simulator,
      push: { webhookSecrets: [TEST_WEBHOOK_SECRET], bus: createMemoryPushBus() },
    });
    const origin = await running.app.listen({ port: 0, host: '127.0.0.1' });
    const failures: string[] = [];
    stop = sendWebhooks(simulator, {
      url: `${origin}/webhooks/attendee`,
      secret: TEST_WEBHOOK_SECRET,
      onFailure: (reason) => failures.push(reason),
    });
    const authorization = `Token ${KEY}`;
    await (await fetch(`${origin}/api/v1/bots/${BOT}`, { headers: { authorization } })).text();
    const frames = sseFrames(
      await fetch(`${origin}/live?bots=${BOT}`, { headers: { authorization } }),
    );
    const joined = simulator.join(BOT, { uuid: 'u-1', name: 'Ümit Ö' });
    const pushed = await nextMessage(frames);
    expect(JSON.parse(pushed!.data)).toEqual({ botId: BOT, event: joined });
    simulator.setState(BOT, 'ended');
    expect(JSON.parse((await nextMessage(frames))!.data)).toMatchObject({ state: 'ended' });
    expect(await nextMessage(frames)).toBeNull();
    expect(failures).toEqual([]);
  });
});
