// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/common/demo-meeting.ts';
import { isMeetingOver, notInMeetingYet } from '../../src/common/bot-states.ts';
import { ManualClock } from './clock.ts';
import { addDemoBots } from './demo-bots.ts';
import { SimulatedAttendee } from './simulated-attendee.ts';

const ORIGIN = 'https://attendee.test';
const KEY = 'key-many';

interface BotsPage {
  next: string | null;
  previous: string | null;
  results: { id: string; state: string; meeting_url: string; metadata: unknown }[];
}

function get(simulator: SimulatedAttendee, path: string, key = KEY) {
  return simulator.fetch(`${ORIGIN}${path}`, { headers: { Authorization: `Token ${key}` } });
}

/** Walks the list as the page does: the cursor read out of the absolute `next`, never followed. */
async function listAll(simulator: SimulatedAttendee, query: string, key = KEY) {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let path = `/api/v1/bots?${query}`;
  for (;;) {
    const response = await get(simulator, path, key);
    expect(response.status).toBe(200);
    const page = (await response.json()) as BotsPage;
    ids.push(...page.results.map((bot) => bot.id));
    pageSizes.push(page.results.length);
    if (page.next === null) return { ids, pageSizes };
    const next = new URL(page.next);
    expect(next.origin).toBe(ORIGIN);
    expect(next.pathname).toBe('/api/v1/bots');
    const params = new URLSearchParams(query);
    params.set('cursor', next.searchParams.get('cursor') ?? '');
    path = `/api/v1/bots?${params.toString()}`;
  }
}

/** 500 bots, every 17th of them (30 in all) in a meeting, and one bot of another key. */
function manyBots() {
  const simulator = new SimulatedAttendee({ clock: new ManualClock(Date.UTC(2025, 0, 18, 12)) });
  const live: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const id = `bot_many${String(i).padStart(4, '0')}`;
    const inMeeting = i % 17 === 0 && live.length < 30;
    if (inMeeting) live.push(id);
    simulator.addBot({ id, apiKey: KEY, state: inMeeting ? 'joined_recording' : 'ended' });
  }
  simulator.addBot({ id: 'bot_someoneElses01', apiKey: 'key-other' });
  return { simulator, live };
}

describe('the simulated bots list', () => {
  it('lists a key’s bots in creation order, 25 a page, and nobody else’s', async () => {
    const { simulator } = manyBots();
    const { ids, pageSizes } = await listAll(simulator, '');
    expect(ids).toHaveLength(500);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(pageSizes.slice(0, -1))).toEqual(new Set([25]));
    expect(ids).not.toContain('bot_someoneElses01');
  });

  it('filters by repeatable states, so the 30 in meetings take two requests', async () => {
    const { simulator, live } = manyBots();
    const { ids, pageSizes } = await listAll(
      simulator,
      'states=joined_recording&states=waiting_room',
    );
    expect(ids).toEqual(live);
    expect(pageSizes).toEqual([25, 5]);
  });

  it('filters by meeting URL, and matches nothing on fields our bots lack', async () => {
    const { simulator } = manyBots();
    simulator.addBot({ id: 'bot_zoomOne0000001', apiKey: KEY, meetingUrl: 'https://zoom.us/j/1' });
    expect((await listAll(simulator, 'meeting_url=https%3A%2F%2Fzoom.us%2Fj%2F1')).ids).toEqual([
      'bot_zoomOne0000001',
    ]);
    expect((await listAll(simulator, 'deduplication_key=x')).ids).toEqual([]);
    const bad = await get(simulator, '/api/v1/bots?join_at_after=yesterday');
    expect(bad.status).toBe(400);
  });

  it('answers a bad key with 401 and a forged cursor with 404', async () => {
    const { simulator } = manyBots();
    const refused = await get(simulator, '/api/v1/bots', 'no-such-key');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ detail: 'Invalid or disabled API key' });
    expect((await get(simulator, '/api/v1/bots?cursor=%%%')).status).toBe(404);
  });

  it('gives the demo key live meetings, one waiting to be let in and one ended', async () => {
    const simulator = new SimulatedAttendee();
    addDemoBots(simulator);
    const response = await get(simulator, '/api/v1/bots', DEMO_API_KEY);
    const { results } = (await response.json()) as BotsPage;
    const states = results.map((bot) => bot.state);
    const live = states.filter((state) => !isMeetingOver(state) && !notInMeetingYet(state));
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(states).toContain('waiting_room');
    expect(states).toContain('ended');
  });
});
