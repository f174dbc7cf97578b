import type { Download, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { openTool, waitUntilLive, watchBot } from './support/dashboard-page.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';
import { downloadText } from './support/download-text.ts';
import { axeViolationsInViews } from './support/axe-check.ts';

const CLASS = 'bot_expectedClass1';
const KEY = 'expected-key-s3cret';
const MINUTE = 60_000;

let app: AppUnderTest;
let simulator: SimulatedAttendee;
let page: Page;

/*
 * A class that started 30 minutes ago, as the simulator tells it: who came when is the truth the
 * panel must show. The bot found Ada and both Anika Patels there; José came 10 minutes late; Chen
 * came on time and left; a guest nobody expected is in; Dana has not come.
 */
runAppInChromium({
  simulator: () => {
    const simulated = new SimulatedAttendee({ seed: 14, lateCommitProbability: 0 });
    simulated.addBot({ id: CLASS, apiKey: KEY });
    const start = Date.now() - 30 * MINUTE;
    const at = (minutes: number) => ({ timestampMs: start + minutes * MINUTE });
    simulated.join(CLASS, { uuid: 'p-ada', name: 'Ada Okafor', isHost: true }, at(0));
    simulated.join(CLASS, { uuid: 'p-anika-1', name: 'Anika Patel' }, at(0));
    simulated.join(CLASS, { uuid: 'p-anika-2', name: 'Anika Patel' }, at(0));
    simulated.join(CLASS, { uuid: 'p-chen', name: 'Chen Wei' }, at(2));
    simulated.join(CLASS, { uuid: 'p-jose', name: 'jose garcia (he/him)' }, at(10));
    simulated.join(CLASS, { uuid: 'p-guest', name: 'Mystery Guest' }, at(12));
    simulated.leave(CLASS, 'p-chen', at(20));
    return simulated;
  },
  ready: (started) => {
    ({ app, simulator } = started);
  },
  page: (created) => {
    page = created;
  },
  // axe is injected for the accessibility check: the page's own CSP forbids such scripts.
  context: { bypassCSP: true, reducedMotion: 'reduce' },
});

const LIST = ['Okafor, Ada', 'García, José', 'Chen Wei', 'Anika Patel', 'Dana Ruiz'];

async function count(label: string): Promise<number> {
  const panel = page.getByRole('region', { name: 'Expected attendees', exact: true });
  return Number(await panel.getByLabel(label, { exact: true }).textContent());
}

async function statusOf(expectedName: string): Promise<string> {
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: expectedName, exact: true }) });
  return (await row.getByRole('cell').first().innerText()).replace(/\s+/g, ' ').trim();
}

async function pasteList() {
  await openTool(page, 'Expected attendees');
  await page.getByRole('button', { name: 'Add expected attendees' }).click();
  await page.getByLabel('Names, one a line').fill(LIST.join('\n'));
  await page.getByRole('button', { name: 'Save the list' }).click();
}

describe('expected attendees and Find a person in Chromium', () => {
  it('shows who is here, late, left early and not on the list, live, and keeps the list for this bot', async () => {
    await watchBot(page, app.url, CLASS, KEY);
    await waitUntilLive(page);
    await pasteList();

    expect(await statusOf('Okafor, Ada')).toBe('Here from the start');
    expect(await statusOf('García, José')).toBe('Here late');
    expect(await statusOf('Chen Wei')).toBe('Not here left early');
    expect(await statusOf('Anika Patel')).toBe('Here from the start');
    expect(await statusOf('Dana Ruiz')).toBe('Not here not seen');
    const present = presentInTruth(simulator.visibleEvents(CLASS));
    expect(await count('Here')).toBe(3);
    expect(await count('Not here')).toBe(2);
    expect(await count('Late')).toBe(1);
    expect(await count('Left early')).toBe(1);
    // The second Anika Patel and the guest: everyone present but the three matched.
    expect(await count('Not on the list')).toBe(present - 3);

    // Dana arrives, late, while the page watches.
    simulator.join(CLASS, { uuid: 'p-dana', name: 'Dana Ruiz (she/her)' });
    await expect.poll(() => statusOf('Dana Ruiz'), { timeout: 15_000 }).toBe('Here late');
    expect(await count('Not here')).toBe(1);

    // Kept for this bot on this device: watching it again (the key is not kept) brings it back.
    await watchBot(page, app.url, CLASS, KEY);
    await waitUntilLive(page);
    // In use, so said at the roster while its tool is closed.
    await page
      .getByRole('region', { name: 'In the meeting now' })
      .getByText(`Expected ${LIST.length}: 4 here, 1 not here, 2 late, 1 left early`)
      .waitFor();
    await openTool(page, 'Expected attendees');
    expect(await statusOf('Okafor, Ada')).toBe('Here from the start');
    expect(await count('Expected')).toBe(LIST.length);
  });

  it('exports the attendance report, and finds a person in the roster', async () => {
    await watchBot(page, app.url, CLASS, KEY);
    await waitUntilLive(page);
    // Each test starts on an emptied device (runAppInChromium): the list is pasted again.
    await pasteList();

    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export attendance report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^attendee-${CLASS}-attendance-report-\\d{8}-\\d{6}\\.csv$`),
    );
    const records = (await downloadText(download)).split('\r\n');
    expect(records[0]).toBe(
      'expected_name,email,matched_participant,status,first_joined,last_left,time_present_seconds,as_of',
    );
    expect(records[1]).toMatch(/^"Okafor, Ada",,Ada Okafor,"Here, from the start",\d{4}-/);
    expect(records[3]).toMatch(/^Chen Wei,,Chen Wei,"Not here, left early",\S+,\S+,1080,/);
    expect(records.some((record) => record.startsWith(',,Mystery Guest,Not on the list,'))).toBe(
      true,
    );

    const roster = page.getByRole('list', { name: 'Currently present' });
    const everyone = Number(
      await roster.getByRole('listitem').first().getAttribute('aria-setsize'),
    );
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('garcia jose');
    await expect
      .poll(() => roster.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining('jose garcia (he/him)')]);
    await page.getByText(`1 of ${everyone}`).waitFor();
  });

  it('breaks no WCAG A or AA rule with the list shown, on a phone in dark and a laptop in light', async () => {
    await watchBot(page, app.url, CLASS, KEY);
    await waitUntilLive(page);
    await openTool(page, 'Expected attendees');
    await page.getByRole('button', { name: 'Add expected attendees' }).click();
    expect(await axeViolationsInViews(page)).toEqual([]);
    await page.getByLabel('Names, one a line').fill(LIST.join('\n'));
    await page.getByRole('button', { name: 'Save the list' }).click();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('anika');
    expect(await axeViolationsInViews(page)).toEqual([]);
  });
});
