import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { isMeetingOver } from '../../src/common/bot-states.ts';
import type { AppMetrics, PushStreamCloseReason } from './metrics.ts';
import type { LiveAccess } from '../push/live-access.ts';
import type { PushBus } from '../push/push-bus.ts';
import type { PushMessage } from '../push/push-message.ts';
import { shareTokenOf } from '../share/share-access.ts';
import { openShareToken, type ShareKeys } from '../share/share-token.ts';

export interface LiveRoutesOptions {
  bus: PushBus;
  access: LiveAccess;
  shareKeys: ShareKeys;
  metrics: Pick<AppMetrics, 'pushStreamOpened' | 'pushStreamClosed' | 'pushStreamRefused'>;
  /** Streams one instance holds at most; then 503 with Retry-After. */
  maxStreams?: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  now?: () => number;
}

export const DEFAULT_MAX_STREAMS = 2_000;
export const DEFAULT_HEARTBEAT_MS = 15_000;
/**
 * A wall watches twelve bots, and the tabs of one browser share one stream for all their bots
 * (src/event-feed/live-push.ts): a few walls' worth.
 */
export const MAX_BOTS_PER_STREAM = 48;
/**
 * What a stream may hold unsent. A page that reads slower than its meetings speak is closed and
 * falls back to polling, rather than holding our memory for it.
 */
export const MAX_QUEUED_BYTES = 256 * 1024;
const RETRY_AFTER_SECONDS = 30;
const BOT_ID = /^bot_[A-Za-z0-9]{1,64}$/;

function refuse(reply: FastifyReply, status: number, error: string) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error });
}

function sseFrame(message: PushMessage): string {
  const [event, data] =
    message.kind === 'event'
      ? ['participant_event', { botId: message.botId, event: message.event }]
      : ['bot_state', { botId: message.botId, state: message.state, at: message.at }];
  // JSON.stringify writes no raw line break, so one `data:` line carries the whole message.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `GET /live?bots=bot_a,bot_b`: one Server-Sent Events stream per page for all the bots it
 * watches (a browser holds six connections per host over HTTP/1.1, shared by its tabs, and a
 * stream holds one for good). The credential is the page's usual `Authorization`, never a URL
 * parameter, so it lands in no log; it opens a bot only if it read that bot through us in the
 * last minute (live-access.ts).
 */
export const liveRoutes: FastifyPluginAsync<LiveRoutesOptions> = async (app, options) => {
  const maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const now = options.now ?? Date.now;
  const open = new Set<(reason: PushStreamCloseReason) => void>();

  // Before the server waits for its connections to finish: a stream would never finish.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close('shutdown');
  });

  app.get('/live', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const bots = [...new Set(typeof query.bots === 'string' ? query.bots.split(',') : [])];
    if (
      bots.length === 0 ||
      bots.length > MAX_BOTS_PER_STREAM ||
      !bots.every((bot) => BOT_ID.test(bot))
    ) {
      return refuse(
        reply,
        400,
        `bots must be 1 to ${MAX_BOTS_PER_STREAM} bot IDs, comma-separated`,
      );
    }
    const authorization = request.headers.authorization?.trim();
    if (authorization === undefined || authorization === '') {
      return refuse(reply, 401, 'Authorization is missing');
    }
    let expiresAtMs = Infinity;
    const shareToken = shareTokenOf(authorization);
    if (shareToken !== null) {
      const opened = openShareToken(shareToken, options.shareKeys, now());
      if (opened.kind !== 'valid') return refuse(reply, 401, `This shared link is ${opened.kind}`);
      if (!bots.every((bot) => opened.grant.botIds.includes(bot))) {
        return refuse(reply, 403, 'This shared link does not open that');
      }
      expiresAtMs = opened.grant.expiresAtMs;
    }
    if (!bots.every((bot) => options.access.mayWatch(authorization, bot))) {
      return refuse(reply, 403, 'Read each bot through this server first, then open its stream');
    }
    if (open.size >= maxStreams) {
      options.metrics.pushStreamRefused();
      void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return refuse(reply, 503, 'This server holds as many live streams as it can; poll instead');
    }

    const body = new PassThrough();
    const watching = new Map<string, () => void>();
    let closed = false;
    const close = (reason: PushStreamCloseReason) => {
      if (closed) return;
      closed = true;
      open.delete(close);
      clearInterval(heartbeat);
      clearTimeout(expiry);
      for (const unsubscribe of watching.values()) unsubscribe();
      options.metrics.pushStreamClosed(reason);
      if (reason === 'slow') body.destroy();
      else body.end();
    };
    const send = (frame: string) => {
      if (closed) return;
      body.write(frame);
      if (body.writableLength > MAX_QUEUED_BYTES) close('slow');
    };
    for (const bot of bots) {
      watching.set(
        bot,
        options.bus.subscribe(bot, (message) => {
          send(sseFrame(message));
          if (message.kind !== 'state' || !isMeetingOver(message.state)) return;
          watching.get(bot)?.();
          watching.delete(bot);
          if (watching.size === 0) close('ended');
        }),
      );
    }
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    // setTimeout holds at most about 24.8 days; a share link lives 7 at most.
    const expiry = setTimeout(() => close('ended'), Math.min(expiresAtMs - now(), 2 ** 31 - 1));
    open.add(close);
    options.metrics.pushStreamOpened();
    reply.raw.once('close', () => close('client'));
    // The first bytes tell the page the stream is open before any webhook comes.
    body.write(': open\n\n');
    return (
      reply
        .code(200)
        .header('Content-Type', 'text/event-stream; charset=utf-8')
        .header('Cache-Control', 'no-store')
        // nginx would otherwise hold the frames back in its buffer.
        .header('X-Accel-Buffering', 'no')
        .send(body)
    );
  });
};
