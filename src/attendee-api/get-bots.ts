import * as v from 'valibot';
import { queryOptions } from '@tanstack/react-query';
import type { KeyConnection } from '../lib/watch-session';
import { DEMO_PATH_PREFIX } from '../common/demo-meeting';
import { ApiError, isRefusal } from './api-error';
import { attendeeKeys } from './query-keys';
import { readCursor } from './read-cursor';
import { requestAttendee } from './request-attendee';

const listedBotSchema = v.object({
  id: v.string(),
  state: v.string(),
  meeting_url: v.nullish(v.string(), null),
  metadata: v.fallback(v.nullish(v.record(v.string(), v.unknown()), null), null),
  events: v.fallback(
    v.array(v.object({ type: v.string(), created_at: v.nullish(v.string(), null) })),
    [],
  ),
});

const botsPageSchema = v.object({
  next: v.nullish(v.string(), null),
  results: v.array(listedBotSchema),
});

export interface ListedBot {
  id: string;
  state: string;
  meetingUrl: string | null;
  /** What the bot's creator called it in `metadata`, when they did. */
  name: string | null;
  /** When the bot reached its current state, from its event log; null when unknown. */
  stateSinceMs: number | null;
  /** When it got into its meeting, by its own events (never `join_at`); null if it never did. */
  startedAtMs: number | null;
  /** When it left the meeting, or the meeting ended; null while it is in (or never was). */
  endedAtMs: number | null;
}

/** The key's bots filtered as the list endpoint allows (docs/attendee-api.md, "Endpoints"). */
export interface BotsFilter {
  /** Exact match. */
  meetingUrl?: string;
}

/** 25 a page: 1,000 bots in these states. Past that, say so rather than walk on. */
const MAX_PAGES = 40;
const NAME_FIELDS = ['name', 'title', 'meeting_name'];

/** Attendee's `metadata` is free-form; a name is whichever of the usual fields holds text. */
export function botNameFromMetadata(metadata: Record<string, unknown> | null): string | null {
  for (const field of NAME_FIELDS) {
    const value = metadata?.[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

// Attendee's event names, with or without the `bot_` its enum once carried.
const IN_MEETING_EVENT = /joined_meeting|recording_permission/;
const OUT_OF_MEETING_EVENT = /left_meeting|meeting_ended|post_processing_completed|fatal_error/;

function toListedBot(bot: v.InferOutput<typeof listedBotSchema>): ListedBot {
  const timeOf = (event: { created_at: string | null } | undefined) => {
    const ms = Date.parse(event?.created_at ?? '');
    return Number.isFinite(ms) ? ms : null;
  };
  const started = bot.events.findIndex((event) => IN_MEETING_EVENT.test(event.type));
  const ended =
    started < 0
      ? undefined
      : bot.events.slice(started).find((event) => OUT_OF_MEETING_EVENT.test(event.type));
  return {
    id: bot.id,
    state: bot.state,
    meetingUrl: bot.meeting_url,
    name: botNameFromMetadata(bot.metadata),
    stateSinceMs: timeOf(bot.events.at(-1)),
    startedAtMs: timeOf(bot.events[started]),
    endedAtMs: timeOf(ended),
  };
}

/**
 * The key's bots in `states`, every page, oldest first. Always filtered: a key can have
 * thousands of bots that have ended, and walking them all to find the few in a meeting is
 * what the `states` filter is for (docs/attendee-api.md, "Endpoints").
 */
export async function getBots(
  key: Pick<KeyConnection, 'credential' | 'source'>,
  states: readonly string[],
  signal?: AbortSignal,
  filter: BotsFilter = {},
): Promise<ListedBot[]> {
  const prefix = key.source === 'demo' ? DEMO_PATH_PREFIX : '';
  const bots: ListedBot[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams();
    for (const state of states) query.append('states', state);
    if (filter.meetingUrl !== undefined) query.set('meeting_url', filter.meetingUrl);
    if (cursor !== null) query.set('cursor', cursor);
    const response = await requestAttendee(
      key,
      `${prefix}/api/v1/bots?${query.toString()}`,
      signal,
    );
    const parsed = v.safeParse(botsPageSchema, response.body);
    if (!parsed.success) throw new ApiError('malformed', 'Unexpected list of bots.');
    bots.push(...parsed.output.results.map(toListedBot));
    cursor = readCursor(parsed.output.next);
    if (cursor === null) return bots;
  }
  throw new ApiError('malformed', `The list of bots runs past ${MAX_PAGES} pages.`);
}

export function botsListQueryOptions(
  key: KeyConnection,
  states: readonly string[],
  refreshMs: number,
) {
  return queryOptions({
    queryKey: attendeeKeys.botsList(key, states),
    queryFn: ({ signal }) => getBots(key, states, signal),
    // A refused key will not change by asking again; the page says so.
    refetchInterval: (query) => (isRefusal(query.state.error) ? false : refreshMs),
    refetchIntervalInBackground: true,
  });
}

/**
 * Every bot of the key in any state (the ended ones are what a series is made of), or those
 * sent to one meeting URL: what "Attendance across meetings" picks from. Asked once per opening.
 */
export function seriesBotsQueryOptions(key: KeyConnection, meetingUrl: string | null) {
  return queryOptions({
    queryKey: attendeeKeys.seriesBots(key, meetingUrl),
    queryFn: ({ signal }) => getBots(key, [], signal, meetingUrl === null ? {} : { meetingUrl }),
    staleTime: Infinity,
  });
}
