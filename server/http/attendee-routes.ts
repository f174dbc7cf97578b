import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AttendeeApi } from '../attendee-api.ts';
import { clientGoneSignal, toWebRequest } from '../node-http.ts';
import { originFormPath, routeAttendeeTarget } from '../proxy/allowed-paths.ts';
import { botReadBy } from '../push/live-access.ts';
import { REQUEST_ID_HEADER } from '../proxy/attendee-proxy.ts';
import type { AppMetrics } from './metrics.ts';
import { decideSharedRequest, shareTokenOf } from '../share/share-access.ts';
import type { ShareKeys } from '../share/share-token.ts';

export interface AttendeeRoutesOptions {
  api: AttendeeApi;
  /** Upstream requests a client address may cause per minute; answers shared with others are free. */
  rateLimitPerMinute: number;
  metrics: Pick<AppMetrics, 'rateLimitRefusal' | 'shareToken'>;
  /** Opens `Authorization: Share <token>` (server/share). */
  shareKeys: ShareKeys;
  now?: () => number;
  /**
   * Told of each bot read upstream with a 200, with the client's own Authorization (its key or
   * share token): what lets that credential open the bot's push stream (live-routes.ts).
   */
  onBotRead?: (authorization: string, botId: string) => void;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function sendJson(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json').send(body);
}

function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response(
    JSON.stringify({
      error: `Too many requests from this address; try again in ${retryAfterSeconds} s`,
    }),
    {
      status: 429,
      headers: {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'Retry-After': String(retryAfterSeconds),
      },
    },
  );
}

/**
 * `/api/...` to the upstream and `/demo/api/...` to the built-in simulator (attendee-api.ts),
 * under `npm start` and `npm run dev` alike. The rate limit counts only what would reach the
 * upstream: a hundred viewers of one meeting behind one office address share their answers, and
 * a client spraying keys or paths at Attendee is held back.
 */
export const attendeeRoutes: FastifyPluginAsync<AttendeeRoutesOptions> = async (app, options) => {
  await app.register(rateLimit, { global: false });
  const checkRateLimit = app.createRateLimit({
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
  });

  // We only ever forward bodiless GETs: a body is refused before a byte of it is read.
  app.addHook('onRequest', async (request, reply) => {
    if (hasBody(request)) {
      // Over HTTP/1.1 the unread body would be taken for the next request; an HTTP/2 stream
      // ends alone, and the header does not exist there.
      if (request.raw.httpVersionMajor === 1) reply.header('Connection', 'close');
      await sendJson(reply, 413, { error: 'Request bodies are not accepted' });
    }
  });

  const now = options.now ?? Date.now;

  async function forward(request: FastifyRequest, reply: FastifyReply) {
    const route = routeAttendeeTarget(request.raw.url ?? '/');
    if (route.kind === 'not-ours') return reply.callNotFound();
    // A shared view's token is opened here, before anything else sees the request: what it
    // may not ask for is refused without reaching the upstream, and what it may is asked with
    // the sealed key, so it shares answers with that key's own viewers.
    const shareToken = shareTokenOf(request.headers.authorization);
    let sharedAuthorization: string | null = null;
    if (shareToken !== null) {
      const decision = decideSharedRequest(shareToken, route, options.shareKeys, now());
      options.metrics.shareToken(decision.kind === 'refuse' ? decision.body.share : 'opened');
      if (decision.kind === 'refuse') {
        reply.headers(decision.headers);
        return sendJson(reply, decision.status, decision.body);
      }
      sharedAuthorization = decision.authorization;
    }
    if (route.kind === 'refused') return sendJson(reply, 404, { error: 'Not found' });
    let webRequest: Request;
    try {
      webRequest = toWebRequest(request.raw, route.apiTarget, clientGoneSignal(reply.raw));
      if (sharedAuthorization !== null)
        webRequest.headers.set('Authorization', sharedAuthorization);
    } catch {
      // Methods a Web Request cannot carry (TRACE, say) are not GET either.
      return sendJson(reply.header('Allow', 'GET'), 405, { error: 'Method not allowed' });
    }
    // Ours, not the client's: the upstream's log line names the request that caused it.
    webRequest.headers.set(REQUEST_ID_HEADER, request.id);
    const response = await options.api[route.api].handle(webRequest, async () => {
      const limit = await checkRateLimit(request);
      if (limit.isAllowed || !limit.isExceeded) return null;
      options.metrics.rateLimitRefusal(route.api);
      return tooManyRequests(limit.ttlInSeconds);
    });
    const authorization = request.headers.authorization;
    if (response.status === 200 && authorization !== undefined && options.onBotRead) {
      const botId = botReadBy(originFormPath(route.apiTarget) ?? '');
      if (botId !== null) options.onBotRead(authorization, botId);
    }
    reply.code(response.status);
    response.headers.forEach((value, name) => void reply.header(name, value));
    return reply.send(Buffer.from(await response.arrayBuffer()));
  }

  app.all('/api/*', forward);
  app.all('/demo/api/*', forward);
};
