import fp from 'fastify-plugin';
import type { AppMetrics } from './metrics.ts';

/** Counts each answered request to the public port by what it was for and its status. */
export const requestMetrics = fp<{ metrics: AppMetrics }>(
  (app, { metrics }, done) => {
    app.addHook('onResponse', (request, reply, next) => {
      metrics.request(request.url, reply.statusCode, reply.elapsedTime / 1000);
      next();
    });
    done();
  },
  { name: 'request-metrics' },
);
