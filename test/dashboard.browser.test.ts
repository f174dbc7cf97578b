import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';

const LONG_MEETING = 'bot_longMeeting00001';
const LIVE_MEETING = 'bot_liveMeeting00001';
const HANDOVER_MEETING = 'bot_handoverMeeting1';
const EARLY_MEETING = 'bot_openedEarly00001';
const KEY = 'test-key-abc123';

let simulator: SimulatedAttendee;
let app: AppUnderTest;
let page: Page;
const dialogs: string[] = [];

async function watch(botId: string, key: string) {
  await page.goto(app.url);
  await page.getByLabel('Bot ID').fill(botId);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Watch' }).click();
}

runAppInChromium({
  simulator: () => {
    const simulator = new SimulatedAttendee({ seed: 11, lateCommitProbability: 0 });
    simulator.addBot({
      id: LONG_MEETING,
      apiKey: KEY,
      meeting: { historyMinutes: 40, live: false },
    });
    simulator.addBot({ id: LIVE_MEETING, apiKey: KEY });
    simulator.addBot({ id: HANDOVER_MEETING, apiKey: KEY });
    simulator.addBot({ id: EARLY_MEETING, apiKey: KEY, state: 'waiting_room' });
    return simulator;
  },
  ready: (running) => {
    ({ simulator, app } = running);
  },
  page: (created) => {
    page = created;
  },
  dialogs,
});

describe('the dashboard in Chromium, served by npm start', () => {
  it('loads a long history through the proxy and counts who is present', async () => {
    const truth = simulator.visibleEvents(LONG_MEETING);
    expect(truth.length).toBeGreaterThanOrEqual(300);
    simulator.clearRequests();
    await watch(LONG_MEETING, KEY);
    await page
      .getByRole('status')
      .getByText(/Live · updated/)
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
    // 25 events a page: the whole history was read, in windows walked side by side.
    const eventRequests = simulator.requests.filter((request) =>
      request.path.endsWith('/participant_events'),
    );
    expect(eventRequests.length).toBeGreaterThanOrEqual(Math.ceil(truth.length / 25));
    expect(new URL(page.url()).searchParams.get('bot')).toBe(LONG_MEETING);
    expect(page.url()).not.toContain(KEY);
  });

  it('shows a join as it happens and removes the person when they leave', async () => {
    simulator.join(LIVE_MEETING, { uuid: 'host', name: 'Hannah Host', isHost: true });
    await watch(LIVE_MEETING, KEY);
    const roster = page.getByRole('list', { name: 'Currently present' });
    await roster.getByText('Hannah Host').waitFor({ timeout: 30_000 });
    expect(
      await roster.getByRole('listitem').first().getByText('Host', { exact: true }).count(),
    ).toBe(1);

    simulator.join(LIVE_MEETING, { uuid: 'walk-in', name: 'Walter Walk-in' });
    await roster.getByText('Walter Walk-in').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByLabel('Present now').textContent()).toBe('2');
    // Both joins are within a second, and the bot clock jitters: either may be listed first.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline
      .getByRole('listitem')
      .filter({ hasText: /Walter Walk-in\s*joined/ })
      .waitFor();

    simulator.leave(LIVE_MEETING, 'walk-in');
    await roster.getByText('Walter Walk-in').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByLabel('Present now').textContent()).toBe('1');
    await timeline
      .getByRole('listitem')
      .filter({ hasText: /Walter Walk-in\s*left/ })
      .waitFor();
  });

  it('moves the Host badge when the host is handed over mid-meeting, which is no event', async () => {
    // A minute old: past the live polls' overlap, so only the hosts list can tell of the change.
    const aMinuteAgo = { createdAtMs: Date.now() - 60_000, timestampMs: Date.now() - 60_000 };
    simulator.join(
      HANDOVER_MEETING,
      { uuid: 'old', name: 'Olga Outgoing', isHost: true },
      aMinuteAgo,
    );
    simulator.join(HANDOVER_MEETING, { uuid: 'new', name: 'Nia Incoming' }, aMinuteAgo);
    await watch(HANDOVER_MEETING, KEY);
    const roster = page.getByRole('list', { name: 'Currently present' });
    const badgeOf = (name: string) =>
      roster.getByRole('listitem').filter({ hasText: name }).getByText('Host', { exact: true });
    await badgeOf('Olga Outgoing').waitFor({ timeout: 30_000 });
    expect(await badgeOf('Nia Incoming').count()).toBe(0);
    const events = simulator.visibleEvents(HANDOVER_MEETING).length;

    simulator.setHost(HANDOVER_MEETING, 'old', false);
    simulator.setHost(HANDOVER_MEETING, 'new', true);
    await badgeOf('Nia Incoming').waitFor({ timeout: 15_000 });
    await badgeOf('Olga Outgoing').waitFor({ state: 'detached' });
    expect(simulator.visibleEvents(HANDOVER_MEETING)).toHaveLength(events);
  });

  it('follows a meeting opened early: waiting for the bot, live, then over', async () => {
    await watch(EARLY_MEETING, KEY);
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
    const roster = page.getByRole('list', { name: 'Currently present' });
    await roster.getByText('Ada Early').waitFor({ timeout: 15_000 });
    await status.getByText(/^Live · updated/).waitFor();

    simulator.setState(EARLY_MEETING, 'ended');
    await status
      .getByText(/^Meeting over · the bot left at \d\d:\d\d/)
      .waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: 'In the meeting when the bot left' }).waitFor();
    // Said as when they joined and how long they stayed, which stays true after the meeting.
    await roster.getByText(/^joined at \d\d:\d\d, just before the end$/).waitFor();
    expect(await page.getByLabel('Present at the end').textContent()).toBe('1');
    expect(await page.title()).toBe('Meeting over · Attendee Live');
  });

  it('says a wrong key was rejected, with the server’s reason', async () => {
    await watch(LIVE_MEETING, 'not-the-key');
    const alert = page.getByRole('alert');
    await alert.getByText('API key rejected').waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Invalid or disabled API key');
    expect(app.output()).not.toContain('not-the-key');
    expect(app.output()).not.toContain(KEY);
  });

  it('says when a bot is unknown for the key', async () => {
    await watch('bot_noSuchBot0000001', KEY);
    await page
      .getByRole('alert')
      .getByText('Bot not found for this API key')
      .waitFor({ timeout: 15_000 });
  });

  it('shows a name made of HTML as text and runs none of it', async () => {
    simulator.join(LIVE_MEETING, { uuid: 'xss', name: '<img src=x onerror=alert(1)>' });
    await watch(LIVE_MEETING, KEY);
    const roster = page.getByRole('list', { name: 'Currently present' });
    await roster.getByText('<img src=x onerror=alert(1)>').waitFor({ timeout: 30_000 });
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('plays the demo meeting for someone without an account', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await page
      .getByRole('status')
      .getByText(/Live · updated/)
      .waitFor({ timeout: 30_000 });
    const present = Number(await page.getByLabel('Present now').textContent());
    expect(present).toBeGreaterThanOrEqual(10);
    expect(
      await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count(),
    ).toBeGreaterThan(5);
  });
});
