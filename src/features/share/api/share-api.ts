import * as v from 'valibot';
import { ApiError } from '../../../attendee-api/api-error';
import type { Credential, WatchSession } from '../../../lib/watch-session';

export type ShareLifetime = '1h' | '8h' | '24h' | '7d';

const createdSchema = v.object({ token: v.string(), expiresAt: v.string() });
const openedSchema = v.object({
  source: v.picklist(['attendee', 'demo']),
  botIds: v.pipe(v.array(v.string()), v.minLength(1)),
  expiresAt: v.string(),
});

export interface SharedLink {
  credential: Extract<Credential, { kind: 'share' }>;
  source: WatchSession['source'];
  botIds: readonly string[];
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

function refusalOf(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const serverMessage =
    typeof record.detail === 'string'
      ? record.detail
      : typeof record.error === 'string'
        ? record.error
        : null;
  const options = { status, serverMessage };
  if (record.share === 'expired') return new ApiError('share-expired', 'Link expired', options);
  if (record.share === 'invalid') return new ApiError('share-invalid', 'Link not valid', options);
  if (status === 401) return new ApiError('unauthorized', 'API key rejected', options);
  if (status === 404) return new ApiError('bot-not-found', 'Bot not found', options);
  if (status === 429) return new ApiError('rate-limited', 'Too many links for now', options);
  if (status >= 500) return new ApiError('server', `Server error ${status}.`, options);
  return new ApiError('bad-request', `HTTP ${status}`, options);
}

function parseExpiry(text: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new ApiError('malformed', 'The link’s expiry is unreadable.');
  return ms;
}

/** `POST /share`: our server checks the key reads each bot, then seals them into a token. */
export async function createShareLink(
  apiKey: string,
  source: WatchSession['source'],
  botIds: readonly string[],
  lifetime: ShareLifetime,
): Promise<{ token: string; expiresAtMs: number }> {
  let response: Response;
  try {
    response = await fetch('/share', {
      method: 'POST',
      headers: { Authorization: `Token ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source, botIds, lifetime }),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError('network', 'The network request failed.');
  }
  const body = await readJson(response);
  if (!response.ok) throw refusalOf(response.status, body);
  const parsed = v.safeParse(createdSchema, body);
  if (!parsed.success) throw new ApiError('malformed', 'Unexpected answer to the share request.');
  return { token: parsed.output.token, expiresAtMs: parseExpiry(parsed.output.expiresAt) };
}

/** `GET /share`: what a link opens (its bots and expiry; the key stays on our server). */
export async function openShareLink(token: string, signal?: AbortSignal): Promise<SharedLink> {
  let response: Response;
  try {
    response = await fetch('/share', {
      headers: { Authorization: `Share ${token}`, Accept: 'application/json' },
      credentials: 'omit',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', 'The network request failed.');
  }
  const body = await readJson(response);
  if (!response.ok) throw refusalOf(response.status, body);
  const parsed = v.safeParse(openedSchema, body);
  if (!parsed.success) throw new ApiError('malformed', 'Unexpected description of the link.');
  return {
    credential: { kind: 'share', token, expiresAtMs: parseExpiry(parsed.output.expiresAt) },
    source: parsed.output.source,
    botIds: parsed.output.botIds,
  };
}
