import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { startAppUnderTest } from '../test/support/app-under-test.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { populateMeeting } from './populate-meeting.ts';

const BOT = 'bot_benchRender00001';
const KEY = 'bench-key';

export interface RenderFigures {
  historyLoadMs: number;
  updates: UpdateRound[];
  present: string;
  eventsLoaded: string;
}

/** One poll's update, from its response's arrival to the end of the frame that shows it. */
export interface UpdateRound {
  /** The page's own work: reading the response and rendering it, then that frame's work. */
  workMs: number;
  /** Between the two: the wait for the display's next refresh (0–16.7 ms at 60 Hz). */
  refreshWaitMs: number;
  /** Everything: what a person sees, the work and the wait. */
  totalMs: number;
}

interface UpdateTimes {
  arrivedAt: number;
  committedAt: number;
  frameAt: number;
  paintedAt: number;
}

/**
 * The frame's time (`requestAnimationFrame`'s argument) is when the refresh began, which can come
 * just before the commit that the frame then shows: the wait is never counted below zero.
 */
function splitUpdate(times: UpdateTimes): UpdateRound {
  const totalMs = times.paintedAt - times.arrivedAt;
  const refreshWaitMs = Math.max(0, times.frameAt - times.committedAt);
  return { workMs: totalMs - refreshWaitMs, refreshWaitMs, totalMs };
}

/**
 * Runs in the page before the app: notes when a poll's response carrying the round's marker
 * arrives, then when the timeline shows it and the following frame has been painted.
 */
const INSTRUMENT = `
  window.__bench = { token: null, arrivedAt: null, committedAt: null, frameAt: null, paintedAt: null };
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const bench = window.__bench;
    if (!bench.token || bench.arrivedAt !== null || !String(input).includes('after=')) return response;
    const text = await response.text();
    if (text.includes(bench.token)) {
      // Polls fall on whole seconds, and 60 frames make a second: every round would reach the
      // page at the same point of the display's refresh, and the wait for the next frame would
      // be the same in every round of a run (13.6 ms in one run, 18.4 in the next, same code).
      // A random hold of up to one frame spreads the rounds over every point, as a user's are.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000 / 60));
      bench.arrivedAt = performance.now();
      performance.mark('bench-arrived');
      const token = bench.token;
      const observer = new MutationObserver(() => {
        const timeline = document.querySelector('[aria-label="Timeline"]');
        if (!timeline || !timeline.textContent.includes(token)) return;
        observer.disconnect();
        bench.committedAt = performance.now();
        // The frame's start: between the commit and it, the page waits for the display's refresh.
        requestAnimationFrame((frameAt) => {
          bench.frameAt = frameAt;
          setTimeout(() => {
            bench.paintedAt = performance.now();
            performance.mark('bench-painted');
            bench.painted();
          }, 0);
        });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
`;

/** The app in Chromium with a large meeting's history loaded, ready to time updates. */
export interface RenderBenchPage {
  page: Page;
  historyLoadMs: number;
  /** One poll that brings a join and 24 speech events; its response-to-painted-frame time. */
  timeRound(round: number): Promise<UpdateRound>;
  close(): Promise<void>;
}

export async function openRenderBench(events: number, people: number): Promise<RenderBenchPage> {
  const simulator = new SimulatedAttendee({
    lateCommitProbability: 0,
    maxStoredEvents: events * 2,
  });
  simulator.addBot({ id: BOT, apiKey: KEY });
  populateMeeting(simulator, BOT, {
    people,
    events,
    durationMs: 3 * 3_600_000,
    nowMs: Date.now() - 30_000,
  });
  const app = await startAppUnderTest(simulator);
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await app.stop();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(INSTRUMENT);
    await page.goto(app.url);
    await page.getByLabel('Bot ID').fill(BOT);
    await page.getByLabel('API key').fill(KEY);
    const started = Date.now();
    await page.getByRole('button', { name: 'Watch' }).click();
    await page
      .getByRole('status')
      .getByText(/Live · (instant|every \d+ s) · updated/)
      .waitFor({ timeout: 300_000 });
    const historyLoadMs = Date.now() - started;
    await page
      .getByRole('group', { name: 'Tools' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await page.getByLabel('Check every').selectOption('1000');
    // Closed again, as a person would leave it: the bench measures the meeting, not the panel.
    await page.keyboard.press('Escape');

    const timeRound = async (round: number) => {
      const token = `Bench round ${round}`;
      await page.evaluate((value) => {
        const bench = (window as unknown as { __bench: Record<string, unknown> }).__bench;
        Object.assign(bench, {
          token: value,
          arrivedAt: null,
          committedAt: null,
          frameAt: null,
          paintedAt: null,
        });
        bench.whenPainted = new Promise<void>((resolve) => {
          bench.painted = resolve;
        });
      }, token);
      simulator.join(BOT, { uuid: `bench-${round}`, name: token });
      for (let index = 0; index < 24; index += 1) {
        const uuid = `person-${(round * 24 + index) % people}`;
        if (index % 2 === 0) simulator.speechStart(BOT, uuid);
        else simulator.speechStop(BOT, uuid);
      }
      // Waited for with one promise, not polled: Playwright's waitForFunction polls on every
      // animation frame, and a page asked for a frame every 16.7 ms starts each update's frame on
      // that beat (it waited up to a whole frame after the work was done) where an idle page,
      // as a user's is between polls, starts it at once.
      const times = await page.evaluate(async () => {
        const bench = (
          window as unknown as { __bench: UpdateTimes & { whenPainted: Promise<void> } }
        ).__bench;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Not painted within 15 s.')), 15_000);
        });
        await Promise.race([bench.whenPainted, late]).finally(() => clearTimeout(timer));
        const { arrivedAt, committedAt, frameAt, paintedAt } = bench;
        return { arrivedAt, committedAt, frameAt, paintedAt };
      });
      return splitUpdate(times);
    };
    return { page, historyLoadMs, timeRound, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const WARM_UP_ROUNDS = 3;

export async function measureRenderUpdate(
  events: number,
  people: number,
  rounds: number,
): Promise<RenderFigures> {
  const bench = await openRenderBench(events, people);
  try {
    // The first updates after the load run code not yet optimised: not what a meeting feels like.
    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await bench.timeRound(round);
    const updates: UpdateRound[] = [];
    for (let round = WARM_UP_ROUNDS; round < WARM_UP_ROUNDS + rounds; round += 1) {
      updates.push(await bench.timeRound(round));
    }
    const present = (await bench.page.getByLabel('Present now').textContent()) ?? '';
    const eventsLoaded = (await bench.page.getByLabel('Events loaded').textContent()) ?? '';
    return { historyLoadMs: bench.historyLoadMs, updates, present, eventsLoaded };
  } finally {
    await bench.close();
  }
}
