import { spawn, type ChildProcess } from 'node:child_process';
import type { ExpectStatic, TestContext } from 'vitest';
import { Agent, request as httpRequest } from 'node:http';
import {
  startSimulatorServer,
  type RunningSimulatorServer,
} from '../server/dev/simulator-server.ts';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import {
  startAppUnderTest,
  freePort,
  waitForHttp,
  type AppUnderTest,
} from './support/app-under-test.ts';
import { copyOfProject, userEnvironment } from './support/build-app.ts';

/*
 * The production server as a process: `npm start` itself (build and all), and the signals a
 * process manager sends. A request in flight when the signal comes still gets its answer.
 */

const BOT = 'bot_ShutdownTest0001';
const KEY = 'shutdown-key';

/** A simulator with one bot and one person in its meeting, for one test. */
function simulatorWithBot(): InstrumentedAttendee {
  const simulator = new InstrumentedAttendee();
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.join(BOT, { uuid: 'ada', name: 'Ada' });
  return simulator;
}

/** The server as `npm start` runs it, in front of a simulator with one bot; stopped after the test. */
async function startAppWithBot(
  onTestFinished: TestContext['onTestFinished'],
  env: NodeJS.ProcessEnv = {},
): Promise<{ simulator: InstrumentedAttendee; app: AppUnderTest }> {
  const simulator = simulatorWithBot();
  const app = await startAppUnderTest(simulator, env);
  onTestFinished(() => app.stop());
  return { simulator, app };
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** A GET on a keep-alive connection, as a browser's: resolved with the status and body. */
function getInFlight(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { headers: { Authorization: `Token ${KEY}` }, agent: new Agent({ keepAlive: true }) },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function untilUpstreamHasIt(simulator: InstrumentedAttendee, expect: ExpectStatic) {
  await expect.poll(() => simulator.requests.length, { timeout: 10_000 }).toBe(1);
}

// Concurrent: most of each test is a server process starting, or a request held in flight
// through a signal, and the file took as long as all of them one after the other.
describe.concurrent('the production server as a process', () => {
  it('is what `npm start` builds and runs, and a SIGTERM to npm ends it cleanly, mid-request', async ({
    expect,
    onTestFinished,
  }) => {
    const simulator = simulatorWithBot();
    const upstream: RunningSimulatorServer = await startSimulatorServer(simulator);
    onTestFinished(() => upstream.close());
    const port = await freePort();
    let output = '';
    const checkout = await copyOfProject();
    onTestFinished(() => checkout.remove());
    const npm = spawn('npm', ['start'], {
      cwd: checkout.root,
      // Its gzip copies as the run's own build makes them (build-app.ts): Zopfli's would cost
      // this test 6 CPU-seconds on a fresh clone, for bytes no test reads packed.
      env: userEnvironment({
        PORT: String(port),
        ATTENDEE_API_URL: upstream.url,
        BUILD_GZIP: 'zlib',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = exitOf(npm);
    onTestFinished(() => {
      if (npm.exitCode === null && npm.pid) process.kill(-npm.pid, 'SIGKILL');
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/healthz`, npm, 100_000);

    const page = await fetch(url, { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    // fetch decodes brotli itself.
    const html = await page.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);

    simulator.faults.failNext(1, { kind: 'slow', delayMs: 1500 });
    const inFlight = getInFlight(`${url}/api/v1/bots/${BOT}`);
    await untilUpstreamHasIt(simulator, expect);
    // To npm alone, as a process manager would: npm must pass it on to the server.
    npm.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ id: BOT });
    expect(await exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(output).toContain('SIGTERM: finishing the requests in flight');
  }, 180_000);

  it('goes on serving when the reader of its log goes away (`| head`)', async ({
    expect,
    onTestFinished,
  }) => {
    const { app } = await startAppWithBot(onTestFinished);
    // The pipe's reading end closed, as `head` closes it after its lines: each request's log
    // line is then a write to a broken pipe.
    app.process.stdout?.destroy();
    for (let request = 0; request < 3; request++) {
      const answer = await getInFlight(`${app.url}/api/v1/bots/${BOT}`);
      expect(answer.status).toBe(200);
    }
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(app.process.exitCode).toBeNull();
  });

  it.for(['SIGTERM', 'SIGINT'] as const)(
    'on %s, stops accepting, finishes the request in flight and exits 0',
    async (signal, { expect, onTestFinished }) => {
      const { simulator, app } = await startAppWithBot(onTestFinished);
      simulator.faults.failNext(1, { kind: 'slow', delayMs: 1500 });
      const inFlight = getInFlight(`${app.url}/api/v1/bots/${BOT}/participant_events`);
      await untilUpstreamHasIt(simulator, expect);
      const signalledAt = Date.now();
      app.process.kill(signal);
      await expect
        .poll(() =>
          fetch(`${app.url}/healthz`).then(
            () => 'answered',
            () => 'refused',
          ),
        )
        .toBe('refused');
      expect((await inFlight).status).toBe(200);
      expect(await exitOf(app.process)).toEqual({ code: 0, signal: null });
      // Without waiting for the client to close its keep-alive connection.
      expect(Date.now() - signalledAt).toBeLessThan(5_000);
    },
  );

  it('cuts what is still in flight after its grace period (SHUTDOWN_GRACE_SECONDS) and exits 0', async ({
    expect,
    onTestFinished,
  }) => {
    // 2 s rather than the default 10, which the configuration's tests cover.
    const { simulator, app } = await startAppWithBot(onTestFinished, {
      SHUTDOWN_GRACE_SECONDS: '2',
    });
    simulator.faults.failNext(1, { kind: 'slow', delayMs: 60_000 });
    const inFlight = getInFlight(`${app.url}/api/v1/bots/${BOT}`).catch((error: Error) => error);
    await untilUpstreamHasIt(simulator, expect);
    const signalledAt = Date.now();
    app.process.kill('SIGTERM');
    expect(await exitOf(app.process)).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - signalledAt).toBeLessThan(7_000);
    expect(await inFlight).toBeInstanceOf(Error);
  }, 30_000);

  it('logs one JSON object a line with LOG_FORMAT=json, never the key', async ({
    expect,
    onTestFinished,
  }) => {
    const { app } = await startAppWithBot(onTestFinished, { LOG_FORMAT: 'json' });
    // A key pasted into the query by mistake: `key` is no parameter the path reads, so the
    // request is refused here (404), and logged without its query.
    await getInFlight(`${app.url}/api/v1/bots/${BOT}/participants?is_host=true&key=${KEY}`);
    await expect.poll(() => app.output()).toContain('/participants');
    const lines = app
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: `/api/v1/bots/${BOT}/participants`,
        status: 404,
      }),
    );
    expect(app.output()).not.toContain(KEY);
  });

  it('hands one viewer’s answer to the same request for SHARED_ANSWER_MS, and asks again after', async ({
    expect,
    onTestFinished,
  }) => {
    const { simulator, app } = await startAppWithBot(onTestFinished, { SHARED_ANSWER_MS: '1000' });
    const ask = () => getInFlight(`${app.url}/api/v1/bots/${BOT}`);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    expect(simulator.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await ask()).status).toBe(200);
    expect(simulator.requests).toHaveLength(2);
  });

  it('serves /metrics on METRICS_PORT alone, and names each request in its answer and its log lines', async ({
    expect,
    onTestFinished,
  }) => {
    const metricsPort = await freePort();
    const { app } = await startAppWithBot(onTestFinished, { METRICS_PORT: String(metricsPort) });
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;

    const answer = await fetch(`${app.url}/api/v1/bots/${BOT}`, {
      headers: { Authorization: `Token ${KEY}` },
    });
    expect(answer.status).toBe(200);
    const id = answer.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The request's line comes once its answer is sent; its upstream's line, before.
    const line = (prefix: string) =>
      new RegExp(`^${prefix}GET /api/v1/bots/${BOT} 200 \\d+ms reqId=${id}$`, 'm');
    await expect.poll(() => app.output()).toMatch(line(''));
    expect(app.output()).toMatch(line('  upstream '));

    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    const scrape = await fetch(metricsUrl);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toContain(
      'attendee_live_upstream_requests_total{api="upstream",kind="bot",status="200"} 1',
    );
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).not.toContain(BOT);
    expect(text).not.toContain(KEY);

    // A signal stops both listeners, and the process exits.
    app.process.kill('SIGTERM');
    expect(await exitOf(app.process)).toEqual({ code: 0, signal: null });
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });
});
