import type { Page } from 'playwright-core';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium, type RunningApp } from './support/app-in-chromium.ts';
import { watchBot } from './support/dashboard-page.ts';
import { moveToNextRefresh } from './support/next-refresh.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';

const LONG_MEETING = 'bot_longMeeting00001';
const LIVE_MEETING = 'bot_liveMeeting00001';
const EARLY_MEETING = 'bot_openedEarly00001';
const ENDED_MEETING = 'bot_endedMeeting0001';
const KEY = 'test-key-abc123';
const BOT_STATE_REFRESH_MS = 10_000;

let simulator: InstrumentedAttendee;
let app: AppUnderTest;
let page: Page;
let running: RunningApp;

runAppInChromium({
  simulator: () => {
    const simulator = new InstrumentedAttendee({ seed: 11, lateCommitProbability: 0 });
    simulator.addBot({
      id: LONG_MEETING,
      apiKey: KEY,
      meeting: { historyMinutes: 40, live: false },
    });
    simulator.addBot({ id: LIVE_MEETING, apiKey: KEY });
    simulator.addBot({ id: EARLY_MEETING, apiKey: KEY, state: 'waiting_room' });
    simulator.addBot({
      id: ENDED_MEETING,
      apiKey: KEY,
      meeting: { historyMinutes: 10, live: false },
      state: 'ended',
    });
    return simulator;
  },
  ready: (started) => {
    running = started;
    ({ simulator, app } = started);
  },
  page: (created) => {
    page = created;
  },
});

describe('the dashboard in Chromium, served by npm start', () => {
  it('loads a long history through the proxy and counts who is present', async () => {
    const truth = simulator.visibleEvents(LONG_MEETING);
    expect(truth.length).toBeGreaterThanOrEqual(300);
    simulator.clearRequests();
    await watchBot(page, app.url, LONG_MEETING, KEY);
    await page
      .getByRole('status')
      .getByText(/Live · (instant|every \d+ s) · updated/)
      .waitFor({ timeout: 30_000 });

    await expect
      .poll(() => page.getByLabel('Present now').textContent())
      .toBe(String(presentInTruth(truth)));
    expect(await page.getByLabel('Events loaded').textContent()).toBe(
      truth.length.toLocaleString('en-US'),
    );
    // Only the rows on screen are rendered; each says how long the whole list is.
    const firstRow = page
      .getByRole('list', { name: 'Currently present' })
      .getByRole('listitem')
      .first();
    expect(await firstRow.getAttribute('aria-setsize')).toBe(String(presentInTruth(truth)));
    // The timeline's rows are placed from its oldest end: on screen they still read newest first,
    // from the top of the list down, one after the other.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const listTop = await timeline.evaluate((list) => list.getBoundingClientRect().top);
    const rows = await timeline.getByRole('listitem').evaluateAll((items) =>
      items.map((item) => ({
        position: Number(item.getAttribute('aria-posinset')),
        top: item.getBoundingClientRect().top,
        at: item.querySelector('time')?.dateTime ?? '',
      })),
    );
    rows.sort((a, b) => a.top - b.top);
    expect(rows[0]).toMatchObject({ position: 1, top: listTop });
    expect(rows.map((row) => row.at)).toEqual(
      rows
        .map((row) => row.at)
        .sort()
        .reverse(),
    );
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    // 25 events a page: the whole history was read, in windows walked side by side.
    const eventRequests = simulator.requests.filter((request) =>
      request.path.endsWith('/participant_events'),
    );
    expect(eventRequests.length).toBeGreaterThanOrEqual(Math.ceil(truth.length / 25));
    expect(new URL(page.url()).searchParams.get('bot')).toBe(LONG_MEETING);
    expect(page.url()).not.toContain(KEY);
  });

  it('follows a meeting opened early: waiting for the bot, live, then over', async () => {
    // The bot's state is read every 10 s: the page's clock is moved on rather than waited for,
    // in a page of its own, since a page's clock cannot be given back.
    await running.ownPage();
    await page.clock.install();
    await watchBot(page, app.url, EARLY_MEETING, KEY);
    const status = page.getByRole('status');
    await status
      .getByText(/^Waiting for the bot to join the meeting: it is in the waiting room/)
      .waitFor({
        timeout: 30_000,
      });
    await page
      .getByText('The bot is not in the meeting yet. People appear here once it is.')
      .waitFor();

    simulator.setState(EARLY_MEETING, 'joined_recording');
    simulator.join(EARLY_MEETING, { uuid: 'ada', name: 'Ada Early' });
    await moveToNextRefresh(page, BOT_STATE_REFRESH_MS);
    const roster = page.getByRole('list', { name: 'Currently present' });
    await roster.getByText('Ada Early').waitFor({ timeout: 15_000 });
    await status.getByText(/^Live · (instant|every \d+ s) · updated/).waitFor();

    simulator.setState(EARLY_MEETING, 'ended');
    await moveToNextRefresh(page, BOT_STATE_REFRESH_MS);
    await status
      .getByText(/^Meeting over · the bot left at \d\d:\d\d/)
      .waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: 'In the meeting when the bot left' }).waitFor();
    // Said as when they joined and how long they stayed, which stays true after the meeting.
    await roster.getByText(/^joined at \d\d:\d\d, just before the end$/).waitFor();
    expect(await page.getByLabel('Present at the end').textContent()).toBe('1');
    // The title is set when the page is next idle, after the frame: it is waited for, as a
    // person watching the tab would. The page clock runs on in real time, so its idle callbacks
    // (held to their 1 s timeout) come too.
    await expect.poll(() => page.title(), { timeout: 5_000 }).toBe('Meeting over · Attendee Live');
  });

  it('says in the tab that the meeting is over, on the browser’s own idle time', async () => {
    // No page clock here: the title must come from the browser's real idle callbacks.
    await watchBot(page, app.url, ENDED_MEETING, KEY);
    await page
      .getByRole('status')
      .getByText(/^Meeting over/)
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => page.title(), { timeout: 5_000 }).toBe('Meeting over · Attendee Live');
  });

  it('marks who is speaking, and animates nothing while they speak', async () => {
    // A speaker the test starts: in the demo, who speaks when is the simulator's dice, and the
    // speaker may be in a roster row not rendered (one run in ten found nobody in 30 s).
    simulator.join(LIVE_MEETING, { uuid: 'sam', name: 'Sam Speaker' });
    simulator.speechStart(LIVE_MEETING, 'sam');
    await watchBot(page, app.url, LIVE_MEETING, KEY);
    await page
      .getByRole('list', { name: 'Currently present' })
      .getByRole('listitem')
      .filter({ hasText: 'Sam Speaker' })
      .getByText('speaking')
      .waitFor({ timeout: 30_000 });
    // A running animation keeps the page making frames, and each poll's update then waits for
    // the next one (docs/performance.md, the render figure).
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });
});
