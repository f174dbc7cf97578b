import type { Server as HttpServer } from 'node:http';
import type { Http2SecureServer, ServerHttp2Session } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance } from 'fastify';

/**
 * What closing an HTTPS server takes that an HTTP/1.1 one does by itself. An HTTP/2 session
 * outlives `server.close()` (Node closes them itself only from version 24), so each is sent
 * GOAWAY once the streams are ended: requests in flight finish, none starts. HTTP/1.1 clients
 * on the same port are handled by our `Connection: close` and Node's idle closing, as on plain
 * HTTP; at the cut-off every TLS socket left is destroyed.
 */
export function trackTlsConnections(app: FastifyInstance, server: Http2SecureServer) {
  const sessions = new Set<ServerHttp2Session>();
  const sockets = new Set<TLSSocket>();
  server.on('session', (session: ServerHttp2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // GOAWAY lets a session's open streams run to their end; the push streams' own preClose
  // (live-routes.ts) ends theirs, so no session waits for good.
  app.addHook('preClose', async () => {
    (server as Partial<Pick<HttpServer, 'closeIdleConnections'>>).closeIdleConnections?.();
    for (const session of sessions) session.close();
  });
  closeAllOf.set(app, () => {
    for (const session of sessions) session.destroy();
    for (const socket of sockets) socket.destroy();
  });
}

const closeAllOf = new WeakMap<FastifyInstance, () => void>();

/** Cuts every connection still open: the shutdown's last resort, over HTTP or HTTPS. */
export function closeAllConnections(app: FastifyInstance): void {
  const closeTls = closeAllOf.get(app);
  if (closeTls !== undefined) closeTls();
  else app.server.closeAllConnections();
}
