import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const KEY = 'sk_live_NeverInALog123';
let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function browse(app: TestApp['app']) {
  await app.inject({ url: '/?bot=bot_abc&key=pasted-by-mistake' });
  await app.inject({
    url: `/demo/api/v1/bots/bot_DemoMeetingLive1/participant_events?after=2026-11-24T10%3A00%3A00.000Z`,
    headers: { authorization: 'Token demo' },
  });
  await app.inject({
    url: '/api/v1/bots/bot_abc123',
    headers: { authorization: `Token ${KEY}`, cookie: `session=${KEY}` },
  });
  await app.inject({ url: '/assets/nope.js' });
}

describe('the request log', () => {
  it('writes one line per request: method, path without its query, status, milliseconds, id', async () => {
    running = await startTestApp();
    await browse(running.app);
    expect(running.logLines).toEqual([
      expect.stringMatching(/^GET \/ 200 \d+ms reqId=[0-9a-f-]{36}$/),
      // What went on upstream (here the demo's simulator) has a line of its own, first.
      expect.stringMatching(
        /^ {2}upstream GET \/demo\/api\/v1\/bots\/bot_DemoMeetingLive1\/participant_events 200 \d+ms reqId=/,
      ),
      expect.stringMatching(
        /^GET \/demo\/api\/v1\/bots\/bot_DemoMeetingLive1\/participant_events 200 \d+ms reqId=/,
      ),
      // The fixture's upstream knows no such bot: its refusal passes through.
      expect.stringMatching(/^ {2}upstream GET \/api\/v1\/bots\/bot_abc123 401 \d+ms reqId=/),
      expect.stringMatching(/^GET \/api\/v1\/bots\/bot_abc123 401 \d+ms reqId=/),
      expect.stringMatching(/^GET \/assets\/nope\.js 404 \d+ms reqId=/),
    ]);
    const ids = running.logLines.map((line) => / reqId=(\S+)$/.exec(line)?.[1]);
    // Each upstream line carries the id of the request that caused it; requests differ.
    expect(ids[1]).toBe(ids[2]);
    expect(ids[3]).toBe(ids[4]);
    expect(new Set(ids).size).toBe(4);
  });

  it('has no upstream line for an answer shared with another request', async () => {
    running = await startTestApp();
    const url = '/demo/api/v1/bots/bot_DemoMeetingLive1';
    const ask = () => running!.app.inject({ url, headers: { authorization: 'Token demo' } });
    await Promise.all([ask(), ask(), ask()]);
    await ask();
    const upstream = running.logLines.filter((line) => line.includes('upstream'));
    expect(upstream).toHaveLength(1);
    expect(running.logLines).toHaveLength(5);
  });

  it('writes one JSON object a line with LOG_FORMAT=json', async () => {
    running = await startTestApp({ logFormat: 'json' });
    await browse(running.app);
    const entries = running.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => entry.msg)).toEqual([
      'request',
      'upstream',
      'request',
      'upstream',
      'request',
      'request',
    ]);
    expect(entries[4]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/api/v1/bots/bot_abc123',
      status: 401,
      ms: expect.any(Number),
      reqId: entries[3]?.reqId,
    });
    expect(entries[4]?.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['text', 'json'] as const)(
    'never holds a key, a header or a query string (%s)',
    async (logFormat) => {
      running = await startTestApp({ logFormat });
      await browse(running.app);
      const log = running.logLines.join('\n');
      expect(log).not.toContain(KEY);
      expect(log).not.toMatch(/authorization|cookie|pasted-by-mistake|after=|\?/i);
    },
  );
});
