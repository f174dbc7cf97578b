import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { sealShareToken } from '../share/share-token.ts';
import { nonZeroSeries, parseScrape } from '../testing/prometheus-scrape.ts';
import { startTestApp, TEST_SHARE_KEYS, type TestApp } from '../testing/test-app.ts';

const BOT = 'bot_SharedMeeting0001';
const OTHER_BOT = 'bot_NotInTheLink00001';
const SOMEONE_ELSES = 'bot_SomeoneElses00001';
const KEY = 'sk_the-whole-account';
const HOUR = 60 * 60 * 1000;

let running: TestApp | undefined;
let clockMs = Date.parse('2026-12-08T12:00:00Z');

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function start(options: { shareLinksPerMinute?: number } = {}) {
  const simulator = new InstrumentedAttendee({ latencyMs: 5 });
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.addBot({ id: OTHER_BOT, apiKey: KEY });
  simulator.addBot({ id: SOMEONE_ELSES, apiKey: 'another-project' });
  simulator.join(BOT, { uuid: 'ada', name: 'Ada' });
  clockMs = Date.parse('2026-12-08T12:00:00Z');
  running = await startTestApp({ simulator, now: () => clockMs, ...options });
  return running;
}

function share(body: unknown, authorization = `Token ${KEY}`, remoteAddress = '203.0.113.7') {
  return running!.app.inject({
    method: 'POST',
    url: '/share',
    remoteAddress,
    headers: { authorization, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

function askShared(url: string, token: string) {
  return running!.app.inject({
    method: 'GET',
    url,
    remoteAddress: '198.51.100.9',
    headers: { authorization: `Share ${token}`, accept: 'application/json' },
  });
}

async function linkFor(botIds: string[], lifetime = '1h', source = 'attendee', key = KEY) {
  const response = await share({ source, botIds, lifetime }, `Token ${key}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ token: string; expiresAt: string }>();
}

describe('POST /share', () => {
  it('checks the key can read each bot, then returns a token and its expiry', async () => {
    const { simulator } = await start();
    const { token, expiresAt } = await linkFor([BOT, OTHER_BOT], '8h');
    expect(expiresAt).toBe(new Date(clockMs + 8 * HOUR).toISOString());
    expect(token).not.toContain(KEY);
    expect(simulator.requests.map((request) => request.path).sort()).toEqual(
      [`/api/v1/bots/${BOT}`, `/api/v1/bots/${OTHER_BOT}`].sort(),
    );
  });

  it('refuses a key that cannot read a bot, in Attendee’s words (401 and 404)', async () => {
    await start();
    const wrongKey = await share({ source: 'attendee', botIds: [BOT], lifetime: '1h' }, 'Token x');
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.json()).toEqual({ detail: 'Invalid or disabled API key' });
    const notTheirs = await share({
      source: 'attendee',
      botIds: [BOT, SOMEONE_ELSES],
      lifetime: '1h',
    });
    expect(notTheirs.statusCode).toBe(404);
    expect(notTheirs.json()).toEqual({ error: 'Bot not found' });
    expect(notTheirs.body).not.toContain('token');
  });

  it.each([
    ['no bot', { source: 'attendee', botIds: [], lifetime: '1h' }],
    [
      '13 bots',
      {
        source: 'attendee',
        botIds: Array.from({ length: 13 }, (_, i) => `bot_B${i}`),
        lifetime: '1h',
      },
    ],
    ['a lifetime of 30 days', { source: 'attendee', botIds: [BOT], lifetime: '30d' }],
    ['a bot ID that is a path', { source: 'attendee', botIds: ['bot_a/../../x'], lifetime: '1h' }],
    ['another source', { source: 'elsewhere', botIds: [BOT], lifetime: '1h' }],
    ['a field we do not take', { source: 'attendee', botIds: [BOT], lifetime: '1h', expiresAt: 0 }],
  ])('refuses a body with %s (400) without asking the upstream', async (_name, body) => {
    const { simulator } = await start();
    const response = await share(body);
    expect(response.statusCode).toBe(400);
    expect(simulator.requests).toEqual([]);
  });

  it('refuses a large body (413) and a request without a key or with a share token (401)', async () => {
    const { simulator } = await start();
    const large = await share({
      source: 'attendee',
      botIds: [BOT],
      lifetime: '1h',
      pad: 'x'.repeat(4000),
    });
    expect(large.statusCode).toBe(413);
    const { token } = await linkFor([BOT]);
    simulator.clearRequests();
    const body = { source: 'attendee', botIds: [BOT], lifetime: '7d' };
    expect((await share(body, `Share ${token}`)).statusCode).toBe(401);
    expect((await share(body, '')).statusCode).toBe(401);
    expect(simulator.requests).toEqual([]);
  });

  it('is rate limited per client address', async () => {
    await start({ shareLinksPerMinute: 3 });
    const body = { source: 'attendee', botIds: [BOT], lifetime: '1h' };
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await share(body)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await share(body, `Token ${KEY}`, '192.0.2.1')).statusCode).toBe(200);
  });

  it('shares the demo meeting, checked against the built-in simulator', async () => {
    const { simulator } = await start();
    const { token } = await linkFor([DEMO_BOT_ID], '1h', 'demo', DEMO_API_KEY);
    const response = await askShared(`/demo/api/v1/bots/${DEMO_BOT_ID}`, token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: DEMO_BOT_ID });
    // The demo key never works for the real upstream through a demo link.
    expect((await askShared(`/api/v1/bots/${DEMO_BOT_ID}`, token)).statusCode).toBe(403);
    expect(simulator.requests).toEqual([]);
  });
});

describe('GET /share', () => {
  it('tells the page what a link opens, never the key', async () => {
    await start();
    const { token, expiresAt } = await linkFor([BOT, OTHER_BOT], '24h');
    const response = await askShared('/share', token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ source: 'attendee', botIds: [BOT, OTHER_BOT], expiresAt });
    expect(response.body).not.toContain(KEY);
    expect((await askShared('/share', token.slice(1))).json()).toMatchObject({ share: 'invalid' });
    clockMs += 24 * HOUR;
    expect((await askShared('/share', token)).json()).toMatchObject({ share: 'expired' });
  });
});

describe('a request with Authorization: Share <token>', () => {
  it('reaches its bot’s description, events and participants with the sealed key', async () => {
    const { simulator } = await start();
    const { token } = await linkFor([BOT]);
    simulator.clearRequests();
    for (const path of ['', '/participant_events', '/participants?is_host=true']) {
      const response = await askShared(`/api/v1/bots/${BOT}${path}`, token);
      expect(response.statusCode, path).toBe(200);
    }
    const events = await askShared(
      `/api/v1/bots/${BOT}/participant_events?after=2020-01-01T00:00:00Z`,
      token,
    );
    expect(events.json().results[0].participant_name).toBe('Ada');
    // The description was just asked by POST /share's check with the same key: that answer is
    // handed on (shared answers), so three of the four reach the upstream.
    expect(simulator.requests).toHaveLength(3);
  });

  it('shares answers with the key’s own viewers: one upstream request for both', async () => {
    const { simulator, app } = await start();
    const { token } = await linkFor([BOT]);
    simulator.clearRequests();
    const url = `/api/v1/bots/${BOT}/participant_events`;
    const [shared, own] = await Promise.all([
      askShared(url, token),
      app.inject({ url, headers: { authorization: `Token ${KEY}`, accept: 'application/json' } }),
    ]);
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toBe(own.body);
    expect(simulator.requests).toHaveLength(1);
  });

  it.each([
    ['another bot of the same key', `/api/v1/bots/${OTHER_BOT}`],
    ['another bot’s events', `/api/v1/bots/${OTHER_BOT}/participant_events`],
    ['the bots list', '/api/v1/bots'],
    ['the bots list with filters', '/api/v1/bots?states=joined_recording'],
    ['a path outside the bot', `/api/v1/bots/${BOT}/leave`],
    ['a trailing slash', `/api/v1/bots/${BOT}/`],
  ])('is refused (403) for %s, and the upstream never sees it', async (_name, url) => {
    const { simulator } = await start();
    const { token } = await linkFor([BOT]);
    simulator.clearRequests();
    const response = await askShared(url, token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ share: 'out-of-scope' });
    expect(simulator.requests).toEqual([]);
  });

  it('is refused (401, "expired") once the link has expired, and the upstream never sees it', async () => {
    const { simulator } = await start();
    const { token } = await linkFor([BOT], '1h');
    simulator.clearRequests();
    clockMs += HOUR;
    const response = await askShared(`/api/v1/bots/${BOT}`, token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ share: 'expired' });
    expect(simulator.requests).toEqual([]);
  });

  it('is refused (401, "invalid") when the token was altered, and the upstream never sees it', async () => {
    const { simulator } = await start();
    const { token } = await linkFor([BOT]);
    simulator.clearRequests();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    for (const altered of [`${token.slice(0, -1)}${last}`, token.slice(0, -4), `${token}AAAA`]) {
      const response = await askShared(`/api/v1/bots/${BOT}`, altered);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ share: 'invalid' });
    }
    expect(simulator.requests).toEqual([]);
  });

  it('counts each shared request by what became of it, and no token or key in a label', async () => {
    const { metrics } = await start();
    const { token } = await linkFor([BOT]);
    await askShared(`/api/v1/bots/${BOT}`, token);
    await askShared(`/api/v1/bots/${BOT}/participant_events`, token);
    await askShared('/api/v1/bots/bot_NotInTheLink00001', token);
    await askShared(`/api/v1/bots/${BOT}`, `${token}AAAA`);
    clockMs += 2 * HOUR;
    await askShared(`/api/v1/bots/${BOT}`, token);
    const scrape = await metrics.registry.metrics();
    expect(nonZeroSeries(parseScrape(scrape), 'attendee_live_share_tokens')).toEqual({
      'attendee_live_share_tokens_total{outcome="opened"}': 2,
      'attendee_live_share_tokens_total{outcome="out-of-scope"}': 1,
      'attendee_live_share_tokens_total{outcome="invalid"}': 1,
      'attendee_live_share_tokens_total{outcome="expired"}': 1,
    });
    expect(scrape).not.toContain(token);
    expect(scrape).not.toContain(KEY);
  });

  it('passes the upstream’s 401 on when the key behind the link was revoked', async () => {
    const { simulator } = await start();
    const token = sealShareToken(
      { apiKey: 'sk_revoked', source: 'attendee', botIds: [BOT], expiresAtMs: clockMs + HOUR },
      TEST_SHARE_KEYS,
    );
    const response = await askShared(`/api/v1/bots/${BOT}`, token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ detail: 'Invalid or disabled API key' });
    expect(simulator.requests).toHaveLength(1);
  });

  it('never writes the token or the key into the server’s log', async () => {
    const { logLines } = await start();
    const { token } = await linkFor([BOT]);
    await askShared(`/api/v1/bots/${BOT}`, token);
    await askShared(`/api/v1/bots/${BOT}`, token.slice(0, -2));
    await askShared('/api/v1/bots', token);
    const log = logLines.join('\n');
    expect(log).toContain('POST /share 200');
    expect(log).not.toContain(token.slice(0, 16));
    expect(log).not.toContain(KEY);
  });
});
