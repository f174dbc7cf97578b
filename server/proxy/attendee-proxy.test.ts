import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAttendeeProxy } from './attendee-proxy.ts';

const KEY = 'sk_live_VerySecret123';
const AUTH = `Token ${KEY}`;
const UPSTREAM = 'https://attendee.example/self-hosted/';
const BOT_PATH = '/api/v1/bots/bot_weIAju4OXNZkDTpZ';

let logLines: string[] = [];

function headerNames(headers: HeadersInit | undefined): string[] {
  const names: string[] = [];
  new Headers(headers).forEach((_, name) => names.push(name));
  return names.sort();
}

function setUp(answer: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(answer(String(input), init ?? {})),
  );
  const proxy = createAttendeeProxy({
    upstreamUrl: UPSTREAM,
    fetchImpl: fetchImpl as unknown as typeof fetch,
    log: (entry) => logLines.push(`${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms`),
    timeoutMs: 100,
  });
  return { proxy, fetchImpl };
}

function okUpstream() {
  return setUp(
    () =>
      new Response('{"next":null,"previous":null,"results":[]}', {
        status: 200,
        headers: {
          'Content-Type': 'application/json',
          Date: 'Sat, 18 Jan 2025 12:00:00 GMT',
          'Set-Cookie': 'session=abc',
          'Access-Control-Allow-Origin': '*',
          'X-Powered-By': 'Django',
          'Retry-After': '3',
        },
      }),
  );
}

