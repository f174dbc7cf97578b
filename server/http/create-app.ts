import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { AttendeeApi } from '../attendee-api.ts';
import { attendeeRoutes } from './attendee-routes.ts';
import { health } from './health.ts';
import { liveRoutes } from './live-routes.ts';
import { LiveAccess } from '../push/live-access.ts';
import type { PushBus } from '../push/push-bus.ts';
import { webhookRoutes } from './webhook-routes.ts';
import type { AppMetrics } from './metrics.ts';
import { requestId, requestIdGenerator } from './request-id.ts';
import { requestLog } from './request-log.ts';
import { requestMetrics } from './request-metrics.ts';
import { securityHeaders } from './security-headers.ts';
import { shareRoutes } from './share-routes.ts';
import type { ShareKeys } from '../share/share-token.ts';
import type { ServerLog } from './server-log.ts';
import type { TlsFiles } from './config.ts';
import { trackTlsConnections } from './tls-connections.ts';
import type { Http2SecureServer } from 'node:http2';

/** As Fastify takes it: all, none, these addresses and subnets, or a rule on address and hop. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export interface AppOptions {
  /**
   * What answers the paths no route takes: the built page (`builtPage(root)`, static-files.ts),
   * or, in development, Vite (server/dev/vite-page.ts).
   */
  page: FastifyPluginAsync;
  api: AttendeeApi;
  log: ServerLog;
  /** Whose X-Forwarded-For to believe for the client's address: see config.ts. */
  trustProxy: TrustProxy;
  rateLimitPerMinute: number;
  /** Counted here, served on METRICS_PORT by metrics-server.ts (never on this app's port). */
  metrics: AppMetrics;
  /** Seal and open share links (server/share). */
  shareKeys: ShareKeys;
  /** Links one client address may make a minute; SHARE_LINKS_PER_MINUTE unless a test says. */
  shareLinksPerMinute?: number;
  /** The clock share links expire by; for tests. */
  now?: () => number;
  /**
   * Attendee's webhooks pushed to the open pages (`POST /webhooks/attendee`, `GET /live`); both
   * routes are 404 without it or without a secret, and the pages poll as before.
   */
  push?: PushOptions;
  /** HTTPS with HTTP/2 (and HTTP/1.1 for clients without it); plain HTTP/1.1 when null. */
  tls?: TlsFiles | null;
}

export interface PushOptions {
  /** ATTENDEE_WEBHOOK_SECRET's secrets, base64-decoded. */
  webhookSecrets: readonly Buffer[];
  /** In memory, or Redis pub/sub shared by every instance (REDIS_URL). */
  bus: PushBus;
  maxStreams?: number;
  heartbeatMs?: number;
}

/**
 * Limits on clients. Headers must arrive within 10 s and the whole (bodiless) request within 30 s,
 * so a client that trickles bytes cannot hold a connection; an idle keep-alive connection stays
 * 65 s, longer than the 60 s of the usual reverse proxies and load balancers, so they close first;
 * a connection with nothing moving for 90 s (longer than the upstream's 20 s timeout) is cut.
 */
const CLIENT_LIMITS = {
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  connectionTimeout: 90_000,
  http: { headersTimeout: 10_000, maxHeaderSize: 16 * 1024 },
};

/**
 * Requests one browser may have open on its HTTP/2 connection to us; the browser queues the
 * rest, as it queues past six connections over HTTP/1.1. Every tab of a browser shares that
 * connection, so this bounds what one viewer asks of Attendee at once (a wall of twelve meetings
 * loading together included) to what one page's history windows use
 * (src/event-feed/history-concurrency.ts); a poll waits a round trip behind them.
 */
export const MAX_STREAMS_PER_CONNECTION = 24;

/**
 * Over TLS, HTTP/2's counterparts of CLIENT_LIMITS: the header limit as a setting, and a session
 * with no stream for 65 s is closed, as an idle keep-alive connection is. HTTP/1.1 clients of
 * the same port get Node's own header and request timeouts.
 */
const HTTP2_LIMITS = {
  http2SessionTimeout: CLIENT_LIMITS.keepAliveTimeout,
  settings: {
    maxHeaderListSize: CLIENT_LIMITS.http.maxHeaderSize,
    maxConcurrentStreams: MAX_STREAMS_PER_CONNECTION,
  },
};

function createFastify(options: AppOptions): FastifyInstance {
  const common = {
    logger: false,
    trustProxy: options.trustProxy,
    // Read by our own genReqId, which believes the header only from a trusted proxy.
    requestIdHeader: false as const,
    genReqId: requestIdGenerator(options.trustProxy),
    // On close: refuse new requests with 503, drop idle keep-alive connections, finish the rest.
    return503OnClosing: true,
  };
  if (options.tls == null) {
    return Fastify({ ...common, ...CLIENT_LIMITS, forceCloseConnections: 'idle' });
  }
  const app = Fastify({
    ...common,
    connectionTimeout: CLIENT_LIMITS.connectionTimeout,
    http2SessionTimeout: HTTP2_LIMITS.http2SessionTimeout,
    http2: true,
    https: {
      cert: options.tls.cert,
      key: options.tls.key,
      // Browsers speak HTTP/2 over TLS; curl, scripts and health checks may not.
      allowHTTP1: true,
      settings: HTTP2_LIMITS.settings,
    },
    // Fastify's own closing would destroy HTTP/1.1 connections with requests in flight:
    // tls-connections.ts closes gently instead.
    forceCloseConnections: false,
  });
  trackTlsConnections(app as unknown as FastifyInstance, app.server as Http2SecureServer);
  // The plugins are written against Node's HTTP/1 request and response; HTTP/2's compatibility
  // API gives them the same members they use (url, headers, 'close', writableFinished).
  return app as unknown as FastifyInstance;
}

/** The production server: one plugin per concern, each testable with `app.inject()`. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = createFastify(options);
  await app.register(requestId);
  await app.register(requestLog, { log: options.log });
  await app.register(requestMetrics, { metrics: options.metrics });
  await app.register(securityHeaders, { hsts: options.tls != null });
  await app.register(health);
  const push =
    options.push !== undefined && options.push.webhookSecrets.length > 0 ? options.push : null;
  const liveAccess = push === null ? null : new LiveAccess(options.now);
  await app.register(attendeeRoutes, {
    api: options.api,
    rateLimitPerMinute: options.rateLimitPerMinute,
    metrics: options.metrics,
    shareKeys: options.shareKeys,
    now: options.now,
    onBotRead:
      liveAccess === null
        ? undefined
        : (authorization, botId) => liveAccess.recordRead(authorization, botId),
  });
  if (push !== null && liveAccess !== null) {
    await app.register(webhookRoutes, {
      secrets: push.webhookSecrets,
      bus: push.bus,
      metrics: options.metrics,
    });
    await app.register(liveRoutes, {
      bus: push.bus,
      access: liveAccess,
      shareKeys: options.shareKeys,
      metrics: options.metrics,
      maxStreams: push.maxStreams,
      heartbeatMs: push.heartbeatMs,
      now: options.now,
    });
  }
  await app.register(shareRoutes, {
    api: options.api,
    shareKeys: options.shareKeys,
    perMinute: options.shareLinksPerMinute,
    now: options.now,
  });
  await app.register(options.page);
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).header('Cache-Control', 'no-store').type('text/plain').send('Not found');
  });
  return app;
}
