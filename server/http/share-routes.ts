import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import * as v from 'valibot';
import type { AttendeeApi } from '../attendee-api.ts';
import { shareTokenOf } from '../share/share-access.ts';
import {
  MAX_SHARED_BOTS,
  openShareToken,
  sealShareToken,
  type ShareKeys,
  type ShareSource,
} from '../share/share-token.ts';

export interface ShareRoutesOptions {
  api: AttendeeApi;
  shareKeys: ShareKeys;
  /** Links one client address may make in a minute. */
  perMinute?: number;
  now?: () => number;
}

/** The lifetimes a link may have; none longer than a week. */
export const SHARE_LIFETIMES_MS = {
  '1h': 60 * 60 * 1000,
  '8h': 8 * 60 * 60 * 1000,
  '24h': 24 * 60 * 60 * 1000,
  '7d': 7 * 24 * 60 * 60 * 1000,
} as const;

/** Making a link costs one upstream request per bot: a person makes a few, never dozens. */
export const SHARE_LINKS_PER_MINUTE = 20;
/** Twelve bot IDs and a lifetime fit many times over. */
const SHARE_BODY_LIMIT_BYTES = 2048;

const shareRequestSchema = v.strictObject({
  source: v.picklist(['attendee', 'demo']),
  botIds: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^bot_[A-Za-z0-9]+$/), v.maxLength(64))),
    v.minLength(1),
    v.maxLength(MAX_SHARED_BOTS),
    v.check((ids) => new Set(ids).size === ids.length, 'Each bot ID once'),
  ),
  lifetime: v.picklist(Object.keys(SHARE_LIFETIMES_MS) as (keyof typeof SHARE_LIFETIMES_MS)[]),
});

function sendJson(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json').send(body);
}

function keyOf(authorization: string | undefined): string | null {
  const match = /^Token\s+(\S+)$/.exec(authorization?.trim() ?? '');
  return match?.[1] ?? null;
}

type BotCheck = { ok: true } | { ok: false; status: number; body: unknown };

/**
 * `POST /share`: a key holder asks for a read-only link to some of their bots. Its own plugin,
 * so the proxy's refusal of request bodies does not apply here, and its own rate limit.
 */
export const shareRoutes: FastifyPluginAsync<ShareRoutesOptions> = async (app, options) => {
  await app.register(rateLimit, { global: false });
  const now = options.now ?? Date.now;

  /** Asked as the page asks, through the same proxy and shared answers: can this key read it? */
  async function checkBot(source: ShareSource, botId: string, authorization: string) {
    const handler = options.api[source === 'demo' ? 'demo' : 'upstream'];
    const response = await handler.handle(
      new Request(`http://share.invalid/api/v1/bots/${botId}`, {
        headers: { Authorization: authorization, Accept: 'application/json' },
      }),
    );
    if (response.status === 200) return { ok: true } satisfies BotCheck;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: `Attendee answered HTTP ${response.status}` };
    }
    return { ok: false, status: response.status, body } satisfies BotCheck;
  }

  /*
   * `GET /share` with `Authorization: Share <token>`: what a link opens (its source, bots and
   * expiry, never the key), so the page can lay out the shared view from the link alone.
   */
  app.get(
    '/share',
    {
      config: {
        rateLimit: { max: options.perMinute ?? SHARE_LINKS_PER_MINUTE, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const token = shareTokenOf(request.headers.authorization);
      const opened = token === null ? null : openShareToken(token, options.shareKeys, now());
      if (opened === null || opened.kind !== 'valid') {
        const share = opened?.kind === 'expired' ? 'expired' : 'invalid';
        return sendJson(reply.header('WWW-Authenticate', 'Share'), 401, {
          detail:
            share === 'expired'
              ? 'This shared link has expired'
              : 'This shared link is not valid: it was changed or cut short',
          share,
        });
      }
      const { source, botIds, expiresAtMs } = opened.grant;
      return sendJson(reply, 200, {
        source,
        botIds,
        expiresAt: new Date(expiresAtMs).toISOString(),
      });
    },
  );

  app.post(
    '/share',
    {
      bodyLimit: SHARE_BODY_LIMIT_BYTES,
      config: {
        rateLimit: { max: options.perMinute ?? SHARE_LINKS_PER_MINUTE, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const authorization = request.headers.authorization;
      const apiKey = keyOf(authorization);
      if (apiKey === null) {
        // A shared view's token cannot make another link (it would outlive its own expiry).
        return sendJson(reply.header('WWW-Authenticate', 'Token'), 401, {
          detail: 'An API key is needed to share: Authorization: Token <api_key>',
        });
      }
      const parsed = v.safeParse(shareRequestSchema, request.body);
      if (!parsed.success) {
        return sendJson(reply, 400, {
          error: `Expected {source, botIds (1 to ${MAX_SHARED_BOTS} bot IDs), lifetime (1h, 8h, 24h or 7d)}`,
        });
      }
      const { source, botIds, lifetime } = parsed.output;
      const checks = await Promise.all(
        botIds.map((botId) => checkBot(source, botId, `Token ${apiKey}`)),
      );
      const refused = checks.find((check) => !check.ok);
      if (refused !== undefined && !refused.ok) {
        // 401 and 404 in Attendee's own words, which the page already explains.
        const status = [401, 404, 429].includes(refused.status) ? refused.status : 502;
        return sendJson(reply, status, refused.body);
      }
      const expiresAtMs = now() + SHARE_LIFETIMES_MS[lifetime];
      const token = sealShareToken({ apiKey, source, botIds, expiresAtMs }, options.shareKeys);
      return sendJson(reply, 200, { token, expiresAt: new Date(expiresAtMs).toISOString() });
    },
  );
};
