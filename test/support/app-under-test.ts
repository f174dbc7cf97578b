import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import {
  startSimulatorServer,
  type RunningSimulatorServer,
} from '../../server/dev/simulator-server.ts';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';
import { PROJECT_ROOT, SERVER_ENTRY, userEnvironment } from './build-app.ts';

export interface AppUnderTest {
  /** Where the dashboard is served, as a user would open it (https with TLS_CERT_FILE). */
  url: string;
  /** The certificate it serves, when it serves HTTPS: what a client of the test trusts. */
  ca: Buffer | undefined;
  /** The upstream the app's proxy forwards to: a simulator this test controls. */
  upstream: RunningSimulatorServer;
  /** The server's process. */
  process: ChildProcess;
  /** Everything the app's server printed, to check what it logs. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The reuse time (SHARED_ANSWER_MS) of the app servers whose pages' clocks the tests move
 * (next-refresh.ts): a state the simulator was just given reaches the page once this has passed
 * in real time, where the production default, 2 s, would hold each such test that long.
 */
export const SHARED_ANSWER_MS_IN_TESTS = 200;

/**
 * Ports a test picks for a server it starts, below Linux's ephemeral range (32768–60999). The
 * kernel hands out ports from that range to every `listen(0)` and every outgoing connection, so a
 * port found free there could be taken before the server binds it: it happened, a simulator
 * started on port 0 in between got the metrics port the test had just found free.
 */
const PICKED_PORTS = { from: 20_000, to: 32_000 };

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `preferred` when nothing listens there, else a free port below the ephemeral range. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && (await portIsFree(preferred))) return preferred;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port =
      PICKED_PORTS.from + Math.floor(Math.random() * (PICKED_PORTS.to - PICKED_PORTS.from));
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${PICKED_PORTS.from} and ${PICKED_PORTS.to}`);
}

/**
 * One GET, read to its end; its status. Over HTTPS it trusts `ca`, the test's own certificate,
 * which Node's fetch cannot be told to.
 */
export function getOnce(
  url: string,
  headers: Record<string, string> = {},
  ca?: Buffer,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:')
      ? httpsRequest(url, { headers, ca, agent: false }, onResponse)
      : httpRequest(url, { headers, agent: false }, onResponse);
    function onResponse(response: IncomingMessage) {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    }
    request.once('error', reject);
    request.end();
  });
}

export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  ca?: Buffer,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await getOnce(url, {}, ca)) === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Runs the production server as `npm start` runs it once it has built (`node dist-server/main.js`,
 * the build done once per test run by build-once.ts), with its proxy pointed at a simulated
 * Attendee served over real HTTP, so the browser → proxy → upstream path is the real one.
 * test/npm-start.browser.test.ts runs `npm start` itself, build and all.
 */
export async function startAppUnderTest(
  simulator: Pick<SimulatedAttendee, 'handle'>,
  env: NodeJS.ProcessEnv = {},
  preferredPort?: number,
): Promise<AppUnderTest> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: build first with \`npm run bundle\``);
  }
  const upstream = await startSimulatorServer(simulator);
  const port = await freePort(preferredPort);
  let output = '';
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: PROJECT_ROOT,
    env: userEnvironment({ PORT: String(port), ATTENDEE_API_URL: upstream.url, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ca = env.TLS_CERT_FILE === undefined ? undefined : readFileSync(env.TLS_CERT_FILE);
  const url = `${ca === undefined ? 'http' : 'https'}://localhost:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, child, 30_000, ca);
  } catch (error) {
    child.kill('SIGKILL');
    await upstream.close();
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
  return {
    url,
    ca,
    upstream,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await upstream.close();
    },
  };
}
