import { afterEach, describe, expect, it } from 'vitest';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const BOT = 'bot_SharedViewers0001';
const KEY = 'the-right-key';
const EVENTS = `/api/v1/bots/${BOT}/participant_events?after=2026-11-24T10%3A00%3A00.000Z`;

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function start(options: { rateLimitPerMinute?: number } = {}) {
  const simulator = new InstrumentedAttendee({ latencyMs: 50 });
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.join(BOT, { uuid: 'ada', name: 'Ada' });
  running = await startTestApp({ simulator, ...options });
  return running;
}

function ask(url: string, key = KEY, remoteAddress = '203.0.113.7') {
  return running!.app.inject({
    method: 'GET',
    url,
    remoteAddress,
    headers: { authorization: `Token ${key}`, accept: 'application/json' },
  });
}

describe('the proxy routes of the production server', () => {
  it('sends 50 identical requests in flight together to the upstream once', async () => {
    const { simulator } = await start();
    const responses = await Promise.all(Array.from({ length: 50 }, () => ask(EVENTS)));
    expect(simulator.requests).toHaveLength(1);
    const bodies = new Set(responses.map((response) => response.body));
    expect(bodies.size).toBe(1);
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    expect(JSON.parse([...bodies][0]!).results[0].participant_name).toBe('Ada');
  });

  it('shares the bot description and the hosts list the same way', async () => {
    const { simulator } = await start();
    const paths = [`/api/v1/bots/${BOT}`, `/api/v1/bots/${BOT}/participants?is_host=true`];
    await Promise.all(paths.flatMap((path) => Array.from({ length: 20 }, () => ask(path))));
    expect(simulator.requests.map((request) => request.path).sort()).toEqual([
      `/api/v1/bots/${BOT}`,
      `/api/v1/bots/${BOT}/participants`,
    ]);
  });

  it('gives a wrong key asked at the same moment as the right one a 401, never the answer', async () => {
    const { simulator } = await start();
    const [right, wrong, alsoRight] = await Promise.all([
      ask(EVENTS),
      ask(EVENTS, 'a-wrong-key'),
      ask(EVENTS),
    ]);
    expect(right.statusCode).toBe(200);
    expect(alsoRight.body).toBe(right.body);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('Ada');
    expect(simulator.requests).toHaveLength(2);
  });

  it('asks the upstream again after a refusal or an error, rather than repeat it', async () => {
    const { simulator } = await start();
    simulator.faults.failNext(1, { kind: 'status', status: 503, body: '{"detail":"busy"}' });
    expect((await ask(EVENTS)).statusCode).toBe(503);
    expect((await ask(EVENTS)).statusCode).toBe(200);
    expect((await ask(EVENTS, 'a-wrong-key')).statusCode).toBe(401);
    expect((await ask(EVENTS, 'a-wrong-key')).statusCode).toBe(401);
    expect(simulator.requests).toHaveLength(4);
  });

  it('limits what one address costs the upstream: 429 with Retry-After, others unaffected', async () => {
    const { simulator } = await start({ rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    for (let after = 0; after < 7; after += 1) {
      // Distinct questions, so nothing is shared and each would reach the upstream.
      const response = await ask(
        `/api/v1/bots/${BOT}/participant_events?after=2026-11-24T10%3A00%3A0${after}.000Z`,
      );
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(response.json()).toMatchObject({
          error: expect.stringMatching(/Too many requests/),
        });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(simulator.requests).toHaveLength(5);
    expect((await ask(EVENTS, KEY, '198.51.100.1')).statusCode).toBe(200);
  });

  it('does not count answers shared with others against an address', async () => {
    await start({ rateLimitPerMinute: 2 });
    const responses = await Promise.all(Array.from({ length: 30 }, () => ask(EVENTS)));
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    expect((await ask(EVENTS)).statusCode).toBe(200);
  });

  it.each(['GET', 'POST', 'PUT'])('refuses a %s with a body before reading it', async (method) => {
    const { simulator } = await start();
    const response = await running!.app.inject({
      method: method as 'GET',
      url: `/api/v1/bots/${BOT}`,
      headers: { authorization: `Token ${KEY}`, 'content-type': 'application/json' },
      payload: '{"state":"ended"}',
    });
    expect(response.statusCode).toBe(413);
    expect(simulator.requests).toEqual([]);
  });

  it.each(['/api/v1/projects', `/api/v1/bots/${BOT}/leave`, `/api/v1/bots/${BOT}/participants/`])(
    'refuses %s without asking the upstream',
    async (url) => {
      // Path tricks (`..`, `%2e%2e`) need a raw socket: inject tidies them away before routing.
      // test/proxy-boundary.server.test.ts sends them byte for byte to the running server.
      const { simulator } = await start();
      const response = await ask(url);
      expect(response.statusCode).toBe(404);
      expect(simulator.requests).toEqual([]);
    },
  );

  it('answers the demo meeting from the built-in simulator, not the upstream', async () => {
    const { simulator } = await start();
    const response = await ask('/demo/api/v1/bots/bot_DemoMeetingLive1', 'demo');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'bot_DemoMeetingLive1' });
    expect(simulator.requests).toEqual([]);
  });
});
