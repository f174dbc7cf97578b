import { describe, expect, it } from 'vitest';
import type { ParticipantEvent } from '../../src/common/participant-event.ts';
import { ManualClock } from './clock.ts';
import { SimulatedAttendee } from './simulated-attendee.ts';

const START = Date.UTC(2025, 0, 18, 12, 0, 0);
const BOT = 'bot_Test0000000001';
const KEY = 'key-one';
const ORIGIN = 'https://attendee.test';

function setUp(options: { lateCommitProbability?: number } = {}) {
  const clock = new ManualClock(START);
  const simulator = new SimulatedAttendee({ clock, ...options });
  simulator.addBot({ id: BOT, apiKey: KEY });
  return { clock, simulator };
}

function get(simulator: SimulatedAttendee, path: string, auth: string | null = `Token ${KEY}`) {
  const headers: Record<string, string> = auth === null ? {} : { Authorization: auth };
  return simulator.fetch(`${ORIGIN}${path}`, { headers });
}

interface EventsPage {
  next: string | null;
  previous: string | null;
  results: ParticipantEvent[];
}

async function getPage(simulator: SimulatedAttendee, path: string): Promise<EventsPage> {
  const response = await get(simulator, path);
  expect(response.status).toBe(200);
  return (await response.json()) as EventsPage;
}

/** Reads the cursor out of each absolute `next` link, as the dashboard does. */
async function walkAllPages(simulator: SimulatedAttendee, query = ''): Promise<ParticipantEvent[]> {
  const events: ParticipantEvent[] = [];
  let path = `/api/v1/bots/${BOT}/participant_events${query}`;
  for (;;) {
    const page = await getPage(simulator, path);
    events.push(...page.results);
    if (page.next === null) return events;
    const next = new URL(page.next);
    expect(next.origin).toBe(ORIGIN);
    expect(next.pathname).toBe(`/api/v1/bots/${BOT}/participant_events`);
    const params = new URLSearchParams(query);
    params.set('cursor', next.searchParams.get('cursor') ?? '');
    path = `/api/v1/bots/${BOT}/participant_events?${params.toString()}`;
  }
}

function joinMany(
  simulator: SimulatedAttendee,
  count: number,
  createdAtMs: (i: number) => number,
  firstUuid = 1000,
) {
  return Array.from({ length: count }, (_, i) =>
    simulator.join(
      BOT,
      { uuid: `${firstUuid + i}`, name: `Person ${i}` },
      { createdAtMs: createdAtMs(i) },
    ),
  );
}

describe('participant_events', () => {
  it('gives every visible event exactly once across pages, even when 30 share a created_at', async () => {
    const { simulator } = setUp();
    joinMany(simulator, 20, (i) => START - 60_000 + i);
    joinMany(simulator, 30, () => START - 1000, 2000);
    const first = await getPage(simulator, `/api/v1/bots/${BOT}/participant_events`);
    expect(first.results.slice(20).map((event) => event.participant_uuid)).toEqual([
      '2000',
      '2001',
      '2002',
      '2003',
      '2004',
    ]);
    const walked = await walkAllPages(simulator);
    expect(walked.map((event) => event.id)).toEqual(simulator.visibleEvents(BOT).map((e) => e.id));
    expect(new Set(walked.map((event) => event.id)).size).toBe(50);
  });

  it('pages a scripted meeting completely, 25 events a page', async () => {
    const clock = new ManualClock(START);
    const simulator = new SimulatedAttendee({ clock });
    simulator.addBot({ id: BOT, apiKey: KEY, meeting: { live: false } });
    const first = await getPage(simulator, `/api/v1/bots/${BOT}/participant_events`);
    expect(first.results).toHaveLength(25);
    expect(first.previous).toBeNull();
    clock.advance(10_000);
    expect(await walkAllPages(simulator)).toEqual(simulator.visibleEvents(BOT));
  });

  it('keeps after and before in next links and treats both as strict', async () => {
    const { simulator } = setUp();
    const events = joinMany(simulator, 60, (i) => START - 100_000 + Math.floor(i / 2) * 1000);
    const after = new Date(START - 100_000 + 3000).toISOString();
    const before = new Date(START - 100_000 + 27_000).toISOString();
    const query = `?after=${encodeURIComponent(after)}&before=${encodeURIComponent(before)}`;
    const first = await getPage(simulator, `/api/v1/bots/${BOT}/participant_events${query}`);
    expect(new URL(first.next ?? '').searchParams.get('after')).toBe(after);
    expect(new URL(first.next ?? '').searchParams.get('before')).toBe(before);
    const walked = await walkAllPages(simulator, query);
    // Created at seconds 4..26: two events a second, the bounds themselves excluded.
    expect(walked.map((event) => event.id)).toEqual(events.slice(8, 54).map((e) => e.id));
  });

  it.each(['after', 'before'])(
    'answers an unparseable %s with the exact 400 body',
    async (name) => {
      const { simulator } = setUp();
      const response = await get(simulator, `/api/v1/bots/${BOT}/participant_events?${name}=soon`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: `Invalid ${name} format. Use ISO 8601 format (e.g., 2024-01-18T12:34:56Z)`,
      });
    },
  );

  it('answers a forged cursor with 404 Invalid cursor', async () => {
    const { simulator } = setUp();
    const response = await get(simulator, `/api/v1/bots/${BOT}/participant_events?cursor=xyz`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Invalid cursor' });
  });

  it('hides a late commit until its transaction commits', async () => {
    const { clock, simulator } = setUp();
    simulator.join(BOT, { uuid: '1', name: 'Ada' }, { createdAtMs: START - 2000 });
    const late = simulator.join(BOT, { uuid: '2', name: 'Bo' }, { commitDelayMs: 3000 });
    const early = simulator.speechStart(BOT, '1', { createdAtMs: START + 500 });
    clock.advance(1000);
    const before = await walkAllPages(simulator);
    expect(before.map((event) => event.id)).not.toContain(late.id);
    expect(before.map((event) => event.id)).toContain(early.id);
    clock.advance(2000);
    const after = await walkAllPages(simulator);
    expect(after.map((event) => event.id)).toEqual([before[0]?.id, late.id, early.id]);
  });

  it('shows a host change on all of that participant’s events, old ones included', async () => {
    const { simulator } = setUp();
    simulator.join(BOT, { uuid: '1', name: 'Ada' });
    simulator.speechStart(BOT, '1');
    simulator.setHost(BOT, '1', true);
    const events = await walkAllPages(simulator);
    expect(events.map((event) => event.participant_is_host)).toEqual([true, true]);
  });

  it('stamps timestamp_ms from the bot clock, a little before created_at', () => {
    const { simulator } = setUp();
    const event = simulator.join(BOT, { uuid: '1', name: 'Ada' });
    expect(event.timestamp_ms).toBeGreaterThanOrEqual(START - 800 - 300);
    expect(event.timestamp_ms).toBeLessThanOrEqual(START - 800 + 300);
    expect(event.id).toMatch(/^pe_[A-Za-z0-9]{16}$/);
  });

  it('sends a Date header from the simulator clock and a JSON content type', async () => {
    const { clock, simulator } = setUp();
    clock.advance(90_500);
    const response = await get(simulator, `/api/v1/bots/${BOT}/participant_events`);
    expect(response.headers.get('Date')).toBe('Sat, 18 Jan 2025 12:01:30 GMT');
    expect(response.headers.get('Content-Type')).toBe('application/json');
  });
});

