import type { Download, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import {
  addDemoSeries,
  DEMO_SERIES_BOTS,
  DEMO_SERIES_URL,
  demoSeriesTruth,
} from '../server/simulator/demo-series.ts';
import { isoWithOffset } from '../src/lib/relative-time.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { downloadText } from './support/download-text.ts';
import { axeViolations } from './support/axe-check.ts';

const KEY = 'series-key-s3cret';
/** A second copy of the series, one of whose meetings has had its data deleted. */
const DELETED_KEY = 'series-key-deleted';
const DELETED_COPY = DEMO_SERIES_BOTS.map((id) => id.replace('Seminar', 'Deleted'));

let simulator: SimulatedAttendee;
let app: AppUnderTest;
let page: Page;

runAppInChromium({
  simulator: () => {
    const seminar = new SimulatedAttendee({ seed: 7, lateCommitProbability: 0 });
    addDemoSeries(seminar, KEY);
    addDemoSeries(seminar, DELETED_KEY, DELETED_COPY);
    seminar.setState(DELETED_COPY[2]!, 'data_deleted');
    // Another meeting of the key elsewhere, which the seminar's matrix must leave out.
    seminar.addBot({ id: 'bot_otherMeeting0001', apiKey: KEY, meeting: { participants: 4 } });
    return seminar;
  },
  ready: (running) => {
    ({ simulator, app } = running);
  },
  page: (created) => {
    page = created;
  },
  // axe is injected for its check only; the page's own CSP forbids such scripts.
  context: { bypassCSP: true, reducedMotion: 'reduce' },
});

/** Types the key, lists its bots, and opens "Attendance across meetings". */
async function openSeriesView(key = KEY, address = app.url) {
  await page.goto(address);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Show my bots' }).click();
}

const matrix = () => page.getByRole('table', { name: 'Attendance across meetings' });

/** Each row of the matrix by name: the text of every cell after the name. */
async function matrixRows(): Promise<Map<string, string[]>> {
  const rows = await matrix()
    .locator('tbody tr[aria-rowindex]')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())),
    );
  return new Map(rows.map(([name = '', ...cells]) => [name, cells]));
}

describe('attendance across meetings, in Chromium through npm start', () => {
  it('shows every person’s minutes in each meeting of the series as the simulator played them', async () => {
    await openSeriesView();
    await page.getByRole('button', { name: 'Attendance across meetings' }).click();
    await page.getByRole('button', { name: `Show attendance for ${DEMO_SERIES_URL}` }).click();
    await page.getByText('6 of 6 meetings loaded').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('series')).toBe(DEMO_SERIES_URL);

    const truth = demoSeriesTruth(simulator.nowMs());
    const shown = await matrixRows();
    expect([...shown.keys()]).toEqual(truth.people.map((person) => person.name).sort());
    for (const person of truth.people) {
      const cells = shown.get(person.name)!;
      const expected = person.minutes.map((minutes, index) =>
        minutes === null ? '' : `${minutes}${person.late[index] ? 'late' : ''}`,
      );
      expect(cells.slice(0, 6), person.name).toEqual(expected);
      const attended = person.minutes.filter((minutes) => minutes !== null).length;
      expect(cells[6], person.name).toBe(`${attended} of 6`);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reopens from the address, says which meeting cannot be read, and loads the rest', async () => {
    const deleted = DELETED_COPY[2]!;
    await openSeriesView(DELETED_KEY, `${app.url}/?series=${encodeURIComponent(DEMO_SERIES_URL)}`);
    await page
      .getByText('5 of 6 meetings loaded, 1 could not be read')
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByText(`(${deleted}) cannot be read: Its data was deleted.`).count())
      .toBe(1);
    const ada = (await matrixRows()).get('Ada Okafor')!;
    expect(ada.slice(0, 7)).toEqual(['60', '60', '', '60', '60', '60', '5 of 5']);
  });

  it('says a rejected key plainly rather than showing an empty page', async () => {
    await openSeriesView('not-a-key', `${app.url}/?series=${encodeURIComponent(DEMO_SERIES_URL)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Cannot list the meetings: API key rejected');
  });

  it('exports the matrix as shown, with the totals, formula-safe and without the key', async () => {
    await openSeriesView(KEY, `${app.url}/?series=${encodeURIComponent(DEMO_SERIES_URL)}`);
    await page.getByText('6 of 6 meetings loaded').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Rate', exact: false }).click();
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = await downloadText(download);
    const truth = demoSeriesTruth(simulator.nowMs());
    const starts = truth.meetings.map((meeting) => isoWithOffset(meeting.startMs));
    const rate = (attended: number) => Math.round((attended / 6) * 1000) / 10;
    // Sorted by rate, highest first, then by name: as the table shows them.
    const people = truth.people
      .map((person) => {
        const present = person.minutes.flatMap((minutes, index) =>
          minutes === null ? [] : [index],
        );
        return { ...person, present };
      })
      .sort((a, b) => b.present.length - a.present.length || a.name.localeCompare(b.name));
    const expected =
      `Name,Expected,${starts.join(',')},Meetings attended,Meetings read,Attendance rate (%),` +
      'Total time (minutes),Late at,First meeting seen,Last meeting seen\r\n' +
      people
        .map(
          (person) =>
            [
              person.name,
              'no',
              ...person.minutes.map((minutes) => (minutes === null ? '' : String(minutes))),
              person.present.length,
              6,
              rate(person.present.length),
              person.minutes.reduce<number>((sum, minutes) => sum + (minutes ?? 0), 0),
              person.late.filter((late, index) => late && person.minutes[index] !== null).length,
              starts[person.present[0]!],
              starts[person.present.at(-1)!],
            ].join(',') + '\r\n',
        )
        .join('');
    expect(text).toBe(expected);
    expect(text).not.toContain(KEY);
    expect(download.suggestedFilename()).toMatch(/^attendee-series-attendance-\d{8}-\d{6}\.csv$/);
  });
});
