import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { figuresOnPage, waitUntilLive, watchBot } from './support/dashboard-page.ts';

/*
 * Whatever the API sends (names chosen by participants, event types added after we wrote this,
 * rows with fields missing or of another shape), the page shows what it can, as text, says what
 * it left out, and keeps its layout. (What is typed as a bot ID is checked before any request
 * in src/lib/bot-id.test.ts and the connect form's tests.)
 */

const KEY = 'bad-input-key';
const BOT = 'bot_BadInput00000001';
const LONG_NAME = `Wolfeschlegelsteinhausenbergerdorff${'W'.repeat(10_000 - 35)}`;
const NAMES: Record<string, string | null> = {
  empty: '',
  whitespace: '   ',
  null: null,
  long: LONG_NAME,
  emoji: '👩🏽‍💻 Zoë 🎉',
  rtl: 'نور الهدى',
  bidiOverride: '\u202Eexe.tnemucod',
  html: '<img src=x onerror="window.__pwned = true">',
  script: '<script>window.__pwned = true</script>',
  formula: '=HYPERLINK("https://evil.example","Click me")',
  atFormula: "@SUM(1+1)*cmd|' /C calc'!A0",
};

let simulator: SimulatedAttendee;
let app: AppUnderTest;
let page: Page;
const unreadableIds: string[] = [];
const dialogs: string[] = [];

runAppInChromium({
  simulator: () => {
    const simulator = new SimulatedAttendee({ seed: 3, lateCommitProbability: 0 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    for (const [uuid, name] of Object.entries(NAMES)) simulator.join(BOT, { uuid, name });
    simulator.speechStart(BOT, 'emoji');
    simulator.join(BOT, { uuid: 'odd', name: 'Odd Events' });
    simulator.emit(BOT, 'odd', 'hand_raised', { eventData: { raised: true } });
    simulator.emit(BOT, 'odd', 'update', { eventData: { renamed: { from: 'A', to: 'B' } } });
    simulator.emit(BOT, 'odd', '__proto__');
    for (const eventData of [[1, 2, 3], 'text', null, 42, { a: { b: { c: [null] } } }]) {
      simulator.emit(BOT, 'odd', 'screen_share_start', { apiFields: { event_data: eventData } });
    }
    simulator.emit(BOT, 'odd', 'speech_start', {
      apiFields: { surprise: { nested: true }, participant_avatar_url: 'https://x.example/a.png' },
    });
    for (const missing of ['participant_uuid', 'timestamp_ms', 'event_type', 'id']) {
      const event = simulator.emit(BOT, 'odd', 'leave', { apiFields: { [missing]: undefined } });
      if (missing !== 'id') unreadableIds.push(event.id);
    }
    simulator.emit(BOT, 'odd', 'leave', { apiFields: { timestamp_ms: 'yesterday' } });
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

describe('names, event types and rows the API may send', () => {
  it('shows every readable event, as text, says how many it left out, and keeps its layout', async () => {
    await watchBot(page, app.url, BOT, KEY);
    await waitUntilLive(page);
    const rows = simulator.visibleEvents(BOT);
    // Five rows lack a field we need (one of them its id too); the sixth has a mistyped time.
    const readable = rows.filter((row) => {
      const fields = row as unknown as Record<string, unknown>;
      return (
        ['id', 'participant_uuid', 'event_type'].every((name) => name in fields) &&
        typeof fields.timestamp_ms === 'number'
      );
    });
    expect(rows.length - readable.length).toBe(5);
    await expect
      .poll(() => figuresOnPage(page))
      .toEqual({
        present: presentInTruth(readable),
        events: readable.length,
        rosterLength: presentInTruth(readable),
      });
    await page
      .getByText('5 events were unreadable and left out; everything else is shown.')
      .waitFor();

    const roster = page.getByRole('list', { name: 'Currently present' });
    for (const name of [
      NAMES.emoji,
      NAMES.rtl,
      NAMES.bidiOverride,
      NAMES.html,
      NAMES.script,
      NAMES.formula,
      NAMES.atFormula,
    ]) {
      await roster.getByText(name as string, { exact: true }).waitFor();
    }
    expect(await roster.getByText('Unnamed participant').count()).toBe(3);
    expect(await roster.getByText(LONG_NAME.slice(0, 40)).count()).toBe(1);

    const timeline = page.getByRole('list', { name: 'Timeline' });
    for (const type of ['hand_raised', 'screen_share_start', '__proto__']) {
      await timeline.getByText(`sent a "${type}" event`).first().waitFor();
    }

    // Nothing a participant typed ran as markup or script, and the long name did not push the
    // page sideways.
    expect(await page.locator('main img, #root img').count()).toBe(0);
    expect(await page.evaluate(() => 'window.__pwned' in window || '__pwned' in window)).toBe(
      false,
    );
    expect(dialogs).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
