import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import {
  TEST_WEBHOOK_SECRET,
  deliverWebhook,
  joinDelivery,
  pushedOnlyEvent,
  signedDelivery,
  type WebhookDelivery,
} from '../server/testing/webhook-deliveries.ts';
import { startRedisServer, type RunningRedis } from '../server/testing/redis-server.ts';
import { nextMessage, sseFrames } from '../server/testing/sse-frames.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { pushStreamOpening, waitUntilLive, watchBot } from './support/dashboard-page.ts';

const BOT = 'bot_pushedMeeting001';
const KEY = 'push-key-abc123';

let simulator: SimulatedAttendee;
let page: Page;
/** An app of this file's own, with a webhook secret: the worker's app has none. */
let app: AppUnderTest;

runAppInChromium({
  simulator: () => {
    simulator = new SimulatedAttendee({ seed: 26, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    return simulator;
  },
  ready: () => undefined,
  page: (created) => {
    page = created;
  },
});

beforeAll(async () => {
  app = await startAppUnderTest(simulator, {
    ATTENDEE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET.toString('base64'),
  });
}, 60_000);

/** Stopped after the file even when its test timed out, so no redis-server outlives the run. */
let redis: RunningRedis | undefined;

afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

function deliver(delivery: Pick<WebhookDelivery, 'body' | 'headers'>, url = app.url) {
  return deliverWebhook(url, delivery);
}

async function watchUntilStreamOpen(url = app.url) {
  const streamOpened = pushStreamOpening(page, url);
  await watchBot(page, url, BOT, KEY);
  await waitUntilLive(page);
  expect((await streamOpened).status()).toBe(200);
}

const roster = () => page.getByRole('list', { name: 'Currently present' });
const timeline = () => page.getByRole('list', { name: 'Timeline' });

describe('webhooks pushed to the page', () => {
  it('shows a pushed join that no poll could have brought, and says the page is instant', async () => {
    await watchUntilStreamOpen();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Live · every 3 s/);
    expect(await deliver(joinDelivery(BOT, pushedOnlyEvent('Pia Pushed')))).toBe(200);
    await roster().getByText('Pia Pushed').waitFor({ timeout: 5_000 });
    await page
      .getByRole('status')
      .getByText(/^Live · instant/)
      .waitFor({ timeout: 5_000 });
  });

  it('shows a webhook delivered three times once, and the poll bringing it again changes nothing', async () => {
    await watchUntilStreamOpen();
    const event = simulator.join(BOT, { uuid: 'thrice', name: 'Theo Thrice' });
    // Three deliveries, each under its own idempotency key: only the page's merge by id is left.
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await deliver(joinDelivery(BOT, event))).toBe(200);
    }
    await roster().getByText('Theo Thrice').waitFor({ timeout: 5_000 });
    await expect(
      timeline()
        .getByText(/Theo Thrice\s*joined/)
        .count(),
    ).resolves.toBe(1);
    expect(await page.getByLabel('Present now').textContent()).toBe('1');
  });

  it('refuses a forged webhook and never shows it', async () => {
    await watchUntilStreamOpen();
    const forged = joinDelivery(BOT, pushedOnlyEvent('Fred Forged'), Buffer.alloc(32, 66));
    expect(await deliver(forged)).toBe(401);
    const unsigned = signedDelivery(BOT, 'participant_events.join_leave', pushedOnlyEvent('Una'));
    expect(
      await deliver({ body: unsigned.body, headers: { 'content-type': 'application/json' } }),
    ).toBe(401);
    // A genuine push after them arrives, so the forged ones had their chance to show.
    expect(await deliver(joinDelivery(BOT, pushedOnlyEvent('Gina Genuine')))).toBe(200);
    await roster().getByText('Gina Genuine').waitFor({ timeout: 5_000 });
    await expect(roster().getByText('Fred Forged').count()).resolves.toBe(0);
    await expect(roster().getByText('Una').count()).resolves.toBe(0);
  });

  it('pushes the demo meeting out of the box: npm start’s simulator signs webhooks to its server', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await page
      .getByRole('status')
      .getByText(/^Live · instant/)
      .waitFor({ timeout: 30_000 });
  }, 40_000);

  it('takes a webhook received by one instance to a page served by another, through Redis', async () => {
    redis = await startRedisServer();
    const env = {
      ATTENDEE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET.toString('base64'),
      REDIS_URL: redis.url,
    };
    const [first, second] = await Promise.all([
      startAppUnderTest(simulator, env),
      startAppUnderTest(simulator, env),
    ]);
    try {
      await watchUntilStreamOpen(second.url);
      expect(await deliver(joinDelivery(BOT, pushedOnlyEvent('Rita Redis')), first.url)).toBe(200);
      await roster().getByText('Rita Redis').waitFor({ timeout: 5_000 });
    } finally {
      await page.goto('about:blank');
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 60_000);

  it('ends its open streams on SIGTERM and exits at once, not after the grace period', async () => {
    const own = await startAppUnderTest(simulator, {
      ATTENDEE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET.toString('base64'),
    });
    try {
      const headers = { Authorization: `Token ${KEY}` };
      await (await fetch(`${own.url}/api/v1/bots/${BOT}`, { headers })).arrayBuffer();
      const stream = await fetch(`${own.url}/live?bots=${BOT}`, { headers });
      expect(stream.status).toBe(200);
      const frames = sseFrames(stream);
      expect((await frames.next()).value).toEqual({ event: null, data: 'open' });
      const exited = new Promise((resolve) =>
        own.process.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const signalledAt = Date.now();
      own.process.kill('SIGTERM');
      expect(await nextMessage(frames)).toBeNull();
      expect(await exited).toEqual({ code: 0, signal: null });
      // The grace period (10 s) is for requests that end; a stream never would.
      expect(Date.now() - signalledAt).toBeLessThan(5_000);
    } finally {
      await own.stop();
    }
  }, 30_000);
});
