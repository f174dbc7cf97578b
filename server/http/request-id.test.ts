import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { isAcceptableRequestId } from './request-id.ts';

const PROXY = '10.0.0.5';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

function get(url: string, remoteAddress: string, requestId?: string) {
  return running!.app.inject({
    url,
    remoteAddress,
    headers: {
      authorization: 'Token demo',
      ...(requestId === undefined ? {} : { 'x-request-id': requestId }),
    },
  });
}

describe('the request id', () => {
  it.each(['/', '/healthz', '/demo/api/v1/bots/bot_DemoMeetingLive1', '/nope', '/api/v1/projects'])(
    'is in the X-Request-Id of the answer to %s, and on its log line',
    async (url) => {
      running = await startTestApp();
      const response = await get(url, '203.0.113.7');
      const id = response.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(running.logLines.at(-1)).toMatch(new RegExp(` reqId=${String(id)}$`));
    },
  );

  it('is made new for every request', async () => {
    running = await startTestApp();
    const ids = await Promise.all([1, 2, 3].map(() => get('/healthz', '203.0.113.7')));
    expect(new Set(ids.map((response) => response.headers['x-request-id'])).size).toBe(3);
  });

  it('is taken from a trusted proxy, and carried on to the upstream request’s log line', async () => {
    running = await startTestApp({ trustProxy: [PROXY] });
    const response = await get('/demo/api/v1/bots/bot_DemoMeetingLive1', PROXY, 'edge-42.abc');
    expect(response.headers['x-request-id']).toBe('edge-42.abc');
    expect(running.logLines).toEqual([
      expect.stringMatching(/^ {2}upstream GET .* reqId=edge-42\.abc$/),
      expect.stringMatching(/^GET .* reqId=edge-42\.abc$/),
    ]);
  });

  it('is never taken from a client that is not a trusted proxy', async () => {
    running = await startTestApp({ trustProxy: [PROXY] });
    const response = await get('/healthz', '203.0.113.7', 'chosen-by-the-client');
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(running.logLines.join('\n')).not.toContain('chosen-by-the-client');
  });

  it('is never taken when no proxy is trusted', async () => {
    running = await startTestApp({ trustProxy: false });
    const response = await get('/healthz', PROXY, 'chosen-by-the-client');
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces, forging a log line', 'x 200 1ms\nGET /admin 200'],
    ['with quotes', 'x"y'],
    ['empty', ''],
  ])('is made new when a trusted proxy sends one %s', async (_what, incoming) => {
    running = await startTestApp({ trustProxy: true });
    const response = await get('/healthz', PROXY, incoming);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('accepts only short printable ids without spaces', () => {
    expect(isAcceptableRequestId('0f3c1a2b9d8e7f6a5b4c3d2e1f0a9b8c')).toBe(true);
    expect(isAcceptableRequestId('Root=1-67891233-abcdef012345678912345678')).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        if (isAcceptableRequestId(value)) {
          expect(value.length).toBeLessThanOrEqual(128);
          expect(value).toMatch(/^[\x21-\x7e]+$/);
          expect(value).not.toMatch(/["'\\<>]/);
        }
      }),
    );
  });
});
