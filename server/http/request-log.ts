import fp from 'fastify-plugin';
import type { ServerLog } from './server-log.ts';

const MAX_LOGGED_PATH_LENGTH = 200;

function pathWithoutQuery(url: string): string {
  const queryStart = url.indexOf('?');
  return (queryStart === -1 ? url : url.slice(0, queryStart)).slice(0, MAX_LOGGED_PATH_LENGTH);
}

/**
 * One line per request once it is answered: method, path (no query), status, milliseconds and
 * the request's id, which the upstream's line for it carries too.
 */
export const requestLog = fp<{ log: ServerLog }>(
  (app, { log }, done) => {
    app.addHook('onResponse', (request, reply, next) => {
      log.request({
        method: request.method,
        path: pathWithoutQuery(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        reqId: request.id,
      });
      next();
    });
    app.addHook('onError', (request, _reply, error, next) => {
      // The message only: an error's details could quote the request it came from.
      log.error(`${request.method} ${pathWithoutQuery(request.url)}: ${error.message}`, request.id);
      next();
    });
    done();
  },
  { name: 'request-log' },
);
