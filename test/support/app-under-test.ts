import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  startSimulatorServer,
  type RunningSimulatorServer,
} from '../../server/simulator-server.ts';
import type { SimulatedAttendee } from '../../server/simulator/simulated-attendee.ts';

export interface AppUnderTest {
  /** Where the dashboard is served, as a user would open it. */
  url: string;
  /** The upstream the app's proxy forwards to: a simulator this test controls. */
  upstream: RunningSimulatorServer;
  /** Everything the app's server printed, to check what it logs. */
  output(): string;
  stop(): Promise<void>;
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_ENV;
  return copy;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Runs the app the way the README says (`npm start`), with its proxy pointed at a simulated
 * Attendee served over real HTTP, so the browser → proxy → upstream path is the real one.
 */
export async function startAppUnderTest(simulator: SimulatedAttendee): Promise<AppUnderTest> {
  const upstream = await startSimulatorServer(simulator);
  const port = await freePort();
  let output = '';
  const child = spawn('npm', ['start'], {
    // Vitest sets NODE_ENV=test, which would make `vite build` bundle React's development build;
    // a user's `npm start` has no NODE_ENV, and that is the page under test.
    env: { ...withoutNodeEnv(process.env), PORT: String(port), ATTENDEE_API_URL: upstream.url },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  try {
    await waitForHttp(url, child, 90_000);
  } catch (error) {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await upstream.close();
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
  return {
    url,
    upstream,
    output: () => output,
    async stop() {
      // npm start runs vite in a child of its own: stop the whole group.
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      await upstream.close();
    },
  };
}
