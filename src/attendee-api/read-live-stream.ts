import type { EventBatch } from '../common/participant-event';
import { parseEventRows } from './participant-event-schema';

/** What our server pushes for one bot (server/http/live-routes.ts). */
export type LivePush =
  | { botId: string; kind: 'events'; batch: EventBatch }
  | { botId: string; kind: 'state'; state: string };

/** How a stream ended: by the server (meetings over, shutdown, too slow), refused, or absent. */
export type LiveStreamEnd =
  | { kind: 'closed' }
  | { kind: 'refused'; retryAfterMs: number | null }
  | { kind: 'unavailable' };

function readPush(event: string, data: string): LivePush | null {
  const body = JSON.parse(data) as { botId?: unknown; event?: unknown; state?: unknown };
  if (typeof body.botId !== 'string') return null;
  if (event === 'participant_event') {
    return { botId: body.botId, kind: 'events', batch: parseEventRows([body.event]) };
  }
  if (event === 'bot_state' && typeof body.state === 'string') {
    return { botId: body.botId, kind: 'state', state: body.state };
  }
  return null;
}

/**
 * `GET /live` read with fetch, not EventSource: EventSource cannot send a header, and the
 * credential must go as the usual `Authorization`, never in a URL that logs and history keep.
 * Resolves when the stream ends; `onOpen` once it is open. Throws on a network failure.
 */
export async function readLiveStream(
  botIds: readonly string[],
  authorization: string,
  handlers: { onOpen: () => void; onPush: (push: LivePush) => void },
  signal: AbortSignal,
): Promise<LiveStreamEnd> {
  const response = await fetch(`/live?bots=${botIds.join(',')}`, {
    headers: { Authorization: authorization },
    cache: 'no-store',
    signal,
  });
  // A server without webhooks has no /live; a dev server answers its page instead.
  const isStream = response.headers.get('Content-Type')?.startsWith('text/event-stream');
  if (response.status === 404 || (response.ok && !isStream)) return { kind: 'unavailable' };
  if (!response.ok || response.body === null) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    return { kind: 'refused', retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : null };
  }
  handlers.onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { kind: 'closed' };
    const frames = (buffered + value).split('\n\n');
    buffered = frames.pop()!;
    for (const frame of frames) {
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      const push = event && data ? readPush(event, data) : null;
      if (push) handlers.onPush(push);
    }
  }
}
