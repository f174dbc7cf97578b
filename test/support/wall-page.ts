import type { Page } from 'playwright-core';
import type { InstrumentedAttendee } from '../../server/testing/instrumented-attendee.ts';

/** Fills in the key, presses "Show my bots" and waits for the list. */
export async function showMyBots(page: Page, appUrl: string, key: string) {
  await page.goto(appUrl);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Show my bots' }).click();
  await page.getByRole('heading', { name: 'Bots in meetings now' }).waitFor({ timeout: 20_000 });
}

/** The bot IDs a list on the page shows, in order. */
export async function listedBotIds(page: Page, listName: string): Promise<string[]> {
  const labels = await page
    .getByRole('list', { name: listName, exact: true })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace(/^Add (\S+) to the wall$/, '$1'));
}

/** A tile's Present now (or Present at the end), as a number; NaN while it is not shown. */
export async function tilePresent(page: Page, botId: string): Promise<number> {
  const value = page
    .getByRole('region', { name: botId, exact: true })
    .getByLabel(/^Present (now|at the end)$/);
  if ((await value.count()) === 0) return Number.NaN;
  return Number(((await value.textContent()) ?? '').replace(/,/g, ''));
}

/** Adds `count` live bots of `key`, each with a few people already in and nothing happening. */
export function addIdleMeetings(simulator: InstrumentedAttendee, key: string, count: number) {
  const botIds = Array.from(
    { length: count },
    (_, i) => `bot_idleWall${String(i).padStart(4, '0')}`,
  );
  for (const [index, botId] of botIds.entries()) {
    simulator.addBot({ id: botId, apiKey: key, meetingUrl: `https://zoom.us/j/${1000 + index}` });
    for (let person = 0; person <= index % 4; person += 1) {
      simulator.join(botId, { uuid: `p${person}`, name: `Person ${person}`, isHost: person === 0 });
    }
  }
  return botIds;
}

/**
 * Opens the wall of `botIds` through its address (the key typed, never in the address), waits
 * until every tile counts, then records the requests the simulator receives for `windowMs`.
 *
 * The rate of a stream of requests (one bot's one resource) that came three times or more is
 * taken from their spacing, (count - 1) / (last - first), and the rest are counted over the
 * window. A count over the window alone read the same 3 s polls as 4 or 5 a tile in 12 s by
 * where the window's edges fell: up to 12 requests more, a whole request a second, with the
 * page the same (4.58 a second measured once, where the spacing says 4.0).
 */
export async function measureIdleWall(
  page: Page,
  appUrl: string,
  simulator: InstrumentedAttendee,
  options: { key: string; botIds: readonly string[]; windowMs: number },
): Promise<{ requestsPerSecond: number; byResource: Record<string, number> }> {
  await page.goto(`${appUrl}/?bots=${options.botIds.join(',')}`);
  await page.getByLabel('API key').fill(options.key);
  await page.getByRole('button', { name: 'Watch together' }).click();
  for (const botId of options.botIds) {
    await page
      .getByRole('region', { name: botId, exact: true })
      .getByLabel('Present now')
      .waitFor({ timeout: 30_000 });
  }
  // Let the staggered starts and the first polls settle into their rhythm.
  await page.waitForTimeout(4000);
  simulator.clearRequests();
  await page.waitForTimeout(options.windowMs);
  const requests = [...simulator.requests];
  const byResource: Record<string, number> = {};
  const streams = new Map<string, number[]>();
  for (const request of requests) {
    const resource =
      request.path === '/api/v1/bots' ? 'bots list' : (request.path.split('/')[5] ?? 'bot');
    byResource[resource] = (byResource[resource] ?? 0) + 1;
    const times = streams.get(request.path) ?? [];
    times.push(request.startedAt);
    streams.set(request.path, times);
  }
  const windowSeconds = options.windowMs / 1000;
  let requestsPerSecond = 0;
  for (const times of streams.values()) {
    const spanSeconds = (Math.max(...times) - Math.min(...times)) / 1000;
    requestsPerSecond +=
      times.length >= 3 && spanSeconds >= windowSeconds / 2
        ? (times.length - 1) / spanSeconds
        : times.length / windowSeconds;
  }
  return { requestsPerSecond, byResource };
}
