import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { clockTime } from '../src/lib/clock-time.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { axeViolations } from './support/axe-check.ts';
import { runAppInChromium, type RunningApp } from './support/app-in-chromium.ts';
import { openTool, waitUntilLive, watchBot } from './support/dashboard-page.ts';

/*
 * Rewind, alerts and a bot without speech, through `npm start` against a simulated Attendee over
 * HTTP. The live bots have no script: the test makes people join when it needs them to.
 */

const KEY = 'rewind-key-7c21';
const REWIND_BOT = 'bot_RewindMeeting01';
const NO_HOST_BOT = 'bot_NoHostMeeting01';
const SILENT_BOT = 'bot_NoSpeechMeeting1';
const MINUTE = 60_000;
const simulator = new SimulatedAttendee({ seed: 11, lateCommitProbability: 0, botClockSkewMs: 0 });
const meetingStart = Date.now() - 10 * MINUTE;

let app: AppUnderTest;
let page: Page;
let running: RunningApp;

runAppInChromium({
  simulator: () => {
    simulator.addBot({ id: REWIND_BOT, apiKey: KEY });
    const past = (minutes: number) => {
      const at = meetingStart + minutes * MINUTE;
      return { createdAtMs: at, timestampMs: at };
    };
    simulator.join(REWIND_BOT, { uuid: 'grace', name: 'Grace Hopper', isHost: true }, past(0));
    simulator.join(REWIND_BOT, { uuid: 'ada', name: 'Ada Lovelace' }, past(2));
    simulator.join(REWIND_BOT, { uuid: 'bo', name: 'Bo Diddley' }, past(6));
    simulator.speechStart(REWIND_BOT, 'ada', past(3));

    simulator.addBot({ id: NO_HOST_BOT, apiKey: KEY });
    simulator.join(NO_HOST_BOT, { uuid: 'guest', name: 'Early Guest' }, past(5));

    simulator.addBot({
      id: SILENT_BOT,
      apiKey: KEY,
      meeting: { historyMinutes: 10, live: false, speechEvents: false },
    });
    return simulator;
  },
  ready: (started) => {
    ({ app } = started);
    running = started;
  },
  page: (created) => {
    page = created;
  },
  // axe is injected into the page, which the app's CSP would refuse. Motion reduced as for the
  // other files that run axe, so that a worker's page serves them all.
  context: { bypassCSP: true, reducedMotion: 'reduce' },
});

const rosterHeading = () => page.getByRole('heading', { level: 2, name: /^(Present at|In the)/ });
const eventsLoaded = async () =>
  Number((await page.getByLabel('Events loaded').textContent())?.replaceAll(',', ''));
const rosterNames = () =>
  page.getByRole('list', { name: 'Currently present' }).getByRole('listitem').allTextContents();

describe('rewind and alerts in Chromium', () => {
  it('shows the meeting at a typed time while new events keep arriving, and goes back to live', async () => {
    await watchBot(page, app.url, REWIND_BOT, KEY);
    await waitUntilLive(page);
    await openTool(page, 'Alerts');
    await page.getByLabel('Tell me when they join').fill('ruiz, dana');
    await page.getByRole('button', { name: 'Add to watch list' }).click();

    const fourMinutesIn = meetingStart + 4 * MINUTE;
    // Another tool opened: the alerts keep listening, and show, with their panel closed.
    await openTool(page, 'Rewind');
    await page.getByLabel('Show the meeting at').fill(clockTime(fourMinutesIn, true));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect
      .poll(() => rosterHeading().textContent())
      .toBe(`Present at ${clockTime(fourMinutesIn, true)}`);
    expect((await rosterNames()).join('|')).toMatch(/Grace Hopper.*\|.*Ada Lovelace.*speaking/);
    expect(await rosterNames()).toHaveLength(2);
    expect(await page.getByLabel('Present then', { exact: true }).textContent()).toBe('2');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    expect(await timeline.getByRole('listitem').count()).toBe(2);
    const eventsBefore = await eventsLoaded();

    // A live join while rewound: it is loaded (and alerted) but not shown in the past.
    simulator.join(REWIND_BOT, { uuid: 'dana', name: 'Dana Ruiz' });
    await expect.poll(eventsLoaded, { timeout: 15_000 }).toBe(eventsBefore + 1);
    await page
      .getByRole('alert', { name: 'Join alerts' })
      .getByText('Dana Ruiz joined')
      .waitFor({ timeout: 15_000 });
    expect(await rosterHeading().textContent()).toMatch(/^Present at/);
    expect((await rosterNames()).join('|')).not.toContain('Dana Ruiz');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Back to live' }).click();
    expect(await rosterHeading().textContent()).toBe('In the meeting now');
    expect((await rosterNames()).join('|')).toContain('Dana Ruiz');
    expect(await page.getByLabel('Present now', { exact: true }).textContent()).toBe('4');
    // Speech is hidden unless asked for: four joins.
    expect(await timeline.getByRole('listitem').count()).toBe(4);
  });

  it('picks the moment by clicking the chart, and says when a typed time is outside the meeting', async () => {
    await watchBot(page, app.url, REWIND_BOT, KEY);
    await waitUntilLive(page);
    const chart = page.getByRole('img', { name: 'Attendance over time' });
    const box = (await chart.boundingBox())!;
    // Just right of the left axis: the first minutes, when only the host was in.
    await chart.click({ position: { x: 48, y: box.height / 2 } });
    await expect.poll(() => rosterHeading().textContent()).toMatch(/^Present at \d\d:\d\d:\d\d$/);
    expect(await rosterNames()).toHaveLength(1);
    expect(await chart.locator('[data-picked-moment]').count()).toBe(1);

    await openTool(page, 'Rewind');
    await page.getByLabel('Show the meeting at').fill(clockTime(meetingStart - 30 * MINUTE));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText(/is outside the meeting, which runs from/).waitFor();
    await page.getByLabel('Show the meeting at').fill('half past two');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('Type a time as HH:MM or HH:MM:SS, for example 14:05.').waitFor();
  });

  it('warns when people have been in without a host for the chosen time, and clears when one comes', async () => {
    // The page clock stays installed for the page's life: a page of its own.
    await running.ownPage();
    await page.clock.install();
    await watchBot(page, app.url, NO_HOST_BOT, KEY);
    await waitUntilLive(page);
    await openTool(page, 'Alerts');
    await page.getByLabel('Warn when there has been no host for').selectOption('30 s');
    const warning = page.getByRole('alert', { name: 'No host warning' });
    expect(await warning.count()).toBe(0);
    await page.clock.fastForward(31_000);
    await warning.getByText(/^No host: people are here/).waitFor();

    simulator.join(NO_HOST_BOT, { uuid: 'host', name: 'Helen Host', isHost: true });
    await page.clock.fastForward(4_000);
    await expect.poll(() => warning.count(), { timeout: 15_000 }).toBe(0);
  });

  it('says that speech is not recorded for a bot without speech events', async () => {
    await watchBot(page, app.url, SILENT_BOT, KEY);
    await page
      .getByRole('status')
      .getByText(/Live|Meeting over/)
      .waitFor({ timeout: 30_000 });
    await page.getByText('Speech is not recorded for this bot', { exact: true }).waitFor();
    expect(await page.getByLabel('Show speaking').isDisabled()).toBe(true);
    const table = page.getByRole('table', { name: 'Participants' });
    const talkTimes = await table.getByRole('row').nth(1).getByRole('cell').last().textContent();
    expect(talkTimes).toBe('not recorded');
  });
});