describe('authentication and bots', () => {
  it.each([
    [null, 'Missing Authorization header'],
    [`Bearer ${KEY}`, 'Invalid Authorization header. Should have this format: Token <api_key>'],
    ['Token', 'Invalid Authorization header. Should have this format: Token <api_key>'],
    ['Token nope', 'Invalid or disabled API key'],
  ])('rejects Authorization %s with 401 and its detail', async (auth, detail) => {
    const { simulator } = setUp();
    const response = await get(simulator, `/api/v1/bots/${BOT}/participant_events`, auth);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Token');
    expect(await response.json()).toEqual({ detail });
  });

  it('answers an unknown bot, and another key’s bot, with 404 Bot not found', async () => {
    const { simulator } = setUp();
    simulator.addBot({ id: 'bot_Other', apiKey: 'key-two' });
    for (const path of ['/api/v1/bots/bot_Nope', '/api/v1/bots/bot_Other/participants']) {
      const response = await get(simulator, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Bot not found' });
    }
  });

  it('serves the bot with its state and bot events', async () => {
    const { simulator } = setUp();
    simulator.setState(BOT, 'ended');
    const response = await get(simulator, `/api/v1/bots/${BOT}`);
    const bot = (await response.json()) as Record<string, unknown>;
    expect(bot).toMatchObject({ id: BOT, state: 'ended', recording_state: 'complete' });
    expect(bot.events).toContainEqual({
      type: 'post_processing_completed',
      sub_type: null,
      created_at: new Date(START).toISOString(),
    });
  });

  it('lists participants, filtered by is_host', async () => {
    const { simulator } = setUp();
    simulator.join(BOT, { uuid: '1', name: 'Ada', isHost: true, userUuid: 'u1' });
    simulator.join(BOT, { uuid: '2', name: null });
    const response = await get(simulator, `/api/v1/bots/${BOT}/participants?is_host=false`);
    const page = (await response.json()) as { results: Record<string, unknown>[] };
    expect(page.results).toEqual([
      {
        id: expect.stringMatching(/^par_[A-Za-z0-9]{16}$/),
        name: null,
        uuid: '2',
        user_uuid: null,
        is_host: false,
      },
    ]);
  });

  it('sends a row with fields replaced, added or removed when a test asks for one', async () => {
    const { simulator } = setUp();
    simulator.join(BOT, { uuid: 'u1', name: 'Ada' });
    const odd = simulator.emit(BOT, 'u1', 'hand_raised', {
      apiFields: { participant_uuid: undefined, event_data: [1, 2], surprise: { deep: true } },
    });
    const page = await getPage(simulator, `/api/v1/bots/${BOT}/participant_events`);
    const row = page.results.find((event) => event.id === odd.id) as unknown as Record<
      string,
      unknown
    >;
    expect(row).not.toHaveProperty('participant_uuid');
    expect(row).toMatchObject({ event_data: [1, 2], surprise: { deep: true } });
    expect(row.event_type).toBe('hand_raised');
  });
});
