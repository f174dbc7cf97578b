import type { Page } from 'playwright-core';
import type { ParticipantEvent } from '../src/common/participant-event.ts';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import {
  TEST_WEBHOOK_SECRET,
  deliverWebhook,
  joinDelivery,
  pushedOnlyEvent,
} from '../server/testing/webhook-deliveries.ts';
import {
  SHARED_ANSWER_MS_IN_TESTS,
  startAppUnderTest,
  type AppUnderTest,
} from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { pushStreamOpening, waitUntilLive, watchBot } from './support/dashboard-page.ts';
import { moveToNextRefresh } from './support/next-refresh.ts';
import { pauseClockSoon } from './support/page-clock.ts';
import { countRequestsInPage } from './support/requests-in-page.ts';

/*
 * The poll as the safety net under the push: what a lost webhook or a dropped stream leaves for
 * it. The page's timers run on Playwright's clock, moved on rather than waited for.
 */

const BOT = 'bot_pollSafetyNet01';
const KEY = 'poll-net-key-77';
const ENV = {
  ATTENDEE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET.toString('base64'),
  SHARED_ANSWER_MS: String(SHARED_ANSWER_MS_IN_TESTS),
};

let simulator: SimulatedAttendee;
let page: Page;
/** An app of this file's own, with a webhook secret: the worker's app has none. */
let app: AppUnderTest;

runAppInChromium({
  simulator: () => {
    simulator = new SimulatedAttendee({ seed: 262, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    return simulator;
  },
  pageClock: true,
  ready: () => undefined,
  page: (created) => {
    page = created;
  },
});

beforeAll(async () => {
  app = await startAppUnderTest(simulator, ENV);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

/** The page's polls for new events (the live tail asks with `after`), counted in the page. */
let pollsInPage: Awaited<ReturnType<typeof countRequestsInPage>> | undefined;
beforeEach(async () => {
  pollsInPage ??= await countRequestsInPage(page, '/participant_events?after=');
});

async function push(event: ParticipantEvent) {
  expect(await deliverWebhook(app.url, joinDelivery(BOT, event))).toBe(200);
}

/** A join stored upstream whose webhook never comes: only a poll can bring it. */
function lostWebhook(name: string) {
  simulator.join(BOT, { uuid: `lost-${name}`, name });
}

const roster = () => page.getByRole('list', { name: 'Currently present' });
const status = (text: RegExp) => page.getByRole('status').getByText(text);

/** Watches the bot until a push has come and the page says it is instant. */
async function watchUntilInstant(name: string) {
  const streamOpened = pushStreamOpening(page, app.url);
  await watchBot(page, app.url, BOT, KEY);
  await waitUntilLive(page);
  expect((await streamOpened).status()).toBe(200);
  await push(pushedOnlyEvent(name));
  await roster().getByText(name).waitFor({ timeout: 10_000 });
  await status(/^Live · instant/).waitFor({ timeout: 10_000 });
}

describe('the poll under the push', () => {
  it('brings a lost webhook’s join with the next 15 s poll, then polls every 3 s until a push comes again', async () => {
    await watchUntilInstant('Pia Pushed');
    lostWebhook('Lou Lost');
    await moveToNextRefresh(page, 15_000);
    await roster().getByText('Lou Lost').waitFor({ timeout: 10_000 });
    // Attendee's webhooks stopped reaching us, as far as the page can tell.
    await status(/^Live · every 3 s/).waitFor({ timeout: 10_000 });
    lostWebhook('Max Missed');
    await moveToNextRefresh(page, 3_000);
    await roster().getByText('Max Missed').waitFor({ timeout: 10_000 });
    await push(pushedOnlyEvent('Nia Next'));
    await status(/^Live · instant/).waitFor({ timeout: 10_000 });
  }, 60_000);

  it('polls every 15 s while pushes come, not every 3 s', async () => {
    await watchUntilInstant('Ivy Instant');
    await pauseClockSoon(page);
    try {
      await pollsInPage!.untilNoneInFlight();
      const before = await pollsInPage!.started();
      // A minute of the page's time, 3 s at a time, each poll's answer back before the next step.
      for (let second = 0; second < 60; second += 3) {
        await page.clock.runFor(3_000);
        await pollsInPage!.untilNoneInFlight();
      }
      // Every 3 s would be 20 polls.
      expect((await pollsInPage!.started()) - before).toBeGreaterThanOrEqual(3);
      expect((await pollsInPage!.started()) - before).toBeLessThanOrEqual(5);
      await status(/^Live · instant/).waitFor({ timeout: 1_000 });
    } finally {
      await page.clock.resume();
    }
  }, 60_000);

  it('goes back to polling every 3 s by itself when the stream drops', async () => {
    await watchUntilInstant('Ora Open');
    // Nothing of the page's runs from here until the clock moves: no poll, no reconnection.
    await pauseClockSoon(page);
    try {
      // A deploy: the server ends its streams on SIGTERM, and another comes up on its port.
      const port = Number(new URL(app.url).port);
      await app.stop();
      await status(/^Live · every 3 s/).waitFor({ timeout: 10_000 });
      app = await startAppUnderTest(simulator, ENV, port);
      expect(app.url).toBe(`http://localhost:${port}`);
      lostWebhook('Dee Dropped');
      await moveToNextRefresh(page, 3_000);
      await roster().getByText('Dee Dropped').waitFor({ timeout: 10_000 });
    } finally {
      await page.clock.resume();
    }
  }, 60_000);
});
