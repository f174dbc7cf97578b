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
  metadata: Record<string, string> | null;
  /** The hidden creation time the bots list is ordered by. */
  createdAtMs: number;
  botEvents: BotEvent[];
  store: ParticipantEventStore;
}

export interface RouteContext {
  request: Request;
  nowMs: number;
  pageSize: number;
  /** The bot with its scripted events brought up to now. */
  findBot(botId: string): BotRecord | undefined;
  /** Every bot of the key, in creation order. */
  botsOf(apiKey: string): BotRecord[];
  isKnownKey(apiKey: string): boolean;
  /** Told how many rows a list page held, so a benchmark can charge for them. */
  onPageServed?: (rows: number) => void;
}

/** The resource under any mount prefix; `next` links always use the canonical path. */
const LIST_ROUTE = /^(?:\/.*?)?(\/api\/v1\/bots)$/;
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

function botDescription(bot: BotRecord) {
  return {
    id: bot.id,
    meeting_url: bot.meetingUrl,
    state: bot.state,
    events: bot.botEvents,
    transcription_state: null,
    recording_state: recordingStateFor(bot.state),
    join_at: null,
    metadata: bot.metadata,
    deduplication_key: null,
  };
}

/**
 * The key's bots, filtered as Attendee's BotFilter does. Our bots have no `join_at` and no
 * `deduplication_key`, so a filter on either matches none of them.
 */
function botsList(ctx: RouteContext, apiKey: string, url: URL, path: string): Response {
  const query = url.searchParams;
  for (const name of ['join_at_after', 'join_at_before']) {
    const text = query.get(name);
    if (text !== null && parseIsoDateTime(text) === null) {
      return jsonResponse(400, { [name]: ['Enter a valid date/time.'] }, ctx.nowMs);
    }
  }
  const states = new Set(query.getAll('states'));
  const meetingUrl = query.get('meeting_url');
  const unmatchable = ['deduplication_key', 'join_at_after', 'join_at_before'].some((name) =>
    query.has(name),
  );
  const rows = ctx
    .botsOf(apiKey)
    .filter(
      (bot) =>
        !unmatchable &&
        (states.size === 0 || states.has(bot.state)) &&
        (meetingUrl === null || bot.meetingUrl === meetingUrl),
    );
  const page = paginate(rows, (bot) => bot.createdAtMs, readCursor(query), ctx.pageSize);
  return jsonResponse(
    200,
    {
      next: pageLink(url, path, page.next),
      previous: pageLink(url, path, page.previous),
      results: page.rows.map(botDescription),
    },
    ctx.nowMs,
  );
}

/** Answers one request the way Attendee's API would. */
export function routeAttendeeRequest(ctx: RouteContext): Response {
  const url = new URL(ctx.request.url);
  const listMatch = LIST_ROUTE.exec(url.pathname);
  const match = ROUTE.exec(url.pathname);
  if (!match && !listMatch) return jsonResponse(404, { detail: 'Not found.' }, ctx.nowMs);
  const [, canonicalPath = '', botId = '', resource] = match ?? listMatch ?? [];

  const auth = readApiKey(ctx.request.headers.get('Authorization'));
  if ('failure' in auth) return authFailureResponse(auth.failure, ctx.nowMs);
  if (!ctx.isKnownKey(auth.key)) return authFailureResponse('unknownKey', ctx.nowMs);

  if (ctx.request.method !== 'GET') {
    return jsonResponse(405, { detail: `Method "${ctx.request.method}" not allowed.` }, ctx.nowMs, {
      Allow: 'GET',
    });
  }
  try {
    if (listMatch) return botsList(ctx, auth.key, url, canonicalPath);
    const bot = ctx.findBot(botId);
    if (bot === undefined || bot.apiKey !== auth.key) {
      return jsonResponse(404, { error: 'Bot not found' }, ctx.nowMs);
    }
    if (resource === 'participant_events') return participantEvents(ctx, bot, url, canonicalPath);
    if (resource === 'participants') return participants(ctx, bot, url, canonicalPath);
    return jsonResponse(200, botDescription(bot), ctx.nowMs);
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      return jsonResponse(404, { detail: 'Invalid cursor' }, ctx.nowMs);
    }
    throw error;
  }
}
