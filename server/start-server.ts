import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { createAttendeeApi } from './attendee-api.ts';
import type { ServerConfig } from './http/config.ts';
import { createApp } from './http/create-app.ts';
import { closeOnSignals } from './http/graceful-shutdown.ts';
import { createMetricsServer } from './http/metrics-server.ts';
import { createMetrics } from './http/metrics.ts';
import { logUpstreamRequests, type ServerLog } from './http/server-log.ts';
import { createMemoryPushBus } from './push/memory-push-bus.ts';
import { deriveShareKeys, randomShareSecret } from './share/share-token.ts';
import { sendWebhooks } from './simulator/webhook-sender.ts';
import { injectingFetch } from './http/injecting-fetch.ts';

export interface StartOptions {
  config: ServerConfig;
  log: ServerLog;
  /** The built page (`npm start`), or Vite serving the sources (`npm run dev`). */
  page: FastifyPluginAsync;
}

/**
 * The server `npm start` and `npm run dev` both run: the same app, limits, headers and demo, on
 * PORT, until a signal closes it. Only what serves the page differs.
 */
export async function startServer({ config, log, page }: StartOptions): Promise<FastifyInstance> {
  const metrics = createMetrics({ processMetrics: config.metricsPort !== null });
  if (config.shareSecrets === null) {
    log.info(
      'SHARE_SECRET is not set: a secret was made for this run, so share links made now stop working when the server restarts',
    );
  }
  const shareKeys = deriveShareKeys(config.shareSecrets ?? [randomShareSecret()]);

  // The demo's simulator signs its webhooks with a secret made for this run, beside Attendee's
  // own secrets (ATTENDEE_WEBHOOK_SECRET), so the demo meeting is pushed out of the box.
  const demoWebhookSecret = randomBytes(32);
  // Redis's client is loaded only when REDIS_URL asks for it: it is a third of the server's
  // start-up otherwise, for every server that never talks to Redis.
  const pushBus =
    config.redisUrl === null
      ? createMemoryPushBus()
      : await import('./push/redis-push-bus.ts').then(({ createRedisPushBus }) =>
          createRedisPushBus(config.redisUrl!, (error) => log.error(`Redis: ${error.message}`)),
        );
  if (config.webhookSecrets.length === 0) {
    log.info(
      'ATTENDEE_WEBHOOK_SECRET is not set: only the demo is pushed, Attendee’s bots are polled',
    );
  }
  const api = createAttendeeApi({
    upstreamUrl: config.upstreamUrl,
    log: logUpstreamRequests(log),
    metrics,
    sharedAnswerMs: config.sharedAnswerMs,
  });

  const app = await createApp({
    page,
    api,
    log,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    metrics,
    shareKeys,
    push: { webhookSecrets: [...config.webhookSecrets, demoWebhookSecret], bus: pushBus },
    tls: config.tls,
  });
  let stopDemoWebhooks = () => {};
  app.addHook('onClose', async () => {
    stopDemoWebhooks();
    await pushBus.close();
  });
  closeOnSignals(app, log, config.shutdownGraceMs);
  if (config.metricsPort !== null) {
    const metricsServer = createMetricsServer(metrics);
    // Closed with the public server, so a signal stops both and the process can exit.
    app.addHook('onClose', () => metricsServer.close());
    const metricsAddress = await metricsServer.listen({
      port: config.metricsPort,
      host: config.host,
    });
    log.info(`metrics on ${metricsAddress}/metrics`);
  }
  const address = await app.listen({ port: config.port, host: config.host });
  // A Node process loads and compiles its HTTP client on its first request (60 ms on a quiet
  // 2-core machine, several times that while a browser starts beside it). One request to
  // ourselves pays it now, rather than the first viewer's first requests (`npm run bench`). Over
  // TLS our certificate names the public host, not this address, so the request may be refused:
  // the client is loaded all the same.
  await fetch(new URL('/healthz', address))
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
  stopDemoWebhooks = sendWebhooks(api.demoSimulator, {
    url: new URL('/webhooks/attendee', address).href,
    secret: demoWebhookSecret,
    // Over TLS the demo's deliveries stay in the process: our certificate names the public host,
    // which this address is not.
    fetchImpl: config.tls === null ? undefined : injectingFetch(app),
  });
  log.info(`Attendee Live on ${address}`);
  log.info(`proxying /api to ${config.upstreamUrl}; /demo/api is the built-in simulator`);
  return app;
}
