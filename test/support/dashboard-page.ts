import type { Page, Response } from 'playwright-core';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';
import { presentInTruth } from '../../src/testing/present-in-truth.ts';

export interface Figures {
  present: number;
  events: number;
}

/** Fills in the connect form as a user would and presses Watch. */
export async function watchBot(page: Page, appUrl: string, botId: string, key: string) {
  await page.goto(appUrl);
  await page.getByLabel('Bot ID').fill(botId);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Watch' }).click();
}

/**
 * The answer that opens the page's push stream (`/live`). The page opens it only once the history
 * is in, so a push sent before then reaches no one: call this before Watch, and await it before
 * storing what must arrive pushed.
 */
export function pushStreamOpening(page: Page, appUrl: string): Promise<Response> {
  return page.waitForResponse((response) => response.url().startsWith(`${appUrl}/live?`));
}

export async function waitUntilLive(page: Page, timeout = 30_000) {
  await page.getByRole('status').getByText(/^Live/).waitFor({ timeout });
}

export async function statusText(page: Page): Promise<string> {
  return (await page.getByRole('status').first().textContent()) ?? '';
}

/** What the page says: the two figures and the roster's length (which must agree). */
export async function figuresOnPage(page: Page): Promise<Figures & { rosterLength: number }> {
  const read = async (label: string) =>
    Number(((await page.getByLabel(label).textContent()) ?? '').replace(/,/g, ''));
  const rows = page.getByRole('list', { name: 'Currently present' }).getByRole('listitem');
  const rendered = await rows.count();
  // The roster is virtualised: only rows on screen exist, each saying how long the list is.
  const setSize = rendered === 0 ? null : await rows.first().getAttribute('aria-setsize');
  return {
    present: await read('Present now'),
    events: await read('Events loaded'),
    rosterLength: setSize === null ? rendered : Number(setSize),
  };
}

/** What the simulated Attendee holds right now: every visible event, and who is present. */
export function truthOf(
  simulator: SimulatedAttendee,
  botId: string,
): Figures & {
  rosterLength: number;
} {
  const events = simulator.visibleEvents(botId);
  const present = presentInTruth(events);
  return { present, events: events.length, rosterLength: present };
}

/** Opens one of the dashboard's tools from its row of buttons (a second press would close it). */
export async function openTool(
  page: Page,
  name: 'Rewind' | 'Alerts' | 'Expected attendees' | 'Settings',
) {
  const button = page.getByRole('group', { name: 'Tools' }).getByRole('button', { name });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('region', { name, exact: true }).waitFor();
}
