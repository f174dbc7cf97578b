import type { BrowserContext, Page } from 'playwright-core';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { DEMO_API_KEY } from '../src/common/demo-meeting.ts';
import type { AppUnderTest } from './support/app-under-test.ts';
import {
  runAppInChromium,
  startAfresh,
  VIEWPORT,
  type RunningApp,
} from './support/app-in-chromium.ts';
import { figuresOnPage, truthOf, waitUntilLive, watchBot } from './support/dashboard-page.ts';
import { tilePresent } from './support/wall-page.ts';
import { expectOnFirstScreen } from './support/first-screen.ts';

/*
 * A read-only link: made by a key holder, opened in a browser that never had the key. That
 * browser's storage, DOM and requests hold no key; it sees the meeting as the simulator holds it,
 * and says so in words when the link has expired.
 */

const KEY = 'sk_live_Sh4reKeySecret42';
const BOT = 'bot_SharedClass00001';
const WALL = ['bot_SharedWallA00001', 'bot_SharedWallB00001'];
// A key of its own, revoked by its test.
const REVOKED_KEY = 'sk_live_S00nRevokedKey7';
const REVOKED_BOT = 'bot_SharedRevoked001';

let running: RunningApp<InstrumentedAttendee>;
let app: AppUnderTest;
let page: Page;

runAppInChromium({
  simulator: () => {
    const simulator = new InstrumentedAttendee({ seed: 23, lateCommitProbability: 0 });
    simulator.addBot({
      id: BOT,
      apiKey: KEY,
      meeting: { historyMinutes: 10, participants: 12, live: false },
    });
    simulator.addBot({
      id: REVOKED_BOT,
      apiKey: REVOKED_KEY,
      meeting: { historyMinutes: 5, participants: 6, live: false },
    });
    for (const [index, id] of WALL.entries()) {
      simulator.addBot({ id, apiKey: KEY, meetingUrl: `https://zoom.us/j/${200 + index}` });
      for (let person = 0; person <= index + 1; person += 1) {
        simulator.join(id, { uuid: `p${person}`, name: `Person ${person}` });
      }
    }
    return simulator;
  },
  ready: (ready) => {
    running = ready;
    ({ app } = ready);
  },
  page: (created) => {
    page = created;
  },
});

