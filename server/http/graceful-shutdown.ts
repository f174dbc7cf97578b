import type { FastifyInstance } from 'fastify';
import type { ServerLog } from './server-log.ts';
import { closeAllConnections } from './tls-connections.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * On SIGTERM or SIGINT: stop accepting connections, let the requests in flight finish (for
 * `graceMs` at most, then cut them), and exit 0. Each signal is caught once: a second Ctrl-C
 * ends the process at once.
 */
export function closeOnSignals(app: FastifyInstance, log: ServerLog, graceMs: number) {
  let closing = false;
  // A browser keeps its connection open after an answer, for the next request; one that was
  // answered while we close is told not to, or closing would wait for it until the cut-off.
  // (HTTP/2 has no such header: its sessions are sent GOAWAY, tls-connections.ts.)
  app.addHook('onSend', (request, reply, payload, next) => {
    if (closing && request.raw.httpVersionMajor === 1) reply.header('Connection', 'close');
    next(null, payload);
  });
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info(
      `${signal}: finishing the requests in flight (${graceMs / 1000} s at most), then exiting`,
    );
    const cutOff = setTimeout(() => {
      log.info('requests still in flight: closing their connections');
      closeAllConnections(app);
    }, graceMs);
    cutOff.unref();
    app.close().then(
      () => {
        clearTimeout(cutOff);
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
