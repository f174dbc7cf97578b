import type { Connect, Logger, Plugin } from 'vite';
import { createAttendeeMiddleware } from './attendee-middleware.ts';
import { createAttendeeProxy } from './proxy/attendee-proxy.ts';
import { addDemoBots } from './simulator/demo-bots.ts';
import { SimulatedAttendee } from './simulator/simulated-attendee.ts';

const DEFAULT_UPSTREAM = 'https://app.attendee.dev';
/**
 * The demo's simulator sits behind the same proxy as the real API. Its `next` links then name
 * this host, as the real ones name the upstream: the page must read the cursor, never follow them.
 */
const DEMO_UPSTREAM = 'http://demo-simulator.invalid';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function createMiddleware(logger: Logger): Connect.NextHandleFunction {
  const log = (line: string) => logger.info(`[attendee] ${line}`, { timestamp: true });
  const upstreamUrl = process.env.ATTENDEE_API_URL ?? DEFAULT_UPSTREAM;
  log(`proxying /api to ${upstreamUrl}; /demo/api is the built-in simulator`);
  const simulator = new SimulatedAttendee();
  addDemoBots(simulator);
  return createAttendeeMiddleware({
    upstream: createAttendeeProxy({ upstreamUrl, log }),
    demo: createAttendeeProxy({
      upstreamUrl: DEMO_UPSTREAM,
      fetchImpl: simulator.fetch,
      log: (line) => log(`demo ${line}`),
    }),
    log,
  });
}

const securityHeaders: Connect.NextHandleFunction = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
};

/** Serves the Attendee proxy and the demo simulator from Vite's dev and preview servers. */
export function attendeeServer(): Plugin {
  return {
    name: 'attendee-server',
    configureServer(server) {
      server.middlewares.use(createMiddleware(server.config.logger));
    },
    configurePreviewServer(server) {
      server.middlewares.use(securityHeaders);
      server.middlewares.use(createMiddleware(server.config.logger));
    },
  };
}
