import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import fp from 'fastify-plugin';
import type { TrustProxy } from './create-app.ts';

/**
 * What we accept as an incoming id: what proxies and load balancers make (UUIDs, nginx's 32 hex
 * digits, `Root=1-…` trace ids), short and printable, so it cannot break a log line or a header.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTED_REQUEST_ID.test(value);
}

/** Whether the peer that sent a request is one of our proxies, by Fastify's own rule. */
function trustsPeer(trustProxy: TrustProxy): (address: string) => boolean {
  if (typeof trustProxy === 'boolean') return () => trustProxy;
  const trust = typeof trustProxy === 'function' ? trustProxy : proxyAddr.compile(trustProxy);
  return (address) => trust(address, 0);
}

/**
 * Fastify's `genReqId`: the incoming X-Request-Id when a trusted proxy sent the request (so the
 * proxy's log and ours share the id), a new UUID otherwise. A client reaching us directly could
 * otherwise pick ids that collide with others' or forge lines in a log search.
 */
/** What an HTTP/1 and an HTTP/2 request both have, and all the id needs. */
interface RawRequest {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string };
}

export function requestIdGenerator(trustProxy: TrustProxy): (request: RawRequest) => string {
  const trusted = trustsPeer(trustProxy);
  return (request) => {
    const incoming = request.headers['x-request-id'];
    const address = request.socket.remoteAddress;
    if (address !== undefined && trusted(address) && isAcceptableRequestId(incoming)) {
      return incoming;
    }
    return randomUUID();
  };
}

/** Every answer names its request, so a user's report can be matched to our log lines. */
export const requestId = fp(
  (app, _options, done) => {
    app.addHook('onRequest', (request, reply, next) => {
      reply.header('X-Request-Id', request.id);
      next();
    });
    done();
  },
  { name: 'request-id' },
);
