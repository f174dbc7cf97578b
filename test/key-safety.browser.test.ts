import type { Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import { runAppInChromium } from './support/app-in-chromium.ts';
import { waitUntilLive, watchBot } from './support/dashboard-page.ts';

/*
 * The API key goes in one place only: the Authorization header of our own /api requests. Never
 * the address, the server's log, an error message, an exported file, what the page shows (so
 * no screenshot can hold it), and no storage of any kind while watching. Remembering it only when
 * asked, and forgetting it, is the connect form's (src/features/connect/connect-form.test.tsx).
 */

const KEY = 'sk_live_Zq8xKeySecret42';
const OTHER_KEY = 'sk_live_Mm3pKeySecret77';
const BOT = 'bot_KeySafety00000001';

let app: AppUnderTest;
let page: Page;
/** Everything the page did or said that the key must not appear in. */
let seen: { urls: string[]; console: string[] };

runAppInChromium({
  simulator: () => {
    const simulator = new SimulatedAttendee({ seed: 9 });
    simulator.addBot({ id: BOT, apiKey: KEY, meeting: { historyMinutes: 5, participants: 8 } });
    simulator.addBot({ id: 'bot_KeySafetyOther001', apiKey: OTHER_KEY });
    return simulator;
  },
  ready: (running) => {
    ({ app } = running);
  },
  page: (created) => {
    page = created;
  },
});

// After the shared page was emptied and its listeners removed (runAppInChromium's beforeEach).
beforeEach(() => {
  seen = { urls: [], console: [] };
  page.on('request', (request) => {
    seen.urls.push(request.url());
    const { pathname } = new URL(request.url());
    // Our own API requests and the push stream (`/live`, read with fetch so that the key goes in
    // a header, never in its address).
    const isApi = pathname.includes('/api/') || pathname === '/live';
    const authorization = request.headers().authorization;
    // Only those carry it, and only as a Token header.
    if (isApi) expect(authorization).toMatch(/^Token sk_live_\w+$/);
    else expect(authorization).toBeUndefined();
  });
  page.on('console', (message) => seen.console.push(message.text()));
  page.on('pageerror', (error) => seen.console.push(`${error.message}\n${error.stack ?? ''}`));
});

async function storedEverywhere(): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, index) => {
        const name = storage.key(index) ?? '';
        return `${name}=${storage.getItem(name) ?? ''}`;
      });
    const databases = await indexedDB.databases();
    const caches = 'caches' in window ? await window.caches.keys() : [];
    return JSON.stringify({
      local: dump(localStorage),
      session: dump(sessionStorage),
      cookies: document.cookie,
      databases: databases.map((database) => database.name),
      caches,
    });
  });
}

async function expectKeyNowhere(key: string) {
  expect(page.url()).not.toContain(key);
  for (const url of seen.urls) expect(url).not.toContain(key);
  expect(seen.console.join('\n')).not.toContain(key);
  expect(await page.content()).not.toContain(key);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(key);
  expect(app.output()).not.toContain(key);
}

describe('the API key', () => {
  it('goes only into the Authorization header while watching a meeting', async () => {
    await watchBot(page, app.url, BOT, KEY);
    await waitUntilLive(page);
    await expectKeyNowhere(KEY);
    expect(JSON.parse(await storedEverywhere())).toEqual({
      local: [],
      session: [],
      cookies: '',
      databases: [],
      caches: [],
    });
    expect(seen.urls.some((url) => url.includes(`/api/v1/bots/${BOT}/participant_events`))).toBe(
      true,
    );
  });

  it('is in no error message, on the page or in the server log', async () => {
    await watchBot(page, app.url, BOT, 'sk_live_WrongKey0000099');
    await page.getByRole('alert').getByText('API key rejected').waitFor({ timeout: 15_000 });
    await expectKeyNowhere('sk_live_WrongKey0000099');
    await expectKeyNowhere('WrongKey0000099');
  });

  it('never shows on screen: a screenshot is the same whatever the key typed', async () => {
    await page.goto(app.url);
    await page.getByLabel('Bot ID').fill(BOT);
    const keyField = page.getByLabel('API key');
    expect(await keyField.getAttribute('type')).toBe('password');
    const pictureWith = async (key: string) => {
      await keyField.fill(key);
      // Out of focus, and taken until two pictures agree, so a focus ring or a font still
      // settling cannot make the two keys' pictures differ.
      await keyField.blur();
      let previous = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await page.waitForTimeout(100);
        const next = await page.screenshot({ animations: 'disabled', caret: 'hide' });
        if (next.equals(previous)) return next;
        previous = next;
      }
      throw new Error('The page never stopped changing');
    };
    // A key that showed would differ every time; a repaint that differs for another reason
    // does not repeat (test/support/chromium.ts), so the pair is taken again before calling it a
    // leak.
    let same = false;
    for (let attempt = 0; attempt < 3 && !same; attempt += 1) {
      const withKey = await pictureWith(KEY);
      const withOtherKey = await pictureWith(OTHER_KEY);
      same = withKey.equals(withOtherKey);
    }
    expect(same).toBe(true);
  });
});
