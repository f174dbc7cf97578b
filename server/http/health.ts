import type { FastifyPluginCallback } from 'fastify';

/** For a load balancer or a container's health check: answers as long as the server does. */
export const health: FastifyPluginCallback = (app, _options, done) => {
  app.get('/healthz', (_request, reply) => {
    void reply
      .header('Cache-Control', 'no-store')
      .send({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  done();
};
