import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';

/*
 * The proxy in `npm start`, probed over raw HTTP, byte for byte (no client-side URL parsing to
 * tidy our tricks away). The upstream is a simulator whose request log shows exactly what got
 * through; a second server stands for any other host, and must never be asked anything.
 */

const KEY = 'proxy-boundary-key';
const BOT = 'bot_ProxyBoundary0001';
const BOT_PATH = `/api/v1/bots/${BOT}`;
const AUTH = `Authorization: Token ${KEY}`;

let simulator: InstrumentedAttendee;
let app: AppUnderTest;
let appPort: number;
let elsewhere: Server;
let elsewhereHost: string;
const elsewhereRequests: string[] = [];

beforeAll(async () => {
  simulator = new InstrumentedAttendee({ seed: 4 });
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.addBot({ id: 'bot_SomeoneElses00001', apiKey: 'another-project-key' });
  elsewhere = createServer((req, res) => {
    elsewhereRequests.push(`${req.method} ${req.url}`);
    res.end('{"stolen":true}');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereHost = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  app = await startAppUnderTest(simulator);
  appPort = Number(new URL(app.url).port);
});

afterAll(async () => {
  await app?.stop();
  elsewhere?.closeAllConnections();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

beforeEach(() => {
  simulator.clearRequests();
  simulator.faults.clear();
});

afterEach(() => {
  expect(elsewhereRequests).toEqual([]);
  expect(app.output()).not.toContain(KEY);
});

/** Sends one request exactly as written and returns the status and body of the answer. */
function rawRequest(
  requestLine: string,
  headers: string[] = [AUTH],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(appPort, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    const hasHost = headers.some((header) => /^host:/i.test(header));
    const lines = [
      requestLine,
      ...(hasHost ? [] : [`Host: localhost:${appPort}`]),
      ...headers,
      'Connection: close',
      '',
      '',
    ];
    socket.write(lines.join('\r\n'));
  });
}

describe('the proxy served by npm start', () => {
  it('forwards an allowed GET and nothing else reaches the upstream', async () => {
    const response = await rawRequest(`GET ${BOT_PATH}/participant_events HTTP/1.1`);
    expect(response.status).toBe(200);
    expect(simulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${BOT_PATH}/participant_events`,
    ]);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'])(
    'answers %s locally',
    async (method) => {
      const response = await rawRequest(`${method} ${BOT_PATH} HTTP/1.1`, [
        AUTH,
        'Content-Type: application/json',
        'Content-Length: 2',
      ]);
      // A body is refused unread (413); without one, the method itself is (405), or the path.
      expect([404, 405, 413]).toContain(response.status);
      expect(simulator.requests).toEqual([]);
    },
  );

  it.each([
    // The bots list passes with its documented filters only (server/proxy/allowed-paths.ts).
    '/api/v1/bots?page_size=1000',
    '/api/v1/bots?states=ended&ordering=-created_at',
    '/api/v1/bots/',
    '/api/v1/projects',
    `${BOT_PATH}/leave`,
    `${BOT_PATH}/recording`,
    `${BOT_PATH}/participant_events/`,
    `${BOT_PATH}/../bot_SomeoneElses00001`,
    `${BOT_PATH}/%2e%2e/bot_SomeoneElses00001`,
    `${BOT_PATH}/%2E%2E%2Fbot_SomeoneElses00001`,
    `${BOT_PATH}/..%2f..%2f..%2fadmin`,
    `${BOT_PATH}/%252e%252e/admin`,
    `${BOT_PATH}%2fparticipants`,
    `${BOT_PATH};/participants`,
    `${BOT_PATH}%00/participants`,
    `${BOT_PATH}\\..\\bot_SomeoneElses00001`,
    '/api/v1/bots/bot_x/../../../../etc/passwd',
    `/demo/api/v1/bots/bot_DemoMeetingLive1/../../../../../api/v1/bots/${BOT}`,
    '/api/%2e%2e/admin',
  ])('refuses the path %s without asking the upstream', async (path) => {
    const response = await rawRequest(`GET ${path} HTTP/1.1`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(simulator.requests).toEqual([]);
  });

  it('leaves a path that only looks like the API after normalising to the page server', async () => {
    // Not ours to proxy: the static files answer it (404), and the upstream never hears of it.
    const response = await rawRequest(`GET /demo/../api/v1/bots/${BOT} HTTP/1.1`);
    expect(response.body).not.toContain('"results"');
    expect(response.body).not.toContain(BOT);
    expect(simulator.requests).toEqual([]);
  });

  it('refuses an absolute URL as the request target, whatever host it names', async () => {
    for (const host of [elsewhereHost, 'evil.example', `localhost:${appPort}`]) {
      const response = await rawRequest(`GET http://${host}${BOT_PATH} HTTP/1.1`);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(simulator.requests).toEqual([]);
  });

  it('goes to the one upstream, or nowhere, whatever the Host and forwarding headers say', async () => {
    const tricks = [
      [`Host: ${elsewhereHost}`],
      ['Host: evil.example'],
      [`X-Forwarded-Host: ${elsewhereHost}`],
      [`Forwarded: host=${elsewhereHost}`],
      ['X-Original-URL: /api/v1/projects'],
      ['X-Rewrite-URL: /api/v1/projects'],
    ];
    const statuses: number[] = [];
    // Asked within 2 s with one key, the six are one question to the upstream: one request.
    for (const headers of tricks) {
      statuses.push((await rawRequest(`GET ${BOT_PATH} HTTP/1.1`, [AUTH, ...headers])).status);
    }
    // Every one goes to the upstream fixed at start, for the path asked, and the other host
    // hears nothing. (No Host allow-list: the server holds no secret and forwards no cookie, so
    // a page that rebinds its DNS to us reads only what any visitor can.)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(simulator.requests.map((request) => request.path)).toEqual([BOT_PATH]);
  });

  it.each([301, 302, 303, 307, 308])(
    'never follows a %i redirect from the upstream to another host',
    async (status) => {
      simulator.faults.failNext(1, {
        kind: 'status',
        status,
        body: '',
        headers: { Location: `http://${elsewhereHost}/steal?from=proxy` },
      });
      // A question of its own (a cursor the path reads): an answer to the same question in the
      // last 2 s would be shared.
      const response = await rawRequest(
        `GET ${BOT_PATH}/participants?cursor=redirect-${status} HTTP/1.1`,
      );
      expect(response.status).toBe(502);
      expect(JSON.parse(response.body)).toEqual({
        error: 'Upstream answered with a redirect; not followed',
      });
    },
  );

  it('answers a request without Authorization itself, with 401', async () => {
    const response = await rawRequest(`GET ${BOT_PATH}/participant_events HTTP/1.1`, []);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ detail: 'Missing Authorization header' });
    expect(simulator.requests).toEqual([]);
  });

  it('passes the upstream’s own refusal of another project’s bot through', async () => {
    const response = await rawRequest('GET /api/v1/bots/bot_SomeoneElses00001 HTTP/1.1');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ error: 'Bot not found' });
  });
});
