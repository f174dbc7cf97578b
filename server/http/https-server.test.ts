import { readFileSync } from 'node:fs';
import { connect, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPushBus } from '../push/memory-push-bus.ts';
import {
  makeLocalhostCertificate,
  type LocalhostCertificate,
} from '../testing/localhost-certificate.ts';
import { SCRIPT_TEXT, HASHED_SCRIPT, startTestApp, type TestApp } from '../testing/test-app.ts';
import { TEST_WEBHOOK_SECRET, joinDelivery } from '../testing/webhook-deliveries.ts';
import { STRICT_TRANSPORT_SECURITY } from './security-headers.ts';
import { MAX_STREAMS_PER_CONNECTION } from './create-app.ts';
import { peakConcurrency } from '../testing/instrumented-attendee.ts';

const KEY = 'tls-test-key';
const BOT = 'bot_tlsMeeting1';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let certificate: LocalhostCertificate;
let running: TestApp | undefined;
let origin = '';
const sessions: ClientHttp2Session[] = [];

beforeAll(() => {
  certificate = makeLocalhostCertificate();
});
afterAll(() => certificate.remove());
afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await running?.app.close();
  running = undefined;
});

async function start() {
  running = await startTestApp({
    tls: { cert: certificate.cert, key: readKey() },
    push: { webhookSecrets: [TEST_WEBHOOK_SECRET], bus: createMemoryPushBus() },
  });
  running.simulator.addBot({ id: BOT, apiKey: KEY });
  const address = await running.app.listen({ port: 0, host: '127.0.0.1' });
  origin = address.replace('127.0.0.1', 'localhost');
  return running;
}

function readKey(): Buffer {
  return readFileSync(certificate.keyFile);
}

function h2Session(): ClientHttp2Session {
  const session = connect(origin, { ca: certificate.cert });
  sessions.push(session);
  return session;
}

/** One request on an HTTP/2 session, read to its end. */
function h2Get(
  session: ClientHttp2Session,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': path, ':method': method, ...headers });
    const chunks: Buffer[] = [];
    let answerHeaders: Answer['headers'] = {};
    stream.on('response', (received) => (answerHeaders = received));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () =>
      resolve({
        status: Number(answerHeaders[':status']),
        headers: answerHeaders,
        body: Buffer.concat(chunks),
      }),
    );
    stream.on('error', reject);
    stream.end(body);
  });
}

/** The same over HTTP/1.1, as curl or a health check without HTTP/2 would ask. */
function h1Get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      `${origin}${path}`,
      { ca: certificate.cert, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: { ...response.headers, version: response.httpVersion },
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('the server over HTTPS, with TLS_CERT_FILE and TLS_KEY_FILE', () => {
  it('serves the page, its precompressed files and the proxied API over HTTP/2 and HTTP/1.1', async () => {
    await start();
    const session = h2Session();
    const askers: [string, (path: string, headers?: Record<string, string>) => Promise<Answer>][] =
      [
        ['HTTP/2', (path, headers) => h2Get(session, path, headers)],
        ['HTTP/1.1', h1Get],
      ];
    for (const [protocol, get] of askers) {
      const page = await get('/');
      expect(page.status, protocol).toBe(200);
      expect(page.body.toString(), protocol).toContain(HASHED_SCRIPT);
      expect(page.headers['strict-transport-security'], protocol).toBe(STRICT_TRANSPORT_SECURITY);
      const script = await get(HASHED_SCRIPT, { 'accept-encoding': 'br' });
      expect(script.headers['content-encoding'], protocol).toBe('br');
      expect(brotliDecompressSync(script.body).toString(), protocol).toBe(SCRIPT_TEXT);
      const bot = await get(`/api/v1/bots/${BOT}`, { authorization: `Token ${KEY}` });
      expect(bot.status, protocol).toBe(200);
      expect(JSON.parse(bot.body.toString()), protocol).toMatchObject({ id: BOT });
    }
    const versions = (await h1Get('/healthz')).headers.version;
    expect(versions).toBe('1.1');
    expect(session.alpnProtocol).toBe('h2');
  });

  it('lets one HTTP/2 connection have 24 requests open at once, and queues the rest', async () => {
    const { simulator } = await start();
    simulator.faults.always({ kind: 'slow', delayMs: 300 });
    const session = h2Session();
    await new Promise((resolve) => session.once('remoteSettings', resolve));
    expect(session.remoteSettings.maxConcurrentStreams).toBe(MAX_STREAMS_PER_CONNECTION);
    simulator.clearRequests();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        h2Get(
          session,
          `/api/v1/bots/${BOT}/participant_events?after=2026-01-01T00:00:${String(index).padStart(2, '0')}Z`,
          {
            authorization: `Token ${KEY}`,
          },
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expect(peakConcurrency(simulator.requests)).toBe(MAX_STREAMS_PER_CONNECTION);
  });

  it('pushes webhooks on an HTTP/2 stream, and ends it and the session on shutdown', async () => {
    const { app } = await start();
    const session = h2Session();
    expect(
      (await h2Get(session, `/api/v1/bots/${BOT}`, { authorization: `Token ${KEY}` })).status,
    ).toBe(200);
    const stream = session.request({ ':path': `/live?bots=${BOT}`, authorization: `Token ${KEY}` });
    let received = '';
    const waiters = new Set<() => void>();
    stream.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      for (const waiter of waiters) waiter();
    });
    const arrived = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.includes(text)) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
    await arrived(': open');
    const delivery = joinDelivery(
      BOT,
      running!.simulator.join(BOT, { uuid: 'u-ana', name: 'Ana' }),
    );
    const webhook = await h2Get(
      session,
      '/webhooks/attendee',
      delivery.headers,
      'POST',
      delivery.body,
    );
    expect(webhook.status).toBe(200);
    await arrived('event: participant_event');
    expect(received).toContain('Ana');
    const ended = new Promise<void>((resolve) => stream.once('end', resolve));
    const goaway = new Promise<void>((resolve) => session.once('goaway', () => resolve()));
    const startedClosing = Date.now();
    await app.close();
    running = undefined;
    await ended;
    await goaway;
    // Not the 10 s of SIGTERM's cut-off: the session was closed, not waited for.
    expect(Date.now() - startedClosing).toBeLessThan(2_000);
  });
});