function browserRequest(path: string, init: RequestInit = {}) {
  return new Request(`http://localhost:5173${path}`, {
    ...init,
    headers: {
      Authorization: AUTH,
      Accept: 'application/json',
      Cookie: 'ours=1',
      'X-Forwarded-For': '10.0.0.1',
      Origin: 'http://localhost:5173',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

afterEach(() => {
  // Whatever happened, the key never reached a log line.
  for (const line of logLines) expect(line).not.toContain(KEY);
  logLines = [];
});

describe('the Attendee proxy', () => {
  it.each([
    BOT_PATH,
    `${BOT_PATH}/participant_events?after=2025-01-18T12%3A00%3A00Z&cursor=cD0yMDI0`,
    `${BOT_PATH}/participants?is_host=true`,
    '/api/v1/bots?states=joined_recording&states=waiting_room&cursor=cD0yMDI0',
  ])('forwards GET %s with only Authorization and Accept', async (path) => {
    const { proxy, fetchImpl } = okUpstream();
    const response = await proxy(browserRequest(path));
    expect(response.status).toBe(200);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe(`https://attendee.example/self-hosted${path}`);
    expect(init?.redirect).toBe('manual');
    expect(headerNames(init?.headers)).toEqual(['accept', 'authorization']);
    expect(new Headers(init?.headers).get('authorization')).toBe(AUTH);
  });

  it('passes on status and body but only allowlisted response headers', async () => {
    const { proxy } = okUpstream();
    const response = await proxy(browserRequest(BOT_PATH));
    expect(headerNames(response.headers)).toEqual(['content-type', 'date', 'retry-after']);
    expect(await response.json()).toEqual({ next: null, previous: null, results: [] });
  });

  it('passes on upstream errors as they are', async () => {
    const { proxy } = setUp(
      () =>
        new Response('{"detail":"Invalid or disabled API key"}', {
          status: 401,
          headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Token' },
        }),
    );
    const response = await proxy(browserRequest(BOT_PATH));
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Token');
  });

  it('ignores the Host header and absolute-form targets: the upstream is fixed', async () => {
    const { proxy, fetchImpl } = okUpstream();
    await proxy(
      new Request(`http://evil.example${BOT_PATH}`, {
        headers: { Authorization: AUTH, Host: 'evil.example' },
      }),
    );
    expect(fetchImpl.mock.calls[0]?.[0]).toBe(`https://attendee.example/self-hosted${BOT_PATH}`);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])(
    'answers %s with 405 locally',
    async (method) => {
      const { proxy, fetchImpl } = okUpstream();
      const response = await proxy(browserRequest(BOT_PATH, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET');
      expect(fetchImpl).not.toHaveBeenCalled();
    },
  );

  it('never forwards a parameter the path does not read, whatever its name and value', async () => {
    const reads: Record<string, string[]> = {
      [BOT_PATH]: [],
      [`${BOT_PATH}/participant_events`]: ['cursor', 'after', 'before'],
      [`${BOT_PATH}/participants`]: ['cursor', 'is_host'],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(reads)),
        fc.string({ minLength: 1 }),
        fc.string(),
        async (path, name, value) => {
          fc.pre(!reads[path]!.includes(name));
          const { proxy, fetchImpl } = okUpstream();
          const query = new URLSearchParams([[name, value]]);
          const response = await proxy(browserRequest(`${path}?${query}`));
          expect(response.status).toBe(404);
          expect(fetchImpl).not.toHaveBeenCalled();
        },
      ),
    );
  });

  it.each([
    '/api/v1/bots/',
    `${BOT_PATH}/`,
    `${BOT_PATH}/recording`,
    `${BOT_PATH}/participant_events/`,
    '/api/v1/bots/not_a_bot',
    '/api/v1/bots/bot_x%2Fparticipants',
    '/api/v1/bots/%2e%2e%2fprojects',
    `${BOT_PATH}/%2e%2e/%2e%2e/%2e%2e/admin`,
    `${BOT_PATH}/../../../admin`,
    '/api/v1//bots/bot_x',
    `${BOT_PATH}\\..\\..\\admin`,
    '/api/v2/bots/bot_x',
    '/admin',
  ])('answers %s with 404 locally', async (path) => {
    const { proxy, fetchImpl } = okUpstream();
    const response = await proxy(browserRequest(path));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('answers a request without Authorization with 401 locally', async () => {
    const { proxy, fetchImpl } = okUpstream();
    const response = await proxy(new Request(`http://localhost${BOT_PATH}`));
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Token');
    expect(await response.json()).toEqual({ detail: 'Missing Authorization header' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('does not follow an upstream redirect', async () => {
    const { proxy } = setUp(
      () => new Response(null, { status: 302, headers: { Location: 'https://evil.example/' } }),
    );
    const response = await proxy(browserRequest(BOT_PATH));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'Upstream answered with a redirect; not followed',
    });
  });

  it('gives up on a silent upstream with 504', async () => {
    const { proxy } = setUp(() => new Promise<Response>(() => undefined));
    const response = await proxy(browserRequest(BOT_PATH));
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      error: 'https://attendee.example/self-hosted did not answer in time',
    });
  });

  it('reports an unreachable upstream with 502 and the reason', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const { proxy } = setUp(() =>
      Promise.reject(new TypeError('fetch failed', { cause: refused })),
    );
    const response = await proxy(browserRequest(BOT_PATH));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'Cannot reach https://attendee.example/self-hosted: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('names the failure’s code when its message does not', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { proxy } = setUp(() => Promise.reject(new TypeError('fetch failed', { cause: reset })));
    const response = await proxy(browserRequest(BOT_PATH));
    expect(await response.json()).toEqual({
      error: 'Cannot reach https://attendee.example/self-hosted: ECONNRESET socket hang up',
    });
  });

  it('never repeats the key, even when an error message carries it', async () => {
    const { proxy } = setUp(() => Promise.reject(new Error(`bad header ${AUTH}`)));
    const response = await proxy(browserRequest(BOT_PATH));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(KEY);
  });

  it('logs one line per request: method, path without query, status, time', async () => {
    const { proxy } = okUpstream();
    await proxy(browserRequest(`${BOT_PATH}/participant_events?after=2025-01-18T12%3A00%3A00Z`));
    expect(logLines).toEqual([
      expect.stringMatching(new RegExp(`^GET ${BOT_PATH}/participant_events 200 \\d+ms$`)),
    ]);
  });
});
