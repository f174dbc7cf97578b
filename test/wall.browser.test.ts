import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium, VIEWPORT } from './support/app-in-chromium.ts';
import { moveToNextRefresh } from './support/next-refresh.ts';
import {
  addIdleMeetings,
  listedBotIds,
  measureIdleWall,
  showMyBots,
  tilePresent,
} from './support/wall-page.ts';

const KEY = 'team-key-1';
const LIVE = ['bot_salesCall000001', 'bot_classRoom000001', 'bot_standUp00000001'];
const WAITING = 'bot_waitingRoom00001';
const ENDED = 'bot_endedCall0000001';
const SOMEONE_ELSES = 'bot_otherTeam0000001';
const MANY_KEY = 'busy-key-500';
const IDLE_KEY = 'idle-key-12';
/** The wall reads every tile's state from the bots list this often (WALL_LIST_REFRESH_MS). */
const LIST_REFRESH_MS = 10_000;

let simulator: InstrumentedAttendee;
let app: AppUnderTest;
let browser: Browser;
let page: Page;
let manyLive: string[] = [];

runAppInChromium({
  // The page's clock lets a test move on to the wall's next list refresh instead of waiting 10 s.
  pageClock: true,
  simulator: () => {
    const simulator = new InstrumentedAttendee({ seed: 13, lateCommitProbability: 0 });
    simulator.addBot({
      id: LIVE[0]!,
      apiKey: KEY,
      meeting: { participants: 8, historyMinutes: 20, live: false },
      metadata: { name: 'Sales call' },
      meetingUrl: 'https://us02web.zoom.us/j/811',
    });
    // Histories without new scripted events: every change in these tests is one the test makes.
    simulator.addBot({ id: LIVE[1]!, apiKey: KEY, meeting: { participants: 25, live: false } });
    simulator.addBot({
      id: LIVE[2]!,
      apiKey: KEY,
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    });
    simulator.join(LIVE[2]!, { uuid: 'ada', name: 'Ada', isHost: true });
    simulator.addBot({ id: WAITING, apiKey: KEY, state: 'waiting_room' });
    simulator.addBot({ id: ENDED, apiKey: KEY, meeting: { participants: 5, live: false } });
    simulator.setState(ENDED, 'ended');
    simulator.addBot({ id: SOMEONE_ELSES, apiKey: 'another-team' });
    manyLive = [];
    for (let i = 0; i < 500; i += 1) {
      const inMeeting = i % 16 === 3 && manyLive.length < 30;
      const id = `bot_busy${String(i).padStart(4, '0')}`;
      if (inMeeting) manyLive.push(id);
      simulator.addBot({ id, apiKey: MANY_KEY, state: inMeeting ? 'joined_recording' : 'ended' });
    }
    return simulator;
  },
  ready: (running) => {
    ({ simulator, app, browser } = running);
  },
  page: (created) => {
    page = created;
  },
});

/*
 * The idle wall's count is 16 s of real time in which its page only waits. It runs from the
 * start of the file, beside the other tests, on an app, a simulator and a page of its own (the
 * other tests clear their simulator's requests), so that a core is not left idle meanwhile.
 */
let idle: {
  simulator: InstrumentedAttendee;
  app: AppUnderTest;
  context: BrowserContext;
  page: Page;
  botIds: string[];
  measured: ReturnType<typeof measureIdleWall>;
};

beforeAll(async () => {
  const idleSimulator = new InstrumentedAttendee({ seed: 17, lateCommitProbability: 0 });
  const botIds = addIdleMeetings(idleSimulator, IDLE_KEY, 12);
  const idleApp = await startAppUnderTest(idleSimulator);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const idlePage = await context.newPage();
  // Four or five ticks of every tile's 3 s poll, by their phases: enough for each tile's rate
  // from the spacing of its polls (`npm run bench` records 60 s).
  const measured = measureIdleWall(idlePage, idleApp.url, idleSimulator, {
    key: IDLE_KEY,
    botIds,
    windowMs: 12_000,
  });
  // Awaited by its test; a failure before then is reported there, not as unhandled.
  measured.catch(() => undefined);
  idle = { simulator: idleSimulator, app: idleApp, context, page: idlePage, botIds, measured };
});

afterAll(async () => {
  await idle.measured.catch(() => undefined);
  await idle.context.close();
  await idle.app.stop();
});

function truth(botId: string, of = simulator): number {
  return presentInTruth(of.visibleEvents(botId));
}

async function expectTilesToMatchTruth(
  botIds: readonly string[],
  timeout = 8000,
  on: { page: Page; simulator: InstrumentedAttendee } = { page, simulator },
) {
  for (const botId of botIds) {
    await expect
      .poll(() => tilePresent(on.page, botId), { timeout })
      .toBe(truth(botId, on.simulator));
  }
}

