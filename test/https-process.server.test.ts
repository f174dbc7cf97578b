import { spawn } from 'node:child_process';
import { connect, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import {
  makeLocalhostCertificate,
  type LocalhostCertificate,
} from '../server/testing/localhost-certificate.ts';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../src/common/demo-meeting.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { PROJECT_ROOT, SERVER_ENTRY, userEnvironment } from './support/build-app.ts';

/*
 * `npm start`'s server as a process with TLS_CERT_FILE and TLS_KEY_FILE: the built page, the
 * proxy, the demo's push and SIGTERM over HTTP/2, and the page and the proxy over HTTP/1.1.
 */

const BOT = 'bot_HttpsProcess0001';
const KEY = 'https-process-key';

let certificate: LocalhostCertificate;

beforeAll(() => {
  certificate = makeLocalhostCertificate();
});
afterAll(() => certificate.remove());

/** What a test talks to: the server as a process, and one HTTP/2 session to it. */
interface HttpsServer {
  simulator: InstrumentedAttendee;
  app: AppUnderTest;
  session: ClientHttp2Session;
  h2Get(path: string, authorization?: string): Promise<{ status: number; body: string }>;
  h1Get(
    path: string,
    authorization?: string,
  ): Promise<{ status: number; body: string; version: string }>;
}

/** A simulator with one bot, the server over TLS in front of it, and a session; stopped after the test. */
async function startHttpsServer(
  onTestFinished: (cleanup: () => Promise<void>) => void,
  env: NodeJS.ProcessEnv = {},
): Promise<HttpsServer> {
  const simulator = new InstrumentedAttendee();
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.join(BOT, { uuid: 'ada', name: 'Ada' });
  const app = await startAppUnderTest(simulator, {
    TLS_CERT_FILE: certificate.certFile,
    TLS_KEY_FILE: certificate.keyFile,
    ...env,
  });
  const session = connect(app.url, { ca: certificate.cert });
  onTestFinished(async () => {
    session.destroy();
    await app.stop();
  });

  const h2Get = (path: string, authorization?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const stream = session.request({ ':path': path, ...(authorization && { authorization }) });
      let status = 0;
      let body = '';
      stream.on('response', (headers) => (status = Number(headers[':status'])));
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => resolve({ status, body }));
      stream.on('error', reject);
    });

  const h1Get = (path: string, authorization?: string) =>
    new Promise<{ status: number; body: string; version: string }>((resolve, reject) => {
      const headers = authorization === undefined ? {} : { authorization };
      httpsRequest(`${app.url}${path}`, { ca: certificate.cert, headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, version: res.httpVersion }),
        );
      })
        .on('error', reject)
        .end();
    });

  return { simulator, app, session, h2Get, h1Get };
}

// Concurrent: most of each test is a server process starting, a request held in flight through
// a signal, or the demo's next event, and the file took as long as all of them in a row.
describe.concurrent('npm start’s server over HTTPS', () => {
  it('serves the built page and the proxied API to HTTP/2 and HTTP/1.1 clients', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, h2Get, h1Get } = await startHttpsServer(onTestFinished);
    for (const get of [h2Get, h1Get]) {
      const page = await get('/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
      const bot = await get(`/api/v1/bots/${BOT}`, `Token ${KEY}`);
      expect(bot.status).toBe(200);
      expect(JSON.parse(bot.body)).toMatchObject({ id: BOT });
    }
    expect((await h1Get('/healthz')).version).toBe('1.1');
    expect(session.alpnProtocol).toBe('h2');
  });

  it('pushes the demo meeting, its webhooks delivered to itself over TLS', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, h2Get } = await startHttpsServer(onTestFinished);
    const authorization = `Token ${DEMO_API_KEY}`;
    expect((await h2Get(`/demo/api/v1/bots/${DEMO_BOT_ID}`, authorization)).status).toBe(200);
    const stream = session.request({ ':path': `/live?bots=${DEMO_BOT_ID}`, authorization });
    let received = '';
    stream.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // The demo meeting speaks every few seconds.
    await expect.poll(() => received, { timeout: 20_000 }).toContain('event: participant_event');
    stream.close();
  }, 30_000);

  it('on SIGTERM, finishes an HTTP/2 request in flight, sends GOAWAY and exits 0', async ({
    expect,
    onTestFinished,
  }) => {
    const { simulator, app, session, h2Get } = await startHttpsServer(onTestFinished);
    simulator.faults.failNext(1, { kind: 'slow', delayMs: 1500 });
    const inFlight = h2Get(`/api/v1/bots/${BOT}/participant_events`, `Token ${KEY}`);
    await expect.poll(() => simulator.requests.length).toBe(1);
    const goaway = new Promise<void>((resolve) => session.once('goaway', () => resolve()));
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', resolve));
    const signalledAt = Date.now();
    app.process.kill('SIGTERM');
    await goaway;
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    // Not the 10 s grace: the idle session was closed, not waited for.
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
  });

  it('cuts an HTTP/2 request still in flight (SHUTDOWN_GRACE_SECONDS) and exits 0', async ({
    expect,
    onTestFinished,
  }) => {
    const { simulator, app, session, h2Get } = await startHttpsServer(onTestFinished, {
      SHUTDOWN_GRACE_SECONDS: '2',
    });
    // Cut by the server, as this test means it to be.
    session.on('error', () => undefined);
    simulator.faults.failNext(1, { kind: 'slow', delayMs: 60_000 });
    const inFlight = h2Get(`/api/v1/bots/${BOT}`, `Token ${KEY}`).catch((error: Error) => error);
    await expect.poll(() => simulator.requests.length).toBe(1);
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', resolve));
    const signalledAt = Date.now();
    app.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - signalledAt).toBeLessThan(7_000);
    // Cut before any answer: the stream failed, or ended with no status.
    const answer = await inFlight;
    expect(answer instanceof Error ? 0 : answer.status).toBe(0);
  }, 30_000);

  it('refuses to start with half a TLS configuration, saying which variable is missing, without a stack trace', async ({
    expect,
  }) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: PROJECT_ROOT,
      env: userEnvironment({ PORT: '0', TLS_CERT_FILE: certificate.certFile }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Cannot start: TLS_CERT_FILE is set but TLS_KEY_FILE is not: set both for HTTPS, or neither',
    );
  });
});
