import Fastify, { type FastifyInstance } from 'fastify';
import type { AppMetrics } from './metrics.ts';

/**
 * `GET /metrics` in Prometheus's text format, on a port of its own (METRICS_PORT): the figures
 * say who uses the server and how, so they stay off the port viewers reach. Nothing else here.
 */
export function createMetricsServer(metrics: AppMetrics): FastifyInstance {
  // Scrapers keep their connection open between scrapes: closing must not wait for them.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('Cache-Control', 'no-store').type(metrics.registry.contentType).send(text);
  });
  return app;
}
