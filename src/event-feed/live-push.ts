import { readLiveStream, type LivePush } from '../attendee-api/read-live-stream';
import { reactToTab, streamBots, type TabMessage, type TabShare } from './tab-share';

export interface LiveListener {
  onPush(push: LivePush): void;
  /** The stream for this bot opened (true) or dropped (false). */
  onOpen(open: boolean): void;
}

interface Connection {
  /** This tab's own bots and their listeners. */
  bots: Map<string, Set<LiveListener>>;
  controller: AbortController | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Waits between attempts after a failure, doubling to a minute. */
  backoffMs: number;
  share: TabShare;
  /** To the other tabs with the same credential; nowhere until the channel is open. */
  post(message: TabMessage): void;
}

/** Our server has no push (no webhook secret configured): for the page's lifetime. */
let unavailable = false;
const connections = new Map<string, Connection>();
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A new leader hears every follower's bots before it opens the stream for all of them. */
const GATHER_WANTS_MS = 100;
const TAB = Math.random().toString(36).slice(2);

/**
 * One stream per credential for every bot the page watches, the wall's twelve included, and one
 * for all the tabs of the browser with that credential: a browser holds six connections per host
 * over HTTP/1.1, shared by its tabs, and each open stream keeps one. Watching a bot more or less
 * reconnects once, a moment later, for the whole set.
 */
export function watchLive(authorization: string, botId: string, listener: LiveListener) {
  if (unavailable) return () => undefined;
  let connection = connections.get(authorization);
  if (connection === undefined) {
    const created: Connection = {
      bots: new Map(),
      controller: null,
      timer: null,
      backoffMs: FIRST_RETRY_MS,
      share: { leader: false, open: false, wants: new Map() },
      post: () => undefined,
    };
    connection = created;
    connections.set(authorization, created);
    // Without the other tabs, this one still has its stream.
    joinTabs(authorization, created).catch(() => lead(authorization, created));
  }
  const listeners = connection.bots.get(botId) ?? new Set();
  connection.bots.set(botId, listeners.add(listener));
  if (listeners.size === 1) botsChanged(authorization, connection);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    connection.bots.delete(botId);
    botsChanged(authorization, connection);
  };
}

function botsChanged(authorization: string, connection: Connection) {
  if (connection.share.leader) reconnectSoon(authorization, connection, 0);
  else connection.post({ kind: 'want', tab: TAB, bots: [...connection.bots.keys()] });
}

/**
 * The tab that holds a Web Lock named after the credential leads: it opens the stream and relays
 * it over a BroadcastChannel of the same name. A lock, not an election over the channel alone:
 * the browser hands it to the next waiting tab the moment the leader's tab closes or crashes,
 * with no heartbeat, timeout or tie to settle. Only tabs with the same credential share, and the
 * names carry its SHA-256, never the credential. Where the page has no locks, digest or channel
 * (an insecure origin), the tab keeps a stream of its own.
 */
async function joinTabs(authorization: string, connection: Connection) {
  if (!navigator.locks || !crypto.subtle || !self.BroadcastChannel) {
    return lead(authorization, connection);
  }
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(authorization)),
  );
  const name = `attendee-live-${btoa(String.fromCharCode(...digest))}`;
  const channel = new BroadcastChannel(name);
  connection.post = (message) => channel.postMessage(message);
  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
    const reaction = reactToTab(connection.share, data, connection.bots.keys());
    if (reaction?.kind === 'restream') reconnectSoon(authorization, connection, GATHER_WANTS_MS);
    if (reaction?.kind === 'post') connection.post(reaction.message);
    if (reaction?.kind === 'tell') tell(connection, reaction.open);
    if (reaction?.kind === 'deliver') deliver(connection, reaction.push);
    if (reaction?.kind === 'announce') {
      tell(connection, false);
      botsChanged(authorization, connection);
    }
  };
  addEventListener('pagehide', () => {
    if (!connection.share.leader) connection.post({ kind: 'want', tab: TAB, bots: [] });
  });
  botsChanged(authorization, connection);
  // Held for the tab's life: the promise never settles.
  void navigator.locks.request(name, () => {
    lead(authorization, connection);
    return new Promise(() => undefined);
  });
}

function lead(authorization: string, connection: Connection) {
  if (connection.share.leader) return;
  connection.share.leader = true;
  connection.post({ kind: 'lead' });
  // What was open was the last leader's stream.
  tell(connection, false);
  reconnectSoon(authorization, connection, GATHER_WANTS_MS);
}

function reconnectSoon(authorization: string, connection: Connection, delayMs: number) {
  if (connection.timer !== null) clearTimeout(connection.timer);
  connection.timer = setTimeout(() => {
    connection.timer = null;
    void connect(authorization, connection);
  }, delayMs);
}

function tell(connection: Connection, open: boolean) {
  if (connection.share.leader) {
    connection.share.open = open;
    connection.post({ kind: 'open', open });
  }
  for (const listeners of connection.bots.values()) for (const l of listeners) l.onOpen(open);
}

function deliver(connection: Connection, push: LivePush) {
  if (connection.share.leader) connection.post({ kind: 'push', push });
  for (const listener of connection.bots.get(push.botId) ?? []) listener.onPush(push);
}

async function connect(authorization: string, connection: Connection) {
  connection.controller?.abort();
  const bots = streamBots(connection.bots.keys(), connection.share.wants);
  if (bots.length === 0) return;
  const controller = new AbortController();
  connection.controller = controller;
  let end;
  try {
    end = await readLiveStream(
      bots,
      authorization,
      {
        onOpen: () => {
          connection.backoffMs = FIRST_RETRY_MS;
          tell(connection, true);
        },
        onPush: (push) => deliver(connection, push),
      },
      controller.signal,
    );
  } catch {
    end = null;
  }
  if (controller.signal.aborted) return;
  tell(connection, false);
  if (end?.kind === 'unavailable') {
    unavailable = true;
    return;
  }
  const waitMs =
    end?.kind === 'refused' ? (end.retryAfterMs ?? connection.backoffMs) : connection.backoffMs;
  connection.backoffMs = Math.min(connection.backoffMs * 2, MAX_RETRY_MS);
  reconnectSoon(authorization, connection, waitMs);
}
