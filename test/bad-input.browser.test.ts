import type { Page } from 'playwright-core';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { presentInTruth } from '../src/testing/present-in-truth.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { figuresOnPage, waitUntilLive, watchBot } from './support/dashboard-page.ts';

/*
 * Whatever the API sends (names chosen by participants, event types added after we wrote this,
 * rows with fields missing or of another shape), the page shows what it can, as text, says what
 * it left out, and keeps its layout. And whatever is typed as a bot ID, only a plausible one
 * ever leads to a request.
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

let simulator: InstrumentedAttendee;
let app: AppUnderTest;
let page: Page;
const unreadableIds: string[] = [];
const dialogs: string[] = [];

runAppInChromium({
  simulator: () => {
    const simulator = new InstrumentedAttendee({ seed: 3, lateCommitProbability: 0 });
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

describe('bot IDs', () => {
  const implausibleIds = [
    'bot_abc/participants',
    'bot_../../admin',
    'bot_abc.def',
    'bot_abc def',
    'bot_abc?cursor=x',
    'bot_abc#frag',
    'bot_%2e%2e%2fadmin',
    'https://evil.example/api/v1/bots/bot_abc',
    '//evil.example/bot_abc',
    'bot_abc\\..\\x',
    'abc',
  ];

  // One page for all of them: a fresh browser context for each cost a second and a half of CPU
  // for the same check.
  it('refuses each implausible ID at the field, before any request', async () => {
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.includes('/api/')) apiRequests.push(request.url());
    });
    const before = simulator.requests.length;
    for (const botId of implausibleIds) {
      // Loaded again in the same page: each ID is refused on its own, not by an earlier error.
      await watchBot(page, app.url, botId, KEY);
      const field = page.getByLabel('Bot ID');
      await expect.poll(() => field.getAttribute('aria-invalid'), { message: botId }).toBe('true');
      await page.getByText(/A bot ID (starts with|has only letters and digits)/).waitFor();
      expect(apiRequests, botId).toEqual([]);
      expect(simulator.requests.length, botId).toBe(before);
    }
  });

  it('ignores a ?bot= in the address that is not a plausible ID', async () => {
    await page.goto(`${app.url}/?bot=${encodeURIComponent('bot_../../admin')}`);
    expect(await page.getByLabel('Bot ID').inputValue()).toBe('');
  });
});
