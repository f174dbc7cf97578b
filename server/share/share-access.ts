import { originFormPath, type AttendeeTarget } from '../proxy/allowed-paths.ts';
import { openShareToken, type ShareKeys } from './share-token.ts';

/** `Authorization: Share <token>`: what a shared, read-only view sends instead of a key. */
export function shareTokenOf(authorization: string | undefined): string | null {
  const match = /^Share\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1] ?? null;
}

/** The only resources a share token opens: one of its bots, its events and its participants. */
const SHARED_BOT_PATH =
  /^\/api\/v1\/bots\/(bot_[A-Za-z0-9]+)(?:\/participant_events|\/participants)?$/;

export interface ShareRefusal {
  kind: 'refuse';
  status: 401 | 403;
  headers: Record<string, string>;
  /** `share` says why in a word the page can act on: expired, invalid or out-of-scope. */
  body: { detail: string; share: 'expired' | 'invalid' | 'out-of-scope' };
}

export type ShareDecision = { kind: 'forward'; authorization: string } | ShareRefusal;

const NOT_IN_LINK: ShareRefusal = {
  kind: 'refuse',
  status: 403,
  headers: {},
  body: { detail: 'This shared link does not open that', share: 'out-of-scope' },
};

/**
 * Whether a request carrying a share token may go upstream, and with which Authorization.
 * Decided before shared answers are looked up, so a shared viewer's request is, from there on,
 * the key holder's own request: they share answers, and nothing past this point sees the token.
 */
export function decideSharedRequest(
  token: string,
  target: AttendeeTarget,
  keys: ShareKeys,
  nowMs: number,
): ShareDecision {
  const opened = openShareToken(token, keys, nowMs);
  if (opened.kind === 'invalid') {
    return {
      kind: 'refuse',
      status: 401,
      headers: { 'WWW-Authenticate': 'Share' },
      body: {
        detail: 'This shared link is not valid: it was changed or cut short',
        share: 'invalid',
      },
    };
  }
  if (opened.kind === 'expired') {
    return {
      kind: 'refuse',
      status: 401,
      headers: { 'WWW-Authenticate': 'Share' },
      body: { detail: 'This shared link has expired', share: 'expired' },
    };
  }
  // A refused path (`..`, `%2F`, an absolute-form target naming another host) never reaches here
  // as a forward: the router matched the raw target first.
  if (target.kind !== 'forward') return NOT_IN_LINK;
  const { grant } = opened;
  if ((target.api === 'demo') !== (grant.source === 'demo')) return NOT_IN_LINK;
  const path = originFormPath(target.apiTarget);
  const botId = path === null ? undefined : SHARED_BOT_PATH.exec(path)?.[1];
  if (botId === undefined || !grant.botIds.includes(botId)) return NOT_IN_LINK;
  return { kind: 'forward', authorization: `Token ${grant.apiKey}` };
}
