import { authFailureResponse, jsonResponse, readApiKey } from './api-responses.ts';
import { recordingStateFor } from './bot-states.ts';
import { decodeCursor, encodeCursor, InvalidCursorError, paginate } from './cursor-pagination.ts';
import type { Cursor } from './cursor-pagination.ts';
import { parseIsoDateTime } from './iso-datetime.ts';
import { toApiEvent } from './participant-event-store.ts';
import type { ParticipantEventStore, StoredParticipant } from './participant-event-store.ts';

export interface BotEvent {
  type: string;
  sub_type: null;
  created_at: string;
}

export interface BotRecord {
  id: string;
  apiKey: string;
  state: string;
  meetingUrl: string;
  botEvents: BotEvent[];
  store: ParticipantEventStore;
}

export interface RouteContext {
  request: Request;
  nowMs: number;
  pageSize: number;
  /** The bot with its scripted events brought up to now. */
  findBot(botId: string): BotRecord | undefined;
  isKnownKey(apiKey: string): boolean;
  /** Told how many rows a list page held, so a benchmark can charge for them. */
  onPageServed?: (rows: number) => void;
}

/** The resource under any mount prefix; `next` links always use the canonical path. */
const ROUTE = /^(?:\/.*?)?(\/api\/v1\/bots\/([^/]+)(?:\/(participant_events|participants))?)$/;

/** DRF's replace_query_param: every parameter of the request kept, cursor replaced, sorted. */
function pageLink(url: URL, canonicalPath: string, cursor: Cursor | null): string | null {
  if (cursor === null) return null;
  const params = new URLSearchParams(url.searchParams);
  params.set('cursor', encodeCursor(cursor));
  params.sort();
  return `${url.origin}${canonicalPath}?${params.toString()}`;
}

function readCursor(query: URLSearchParams): Cursor | null {
  const encoded = query.get('cursor');
  return encoded === null ? null : decodeCursor(encoded);
}

function participantEvents(ctx: RouteContext, bot: BotRecord, url: URL, path: string): Response {
  const bounds: Record<'after' | 'before', number | null> = { after: null, before: null };
  for (const name of ['after', 'before'] as const) {
    const text = url.searchParams.get(name);
    if (text === null) continue;
    bounds[name] = parseIsoDateTime(text);
    if (bounds[name] === null) {
      const error = `Invalid ${name} format. Use ISO 8601 format (e.g., 2024-01-18T12:34:56Z)`;
      return jsonResponse(400, { error }, ctx.nowMs);
    }
  }
  const { after, before } = bounds;
  const cursor = readCursor(url.searchParams);
  // Going forward, a page needs only the rows past the cursor's position: fetch just those
  // (offset + a page + one to know there is a next). `previous` links walk backwards over all.
  const rows =
    cursor?.reverse === true
      ? bot.store
          .visibleEvents(ctx.nowMs)
          .filter(
            (event) =>
              (after === null || event.createdAtMs > after) &&
              (before === null || event.createdAtMs < before),
          )
      : bot.store.visibleEventsBetween(
          ctx.nowMs,
          Math.max(after ?? -Infinity, cursor?.position ?? -Infinity),
          before,
          (cursor?.offset ?? 0) + ctx.pageSize + 1,
        );
  const page = paginate(rows, (event) => event.createdAtMs, cursor, ctx.pageSize);
  ctx.onPageServed?.(page.rows.length);
  return jsonResponse(
    200,
    {
      next: pageLink(url, path, page.next),
      previous: pageLink(url, path, page.previous),
      results: page.rows.map(toApiEvent),
    },
    ctx.nowMs,
  );
}

function readIsHost(value: string | null): boolean | null {
  const normalized = value?.toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  return null;
}

function participants(ctx: RouteContext, bot: BotRecord, url: URL, path: string): Response {
  const isHost = readIsHost(url.searchParams.get('is_host'));
  const rows = bot.store
    .visibleParticipants(ctx.nowMs)
    .filter((participant) => isHost === null || participant.isHost === isHost);
  const page = paginate(
    rows,
    (participant: StoredParticipant) => participant.createdAtMs,
    readCursor(url.searchParams),
    ctx.pageSize,
  );
  ctx.onPageServed?.(page.rows.length);
  return jsonResponse(
    200,
    {
      next: pageLink(url, path, page.next),
      previous: pageLink(url, path, page.previous),
      results: page.rows.map((participant) => ({
        id: participant.id,
        name: participant.name,
        uuid: participant.uuid,
        user_uuid: participant.userUuid,
        is_host: participant.isHost,
      })),
    },
    ctx.nowMs,
  );
}

function botResource(ctx: RouteContext, bot: BotRecord): Response {
  return jsonResponse(
    200,
    {
      id: bot.id,
      meeting_url: bot.meetingUrl,
      state: bot.state,
      events: bot.botEvents,
      transcription_state: null,
      recording_state: recordingStateFor(bot.state),
      join_at: null,
      metadata: null,
      deduplication_key: null,
    },
    ctx.nowMs,
  );
}

/** Answers one request the way Attendee's API would. */
export function routeAttendeeRequest(ctx: RouteContext): Response {
  const url = new URL(ctx.request.url);
  const match = ROUTE.exec(url.pathname);
  if (!match) return jsonResponse(404, { detail: 'Not found.' }, ctx.nowMs);
  const [, canonicalPath = '', botId = '', resource] = match;

  const auth = readApiKey(ctx.request.headers.get('Authorization'));
  if ('failure' in auth) return authFailureResponse(auth.failure, ctx.nowMs);
  if (!ctx.isKnownKey(auth.key)) return authFailureResponse('unknownKey', ctx.nowMs);

  if (ctx.request.method !== 'GET') {
    return jsonResponse(405, { detail: `Method "${ctx.request.method}" not allowed.` }, ctx.nowMs, {
      Allow: 'GET',
    });
  }
  const bot = ctx.findBot(botId);
  if (bot === undefined || bot.apiKey !== auth.key) {
    return jsonResponse(404, { error: 'Bot not found' }, ctx.nowMs);
  }
  try {
    if (resource === 'participant_events') return participantEvents(ctx, bot, url, canonicalPath);
    if (resource === 'participants') return participants(ctx, bot, url, canonicalPath);
    return botResource(ctx, bot);
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      return jsonResponse(404, { detail: 'Invalid cursor' }, ctx.nowMs);
    }
    throw error;
  }
}