describe('many bots, in Chromium through npm start', () => {
  it('lists the key’s bots in meetings and joining, and nobody else’s', async () => {
    await showMyBots(page, app.url, KEY);
    expect(await listedBotIds(page, 'Bots in meetings now')).toEqual(LIVE);
    expect(await listedBotIds(page, 'Joining')).toEqual([WAITING]);
    const text = (await page.locator('main + div').textContent()) ?? '';
    expect(text).not.toContain(SOMEONE_ELSES);
    expect(text).not.toContain(ENDED);
    const sales = page.getByRole('listitem').filter({ hasText: LIVE[0]! });
    await expect
      .poll(() => sales.textContent(), { timeout: 15_000 })
      .toContain(`${truth(LIVE[0]!)} present`);
    expect(await sales.textContent()).toContain('Sales call');
    expect(await sales.textContent()).toContain('Zoom · In the meeting, recording');
    const standUp = page.getByRole('listitem').filter({ hasText: LIVE[2]! });
    await expect.poll(() => standUp.textContent()).toContain('1 present · host present');
    expect(await standUp.textContent()).toContain('Teams');
  });

  it('explains a rejected key on the list and on every tile of a wall', async () => {
    await page.goto(app.url);
    await page.getByLabel('API key').fill('revoked-key');
    await page.getByRole('button', { name: 'Show my bots' }).click();
    await page.getByRole('alert').getByText('Cannot list the bots: API key rejected').waitFor();

    await page.goto(`${app.url}/?bots=${LIVE.join(',')}`);
    await page.getByLabel('API key').fill('revoked-key');
    await page.getByRole('button', { name: 'Watch together' }).click();
    for (const botId of LIVE) {
      await page
        .getByRole('region', { name: botId, exact: true })
        .getByRole('alert')
        .getByText('API key rejected')
        .waitFor({ timeout: 10_000 });
    }
    expect(page.url()).not.toContain('revoked-key');
  });

  it('keeps every tile equal to the simulator through joins, leaves and a bot leaving', async () => {
    await showMyBots(page, app.url, KEY);
    for (const botId of [...LIVE, WAITING]) {
      await page.getByRole('checkbox', { name: `Add ${botId} to the wall` }).check();
    }
    simulator.clearRequests();
    await page.getByRole('button', { name: 'Watch together' }).click();
    await expectTilesToMatchTruth(LIVE, 20_000);
    expect(new URL(page.url()).searchParams.get('bots')).toBe([...LIVE, WAITING].join(','));

    expect(await tilePresent(page, LIVE[2]!)).toBe(1);
    simulator.join(LIVE[2]!, { uuid: 'bob', name: 'Bob Newcomer' });
    simulator.join(LIVE[2]!, { uuid: 'dee', name: 'Dee' });
    // Stamped last by the bot's clock too (its jitter could otherwise put it first).
    simulator.leave(LIVE[2]!, 'ada', { timestampMs: Date.now() + 1000 });
    simulator.join(WAITING, { uuid: 'cy', name: 'Cy Early' });
    simulator.setState(WAITING, 'joined_recording');
    // Within one poll (3 s), with room for the request itself.
    await expectTilesToMatchTruth([LIVE[2]!, WAITING], 4500);
    const standUp = page.getByRole('region', { name: LIVE[2]!, exact: true });
    expect(truth(LIVE[2]!)).toBe(2);
    expect(await standUp.textContent()).toContain('Ada left');
    expect(await standUp.getByLabel('Host present').textContent()).toBe('No');

    simulator.setState(LIVE[0]!, 'post_processing');
    await moveToNextRefresh(page, LIST_REFRESH_MS);
    const sales = page.getByRole('region', { name: LIVE[0]!, exact: true });
    await sales.getByText('Left the meeting').waitFor({ timeout: 5000 });
    await sales.getByLabel('Present at the end').waitFor();
    await expectTilesToMatchTruth(LIVE);

    // States came from the list: the one bot described on its own is the one that left it.
    const described = simulator.requests.filter((r) => /^\/api\/v1\/bots\/[^/]+$/.test(r.path));
    expect(new Set(described.map((r) => r.path))).toEqual(new Set([`/api/v1/bots/${LIVE[0]}`]));

    await page
      .getByRole('region', { name: LIVE[1]!, exact: true })
      .getByRole('button', { name: 'Open dashboard' })
      .click();
    // The wall stays underneath, hidden, so the way back finds it running.
    const dashboardPresent = page.getByLabel('Present now').filter({ visible: true });
    await expect.poll(() => dashboardPresent.textContent()).toBe(String(truth(LIVE[1]!)));
    await page.getByRole('button', { name: 'Back to the wall' }).click();
    await expectTilesToMatchTruth(LIVE);
  });

  it('lists 30 of 500 bots with the states filter and refuses a 13th tile', async () => {
    simulator.clearRequests();
    const started = Date.now();
    await showMyBots(page, app.url, MANY_KEY);
    expect(await listedBotIds(page, 'Bots in meetings now')).toEqual(manyLive);
    expect(Date.now() - started).toBeLessThan(10_000);
    const lists = simulator.requests.filter((r) => r.path === '/api/v1/bots');
    expect(lists).toHaveLength(2);

    for (const botId of manyLive.slice(0, 12)) {
      await page.getByRole('checkbox', { name: `Add ${botId} to the wall` }).check();
    }
    const thirteenth = page.getByRole('checkbox', { name: `Add ${manyLive[12]} to the wall` });
    await thirteenth.click();
    expect(await thirteenth.isChecked()).toBe(false);
    await page.getByText(/A wall shows 12 meetings at most/).waitFor();
  });

  it('asks the upstream at most 4.5 times a second for a wall of 12 idle meetings', async () => {
    const { requestsPerSecond, byResource } = await idle.measured;
    await expectTilesToMatchTruth(idle.botIds, 8000, idle);
    expect(byResource['participant_events']).toBeLessThanOrEqual(12 * 4 + 12);
    expect(byResource['bot'] ?? 0).toBe(0);
    expect(requestsPerSecond).toBeLessThanOrEqual(4.5);
  });
});