/** Presses Share read-only link on the page, picks the lifetime, creates it and reads it. */
async function createLink(on: Page, lifetime = '24 hours'): Promise<string> {
  await on.getByRole('button', { name: 'Share read-only link' }).click();
  const dialog = on.getByRole('dialog', { name: 'Share a read-only link' });
  await dialog.getByLabel(lifetime).check();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = dialog.getByLabel(/^Link, valid until/);
  await link.waitFor({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Copy' }).waitFor();
  const value = await link.inputValue();
  expect(value).toMatch(new RegExp(`^${app.url}/#share=[A-Za-z0-9_-]+$`));
  await on.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return value;
}

/**
 * A link made as the page makes one (`POST /share` with the key), for the tests whose subject is
 * the viewer: the dialog that makes it is the first two tests' subject, and opening the meeting
 * in the owner's page only to press Share cost a history load per test.
 */
async function linkFromServer(
  botId: string,
  key: string,
  lifetime: '1h' | '24h' = '24h',
): Promise<string> {
  const response = await fetch(`${app.url}/share`, {
    method: 'POST',
    headers: { Authorization: `Token ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ source: 'attendee', botIds: [botId], lifetime }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return `${app.url}/#share=${token}`;
}

interface Watched {
  requests: { url: string; headers: Record<string, string> }[];
}

/**
 * A browser that never saw the key: a context of its own, kept for the file (a new context costs a
 * renderer and the app's code compiled again) and emptied before each test as runAppInChromium
 * empties the key holder's page; every request it sends recorded. `withClock` gives a context of
 * the test's own instead, since a page clock cannot be given back.
 */
let viewerContext: BrowserContext | undefined;
let sharedViewer: Page | undefined;

afterAll(async () => {
  await viewerContext?.close();
});

async function freshViewer(
  options: { viewport?: { width: number; height: number }; withClock?: boolean } = {},
): Promise<{ viewer: Page; watched: Watched }> {
  let viewer: Page;
  if (options.withClock) {
    viewer = await running.ownPage();
  } else {
    viewerContext ??= await running.browser.newContext({ viewport: VIEWPORT });
    sharedViewer ??= await viewerContext.newPage();
    viewer = sharedViewer;
    viewer.removeAllListeners();
    await startAfresh(viewer, app.url);
    await viewer.setViewportSize(VIEWPORT);
  }
  if (options.viewport !== undefined) await viewer.setViewportSize(options.viewport);
  const watched: Watched = { requests: [] };
  viewer.on('request', (request) =>
    watched.requests.push({ url: request.url(), headers: request.headers() }),
  );
  return { viewer, watched };
}

async function expectNoKeyIn(viewer: Page, watched: Watched, key: string) {
  const storage = await viewer.evaluate(() =>
    JSON.stringify({ ...localStorage, ...sessionStorage }),
  );
  expect(storage).not.toContain(key);
  expect(storage).not.toContain('share');
  expect(await viewer.content()).not.toContain(key);
  expect(watched.requests.length).toBeGreaterThan(0);
  for (const request of watched.requests) {
    expect(JSON.stringify(request)).not.toContain(key);
    const authorization = request.headers.authorization;
    if (authorization !== undefined) expect(authorization).toMatch(/^Share [A-Za-z0-9_-]+$/);
  }
  expect(watched.requests.some((request) => request.url.includes('/api/v1/bots?'))).toBe(false);
}

describe('a read-only link', () => {
  it('opens one meeting for someone without the key, as the simulator holds it', async () => {
    await watchBot(page, app.url, BOT, KEY);
    await waitUntilLive(page);
    const link = await createLink(page);
    const { viewer, watched } = await freshViewer();
    await viewer.goto(link);
    await waitUntilLive(viewer);
    await viewer.getByText('Shared, read-only view').first().waitFor();
    await expect.poll(() => figuresOnPage(viewer)).toEqual(truthOf(running.simulator, BOT));
    expect(await viewer.getByLabel('API key').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /switch|show my bots/i }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Share read-only link' }).count()).toBe(0);
    await expectNoKeyIn(viewer, watched, KEY);
  });

  it('shares the demo meeting: opened elsewhere, it goes live with no key anywhere', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await waitUntilLive(page);
    const link = await createLink(page, '1 hour');
    const { viewer, watched } = await freshViewer({ viewport: { width: 1280, height: 800 } });
    await viewer.goto(link);
    await waitUntilLive(viewer);
    await viewer
      .getByText(/Shared, read-only view until \d\d:\d\d, \w{3} \d{1,2} \w{3}$/)
      .waitFor();
    const { present, rosterLength } = await figuresOnPage(viewer);
    expect(rosterLength).toBe(present);
    expect(present).toBeGreaterThan(0);
    // The same first screen as the owner's, below its notice.
    await expectOnFirstScreen('the notice', viewer.getByRole('note'), 800);
    await expectOnFirstScreen('Present now', viewer.getByLabel('Present now'), 800);
    const rows = viewer.getByRole('list', { name: 'Currently present' }).getByRole('listitem');
    for (let row = 0; row < 8; row++) {
      await expectOnFirstScreen(`roster row ${row + 1}`, rows.nth(row), 800);
    }
    await expectNoKeyIn(viewer, watched, DEMO_API_KEY === 'demo' ? 'Token demo' : DEMO_API_KEY);
  });

  it('says it has expired once the page’s clock passes its expiry, and keeps the roster', async () => {
    const link = await linkFromServer(BOT, KEY, '1h');
    const { viewer } = await freshViewer({ withClock: true });
    await viewer.clock.install();
    await viewer.goto(link);
    await waitUntilLive(viewer);
    const before = await figuresOnPage(viewer);
    await viewer.clock.fastForward('01:00:05');
    await viewer
      .getByRole('alert')
      .getByText(/This link expired at/)
      .waitFor({ timeout: 15_000 });
    // The next poll is refused by the page itself, in words, and what was shown stays.
    await viewer.clock.fastForward('00:00:30');
    await viewer
      .getByRole('alert')
      .getByText('This shared link has expired')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await figuresOnPage(viewer)).toEqual(before);
  });

  it('says in words that the key behind it was revoked, and keeps the roster', async () => {
    const link = await linkFromServer(REVOKED_BOT, REVOKED_KEY);
    const { viewer } = await freshViewer();
    await viewer.goto(link);
    await waitUntilLive(viewer);
    const before = await figuresOnPage(viewer);
    expect(before).toEqual(truthOf(running.simulator, REVOKED_BOT));

    running.simulator.revokeKey(REVOKED_KEY);
    await viewer
      .getByText('The key behind this link was revoked')
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await figuresOnPage(viewer)).toEqual(before);
  });

  it('says an altered link is not valid, in words', async () => {
    const link = await linkFromServer(BOT, KEY);
    const { viewer } = await freshViewer();
    await viewer.goto(`${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`);
    await viewer.getByRole('alert').getByText('This shared link is not valid').waitFor();
  });

  it('opens a wall’s meetings as a wall, each tile counting as the simulator does', async () => {
    await page.goto(`${app.url}/?bots=${WALL.join(',')}`);
    await page.getByLabel('API key').fill(KEY);
    await page.getByRole('button', { name: 'Watch together' }).click();
    for (const id of WALL) {
      await expect.poll(() => tilePresent(page, id), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    const link = await createLink(page, '8 hours');
    const { viewer, watched } = await freshViewer();
    await viewer.goto(link);
    await viewer.getByText('Shared, read-only view').first().waitFor();
    for (const id of WALL) {
      await expect
        .poll(() => tilePresent(viewer, id), { timeout: 20_000 })
        .toBe(truthOf(running.simulator, id).present);
    }
    expect(await viewer.getByRole('button', { name: 'Change bots or key' }).count()).toBe(0);
    await viewer
      .getByRole('region', { name: WALL[0] })
      .getByRole('button', { name: 'Open dashboard' })
      .click();
    await viewer.getByRole('button', { name: 'Back to the wall' }).waitFor();
    await expectNoKeyIn(viewer, watched, KEY);
  });
});
