import { readLiveStream, type LivePush } from '../attendee-api/read-live-stream';

export interface LiveListener {
  onPush(push: LivePush): void;
  /** The stream for this bot opened (true) or dropped (false). */
  onOpen(open: boolean): void;
}

interface Connection {
  bots: Map<string, Set<LiveListener>>;
  controller: AbortController | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Waits between attempts after a failure, doubling to a minute. */
  backoffMs: number;
}

/** Our server has no push (no webhook secret, or `npm run dev`): for the page's lifetime. */
let unavailable = false;
const connections = new Map<string, Connection>();
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/**
 * One stream per credential for every bot the page watches, the wall's twelve included: a
 * browser holds six connections per host over HTTP/1.1, and each open stream keeps one. Watching
 * a bot more or less reconnects once, a moment later, for the whole set.
 */
export function watchLive(authorization: string, botId: string, listener: LiveListener) {
  if (unavailable) return () => undefined;
  let connection = connections.get(authorization);
  if (connection === undefined) {
    connection = { bots: new Map(), controller: null, timer: null, backoffMs: FIRST_RETRY_MS };
    connections.set(authorization, connection);
  }
  const listeners = connection.bots.get(botId) ?? new Set();
  connection.bots.set(botId, listeners.add(listener));
  if (listeners.size === 1) reconnectSoon(authorization, connection, 0);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    connection.bots.delete(botId);
    reconnectSoon(authorization, connection, 0);
  };
}

function reconnectSoon(authorization: string, connection: Connection, delayMs: number) {
  if (connection.timer !== null) clearTimeout(connection.timer);
  connection.timer = setTimeout(() => {
    connection.timer = null;
    void connect(authorization, connection);
  }, delayMs);
}

function tell(connection: Connection, open: boolean) {
  for (const listeners of connection.bots.values()) for (const l of listeners) l.onOpen(open);
}

async function connect(authorization: string, connection: Connection) {
  connection.controller?.abort();
  if (connection.bots.size === 0) {
    connections.delete(authorization);
    return;
  }
  const controller = new AbortController();
  connection.controller = controller;
  let end;
  try {
    end = await readLiveStream(
      [...connection.bots.keys()],
      authorization,
      {
        onOpen: () => {
          connection.backoffMs = FIRST_RETRY_MS;
          tell(connection, true);
        },
        onPush: (push) => {
          for (const listener of connection.bots.get(push.botId) ?? []) listener.onPush(push);
        },
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
