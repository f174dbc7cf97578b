import type { AddressInfo } from 'node:net';
import { createAttendeeApi } from '../attendee-api.ts';
import { startSimulatorServer, type RunningSimulatorServer } from '../dev/simulator-server.ts';
import { createApp } from '../http/create-app.ts';
import { createMetrics } from '../http/metrics.ts';
import { createServerLog, logUpstreamRequests } from '../http/server-log.ts';
import type { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { TEST_SHARE_KEYS } from './test-app.ts';

export interface ProxiedSimulator {
  /** The production app's routes and proxy, as `npm start` runs them (without a page). */
  appUrl: string;
  upstream: RunningSimulatorServer;
  /** What the app logged. */
  logLines: string[];
  close(): Promise<void>;
}

/** A simulator over HTTP with the production app in front of it, both on loopback. */
export async function startProxiedSimulator(
  simulator: SimulatedAttendee,
): Promise<ProxiedSimulator> {
  const upstream = await startSimulatorServer(simulator);
  const logLines: string[] = [];
  const log = createServerLog('text', (line) => logLines.push(line));
  const metrics = createMetrics();
  const app = await createApp({
    page: async () => {},
    api: createAttendeeApi({ upstreamUrl: upstream.url, log: logUpstreamRequests(log), metrics }),
    log,
    trustProxy: false,
    rateLimitPerMinute: 1200,
    metrics,
    shareKeys: TEST_SHARE_KEYS,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    appUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    upstream,
    logLines,
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await upstream.close();
    },
  };
}
