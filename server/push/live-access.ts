import { createHash } from 'node:crypto';

/** How long a successful read of a bot lets the same credential watch it live. */
export const READ_GRANTS_WATCH_MS = 60_000;
/** Credentials × bots remembered at once; past it the oldest are forgotten (the page polls). */
const MAX_REMEMBERED_READS = 50_000;

/**
 * Who may watch which bot live. The stream cannot ask Attendee whether a key may read a bot on
 * each pushed event, so it relies on the proxy having just done so: a credential (a key or a
 * share token, whole `Authorization` header) that read the bot upstream with a 200 in the last
 * minute. Credentials are kept as SHA-256 digests, never in clear.
 */
export class LiveAccess {
  // Insertion order is refresh order: a read moves its entry to the end.
  private readonly reads = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private static entry(authorization: string, botId: string): string {
    return `${createHash('sha256').update(authorization.trim()).digest('base64')} ${botId}`;
  }

  recordRead(authorization: string, botId: string) {
    const entry = LiveAccess.entry(authorization, botId);
    this.reads.delete(entry);
    this.reads.set(entry, this.now());
    const oldest = this.now() - READ_GRANTS_WATCH_MS;
    for (const [key, time] of this.reads) {
      if (time >= oldest && this.reads.size <= MAX_REMEMBERED_READS) break;
      this.reads.delete(key);
    }
  }

  mayWatch(authorization: string, botId: string): boolean {
    const time = this.reads.get(LiveAccess.entry(authorization, botId));
    return time !== undefined && this.now() - time <= READ_GRANTS_WATCH_MS;
  }
}

const BOT_READ_PATH =
  /^\/api\/v1\/bots\/(bot_[A-Za-z0-9]+)(?:\/participant_events|\/participants)?$/;

/** The bot a proxied path (`/api/v1/bots/{id}…`, without `/demo`) reads, if it reads one. */
export function botReadBy(apiPath: string): string | null {
  return BOT_READ_PATH.exec(apiPath)?.[1] ?? null;
}
