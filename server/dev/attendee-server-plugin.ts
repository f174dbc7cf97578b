import type { Plugin } from 'vite';
import { createAttendeeApi, DEFAULT_UPSTREAM } from '../attendee-api.ts';
import { createAttendeeMiddleware } from './attendee-middleware.ts';
import { describeProxyLogEntry } from '../proxy/attendee-proxy.ts';

/**
 * Serves the Attendee proxy and the demo simulator from Vite's dev server (`npm run dev`), with
 * the same handlers as the production server. The page's security headers are the production
 * server's alone: Vite's hot reload needs an inline script they would forbid.
 */
export function attendeeServer(): Plugin {
  return {
    name: 'attendee-server',
    configureServer(server) {
      const log = (line: string) =>
        server.config.logger.info(`[attendee] ${line}`, { timestamp: true });
      const upstreamUrl = process.env.ATTENDEE_API_URL ?? DEFAULT_UPSTREAM;
      log(`proxying /api to ${upstreamUrl}; /demo/api is the built-in simulator`);
      const api = createAttendeeApi({
        upstreamUrl,
        log: (entry, source) =>
          log(`${source === 'demo' ? 'demo ' : ''}${describeProxyLogEntry(entry)}`),
      });
      server.middlewares.use(
        createAttendeeMiddleware({ upstream: api.upstream.handle, demo: api.demo.handle, log }),
      );
    },
  };
}
