import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantEvent } from '../../src/common/participant-event.ts';
import { ManualClock } from '../simulator/clock.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { startProxiedSimulator } from '../testing/proxied-simulator.ts';

const BOT = 'bot_EndToEnd000001';
const KEY = 'e2e-key';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function startStack() {
  const clock = new ManualClock(Date.UTC(2025, 0, 18, 12));
  const simulator = new SimulatedAttendee({ clock });
  simulator.addBot({ id: BOT, apiKey: KEY, meeting: { historyMinutes: 10 } });
  const stack = await startProxiedSimulator(simulator);
  cleanups.push(() => stack.close());
  const { upstream, appUrl, logLines } = stack;
  return { clock, simulator, upstream, appUrl, logLines };
}

interface EventsPage {
  next: string | null;
  results: ParticipantEvent[];
}

async function walk(baseUrl: string, upstreamOrigin: string): Promise<ParticipantEvent[]> {
  const events: ParticipantEvent[] = [];
  let url = `${baseUrl}/api/v1/bots/${BOT}/participant_events`;
  for (;;) {
    const response = await fetch(url, { headers: { Authorization: `Token ${KEY}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as EventsPage;
    events.push(...page.results);
    if (page.next === null) return events;
    const next = new URL(page.next);
    // The link names the host the simulator saw, as Attendee's do behind a proxy.
    expect(next.origin).toBe(upstreamOrigin);
    url = `${baseUrl}/api/v1/bots/${BOT}/participant_events?cursor=${encodeURIComponent(next.searchParams.get('cursor') ?? '')}`;
  }
}

describe('the simulator over real HTTP', () => {
  it('serves every visible event, page by page, with a Date header', async () => {
    const { simulator, upstream } = await startStack();
    const response = await fetch(`${upstream.url}/api/v1/bots/${BOT}`, {
      headers: { Authorization: `Token ${KEY}` },
    });
    expect(response.headers.get('date')).toBe('Sat, 18 Jan 2025 12:00:00 GMT');
    expect(await walk(upstream.url, upstream.url)).toEqual(simulator.visibleEvents(BOT));
  });

  it('reaches the browser through the production app and proxy, live events included', async () => {
    const { clock, simulator, upstream, appUrl, logLines } = await startStack();
    const before = await walk(appUrl, upstream.url);
    expect(before).toEqual(simulator.visibleEvents(BOT));
    clock.advance(1000);
    const joined = simulator.join(BOT, { uuid: 'e2e-1', name: 'Late Larry' });
    const after = new Date(clock.now() - 1).toISOString();
    const response = await fetch(
      `${appUrl}/api/v1/bots/${BOT}/participant_events?after=${encodeURIComponent(after)}`,
      { headers: { Authorization: `Token ${KEY}` } },
    );
    const page = (await response.json()) as EventsPage;
    expect(page.results.map((event) => event.id)).toContain(joined.id);
    expect(logLines.join('\n')).not.toContain(KEY);
  });

  it('answers a wrong key with the upstream 401, passed through', async () => {
    const { appUrl } = await startStack();
    const response = await fetch(`${appUrl}/api/v1/bots/${BOT}`, {
      headers: { Authorization: 'Token wrong' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Token');
    expect(await response.json()).toEqual({ detail: 'Invalid or disabled API key' });
  });
});
