import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAttendeeMiddleware } from '../dev/attendee-middleware.ts';
import { createAttendeeProxy, describeProxyLogEntry } from '../proxy/attendee-proxy.ts';
import { startSimulatorServer, type RunningSimulatorServer } from '../dev/simulator-server.ts';
import type { SimulatedAttendee } from '../simulator/simulated-attendee.ts';

export interface ProxiedSimulator {
  /** Our middleware and proxy, as `npm start` runs them. */
  appUrl: string;
  upstream: RunningSimulatorServer;
  /** What the middleware and proxy logged. */
  logLines: string[];
  close(): Promise<void>;
}

/** A simulator over HTTP with our middleware and proxy in front of it, both on loopback. */
export async function startProxiedSimulator(
  simulator: SimulatedAttendee,
): Promise<ProxiedSimulator> {
  const upstream = await startSimulatorServer(simulator);
  const logLines: string[] = [];
  const middleware = createAttendeeMiddleware({
    upstream: createAttendeeProxy({
      upstreamUrl: upstream.url,
      log: (entry) => logLines.push(describeProxyLogEntry(entry)),
    }),
    demo: () => Promise.reject(new Error('not used')),
    log: (line) => logLines.push(line),
  });
  const app = createServer((req, res) => middleware(req, res, () => res.end()));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  return {
    appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
    upstream,
    logLines,
    async close() {
      app.closeAllConnections();
      await new Promise<void>((resolve) => app.close(() => resolve()));
      await upstream.close();
    },
  };
}
