import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { sendWebhooks } from '../server/simulator/webhook-sender.ts';
import { nextMessage, sseFrames } from '../server/testing/sse-frames.ts';
import { startAppUnderTest, type AppUnderTest } from '../test/support/app-under-test.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { pushStreamOpening, watchBot } from '../test/support/dashboard-page.ts';
import { signedDelivery } from '../server/testing/webhook-deliveries.ts';

const KEY = 'bench-push-key';
const PUSHED_BOT = 'bot_benchPushed0001';
const POLLED_BOT = 'bot_benchPolled0001';
const FANOUT_BOT = 'bot_benchFanout0001';
/** The page's poll interval without push. */
const POLL_MS = 3_000;

export interface PushFigures {
  /** From the simulator storing a join (and posting its webhook) to the frame showing it. */
  pushJoinMs: number[];
  /** The same, with polling alone (every 3 s). */
  pollJoinMs: number[];
  /** One webhook to `streams` open streams: until the last of them had it, per webhook. */
  fanoutMs: number[];
}

/**
 * Runs in the page before the app: the moment (epoch ms, the clock Node's `Date.now()` reads on
 * the same machine) of the first frame showing each value of Present now. The mutation says the
 * DOM changed; the animation frame after it is the one that paints it.
 */
const INSTRUMENT = `
  window.__presentAt = {};
  let figure = null;
  new MutationObserver(() => {
    if (!figure?.isConnected) {
      const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent.trim() === 'Present now');
      figure = term?.nextElementSibling ?? null;
    }
    const value = figure?.textContent.trim();
    if (!value || value in window.__presentAt) return;
    window.__presentAt[value] = null;
    requestAnimationFrame(() => { window.__presentAt[value] = performance.timeOrigin + performance.now(); });
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function shownAt(page: Page, present: number): Promise<number> {
  const handle = await page.waitForFunction(
    (value) =>
      (window as unknown as { __presentAt: Record<string, number | null> }).__presentAt[value],
    String(present),
    { timeout: 20_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Opens the dashboard of `bot` in a page of its own and waits until it is live, and until its
 * push stream is open: the page opens it only once the history is in, so a join stored as the
 * page turns live can be pushed to no one, and only a poll would bring it.
 */
async function openDashboard(browser: Browser, app: AppUnderTest, bot: string, live: RegExp) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(INSTRUMENT);
  const streamOpened = pushStreamOpening(page, app.url);
  await watchBot(page, app.url, bot, KEY);
  await page.getByRole('status').getByText(live).waitFor({ timeout: 60_000 });
  const stream = await streamOpened;
  if (stream.status() !== 200) throw new Error(`the push stream was refused: ${stream.status()}`);
  return page;
}

/**
 * `joins` joins, one at a time, from `simulator.join` (which posts the webhook when one is set)
 * to the page's frame. Each comes a random moment, spread over a whole poll interval, after the
 * last was shown: a poll shows a join just after its tick, so a fixed pause would fall at the
 * same phase of the poll every time.
 */
async function timeJoins(simulator: SimulatedAttendee, page: Page, bot: string, joins: number) {
  const times: number[] = [];
  const present = simulator.visibleEvents(bot).length;
  for (let index = 1; index <= joins; index++) {
    await pause(200 + Math.random() * POLL_MS);
    const storedAt = Date.now();
    simulator.join(bot, { uuid: `bench-${bot}-${index}`, name: `Bench Person ${index}` });
    times.push((await shownAt(page, present + index)) - storedAt);
  }
  return times;
}

async function measureFanout(app: AppUnderTest, secret: Buffer, streams: number, webhooks: number) {
  const authorization = `Token ${KEY}`;
  await (
    await fetch(`${app.url}/api/v1/bots/${FANOUT_BOT}`, { headers: { authorization } })
  ).text();
  const readers = await Promise.all(
    Array.from({ length: streams }, async () => {
      const response = await fetch(`${app.url}/live?bots=${FANOUT_BOT}`, {
        headers: { authorization },
      });
      if (response.status !== 200) throw new Error(`a stream was refused: ${response.status}`);
      return sseFrames(response);
    }),
  );
  const times: number[] = [];
  try {
    for (let index = 0; index < webhooks; index++) {
      const delivery = signedDelivery(
        FANOUT_BOT,
        'bot.state_change',
        {
          event_type: 'state_change',
          event_sub_type: null,
          event_metadata: {},
          old_state: 'joined_recording',
          new_state: 'joined_recording',
          created_at: new Date().toISOString(),
        },
        secret,
      );
      const received = readers.map((frames) => nextMessage(frames).then(() => performance.now()));
      const sentAt = performance.now();
      const answer = await fetch(`${app.url}/webhooks/attendee`, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
      });
      if (answer.status !== 200) throw new Error(`the webhook was refused: ${answer.status}`);
      await answer.arrayBuffer();
      times.push(Math.max(...(await Promise.all(received))) - sentAt);
    }
  } finally {
    await Promise.all(readers.map((frames) => frames.return(undefined)));
  }
  return times;
}

/**
 * The production server (`dist-server/main.js`) with a webhook secret, its upstream a simulator
 * in this process, and the page in Chromium: a join pushed (the simulator posts its webhook as it
 * stores it), a join polled (a bot whose webhooks go nowhere), and one webhook fanned out to many
 * streams read by this process.
 */
export async function measurePush(joins: number, fanoutStreams: number): Promise<PushFigures> {
  const secret = randomBytes(32);
  const simulator = new SimulatedAttendee({ seed: 2626, lateCommitProbability: 0 });
  for (const id of [PUSHED_BOT, POLLED_BOT, FANOUT_BOT]) simulator.addBot({ id, apiKey: KEY });
  simulator.join(PUSHED_BOT, { uuid: 'first', name: 'First In' });
  simulator.join(POLLED_BOT, { uuid: 'first', name: 'First In' });
  const app = await startAppUnderTest(simulator, {
    ATTENDEE_WEBHOOK_SECRET: secret.toString('base64'),
  });
  const browser = await launchChromium();
  try {
    const url = `${app.url}/webhooks/attendee`;
    const stopWebhooks = sendWebhooks(simulator, {
      url,
      secret,
      onFailure: (reason) => console.error(`webhook failed: ${reason}`),
    });
    let page = await openDashboard(browser, app, PUSHED_BOT, /^Live/);
    // One push first: the page says instant (and polls every 15 s) once a push has come.
    simulator.join(PUSHED_BOT, { uuid: 'warm', name: 'Warm Up' });
    await page
      .getByRole('status')
      .getByText(/^Live · instant/)
      .waitFor({ timeout: 20_000 });
    const pushJoinMs = await timeJoins(simulator, page, PUSHED_BOT, joins);
    stopWebhooks();
    await page.context().close();

    page = await openDashboard(browser, app, POLLED_BOT, /^Live · every 3 s/);
    const pollJoinMs = await timeJoins(simulator, page, POLLED_BOT, joins);
    await page.context().close();

    const fanoutMs = await measureFanout(app, secret, fanoutStreams, 100);
    return { pushJoinMs, pollJoinMs, fanoutMs };
  } finally {
    await browser.close();
    await app.stop();
  }
}
