import type { Download, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { downloadText } from './support/download-text.ts';

const MEETING = 'bot_insightsMeeting1';
const KEY = 'insights-key-s3cret';

let app: AppUnderTest;
let page: Page;

runAppInChromium({
  simulator: () => {
    const simulator = new SimulatedAttendee({ seed: 5, lateCommitProbability: 0 });
    simulator.addBot({ id: MEETING, apiKey: KEY, meeting: { historyMinutes: 30, live: false } });
    return simulator;
  },
  ready: (running) => {
    ({ app } = running);
  },
  page: (created) => {
    page = created;
  },
});

async function figure(label: string): Promise<number> {
  return Number((await page.getByLabel(label, { exact: true }).textContent())?.replaceAll(',', ''));
}

async function waitUntilLive() {
  await page
    .getByRole('status')
    .getByText(/Live · (instant|every \d+ s) · updated|Meeting over/)
    .waitFor({ timeout: 30_000 });
}

async function downloaded(buttonName: string): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await downloadText(download),
  };
}

function csvRecords(text: string): string[] {
  return text.split('\r\n').filter((line) => line !== '');
}

describe('attendance insights in Chromium', () => {
  it('shows figures that agree with the roster, draws the chart, and exports the table', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await waitUntilLive();

    // The demo is live: read the figures and the roster in one go so a join cannot fall between.
    const roster = page.getByRole('list', { name: 'Currently present' });
    await expect
      .poll(async () => {
        const present = await figure('Present now');
        const listed = Number(
          await roster.getByRole('listitem').first().getAttribute('aria-setsize'),
        );
        return present === listed && present > 0;
      })
      .toBe(true);
    const present = await figure('Present now');
    expect(await figure('Peak')).toBeGreaterThanOrEqual(present);
    expect(await figure('Unique participants')).toBeGreaterThanOrEqual(present);
    expect(await page.getByLabel('Average time in meeting').textContent()).toMatch(/\d+ (s|min)/);
    expect(await page.getByLabel('Meeting time so far').textContent()).toMatch(/\d+ (min|h)/);
    await expect.poll(() => page.title()).toMatch(/^\(\d+\) Attendee Live$/);

    const chart = page.getByRole('img', { name: 'Attendance over time' });
    const line = await chart.locator('path[data-series="attendance"]').getAttribute('d');
    expect(line).toMatch(/^M0 [\d.]+H/);

    const uniqueBefore = await figure('Unique participants');
    const csv = await downloaded('Export CSV');
    const uniqueAfter = await figure('Unique participants');
    expect(csv.name).toMatch(/^attendee-bot_DemoMeetingLive1-participants-\d{8}-\d{6}\.csv$/);
    const records = csvRecords(csv.text);
    expect(records[0]).toMatch(/^name,host,present,first_join,last_leave,time_present_seconds,/);
    expect(records.length - 1).toBeGreaterThanOrEqual(uniqueBefore);
    expect(records.length - 1).toBeLessThanOrEqual(uniqueAfter);

    const table = page.getByRole('table', { name: 'Participants' });
    expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(1);
  });

  it('exports a real bot’s participants and events without the API key', async () => {
    await page.goto(app.url);
    await page.getByLabel('Bot ID').fill(MEETING);
    await page.getByLabel('API key').fill(KEY);
    await page.getByRole('button', { name: 'Watch' }).click();
    await waitUntilLive();

    const participants = await downloaded('Export CSV');
    const eventsCsv = await downloaded('Export events (CSV)');
    const eventsJson = await downloaded('Export events (JSON)');
    expect(csvRecords(participants.text).length - 1).toBe(await figure('Unique participants'));
    expect(csvRecords(eventsCsv.text).length - 1).toBe(await figure('Events loaded'));
    expect(JSON.parse(eventsJson.text)).toHaveLength(await figure('Events loaded'));
    expect(eventsCsv.text).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/);
    for (const file of [participants, eventsCsv, eventsJson]) {
      expect(file.name).toContain(MEETING);
      expect(file.text).not.toContain(KEY);
    }
  });
});
