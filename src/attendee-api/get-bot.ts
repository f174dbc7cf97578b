import * as v from 'valibot';
import { queryOptions } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { ApiError, isRefusal } from './api-error';
import { isMeetingOver } from '../common/bot-states';
import { botPath, requestAttendee } from './request-attendee';
import { attendeeKeys } from './query-keys';
import { msUntilSharedTick, pollStateOf } from '../lib/shared-schedule';

const botSchema = v.object({
  id: v.string(),
  state: v.string(),
  events: v.fallback(
    v.array(v.object({ type: v.string(), created_at: v.nullish(v.string(), null) })),
    [],
  ),
});

export interface Bot {
  id: string;
  state: string;
  /** When the bot reached its current state, from its event log; null when unknown. */
  stateSinceMs: number | null;
  /**
   * When its event log begins (server clock, as the history's filters use): no participant event
   * of its meeting is older. Null when unknown.
   */
  firstEventAtMs: number | null;
  /** The server's clock when it answered (`Date`); null when it sent none. */
  serverDateMs: number | null;
}

export async function getBot(
  session: Pick<WatchSession, 'botId' | 'source' | 'credential'>,
  signal?: AbortSignal,
): Promise<Bot> {
  const response = await requestAttendee(session, botPath(session), signal);
  const { serverDateMs } = response;
  const parsed = v.safeParse(botSchema, response.body);
  if (!parsed.success) throw new ApiError('malformed', 'Unexpected bot description.');
  const readTime = (at: string | null | undefined) => {
    const ms = at ? Date.parse(at) : NaN;
    return Number.isFinite(ms) ? ms : null;
  };
  return {
    id: parsed.output.id,
    state: parsed.output.state,
    stateSinceMs: readTime(parsed.output.events.at(-1)?.created_at),
    firstEventAtMs: readTime(parsed.output.events[0]?.created_at),
    serverDateMs,
  };
}

/** How long an answer about the bot counts as new enough for a dashboard that mounts. */
const DESCRIPTION_FRESH_MS = 5_000;

/** The bot's description, asked once: what the history loader plans its windows from. */
export function botDescriptionQueryOptions(session: WatchSession) {
  // The key names the session, not the API key: keys are visible in devtools and caches.
  return queryOptions({
    queryKey: attendeeKeys.bot(session),
    queryFn: ({ signal }) => getBot(session, signal),
    // Asked for when Watch is pressed (ask-for-meeting.ts): the dashboard mounting a moment
    // later takes that answer rather than asking again. Its refresh is refetchInterval's.
    staleTime: DESCRIPTION_FRESH_MS,
  });
}

export function botQueryOptions(session: WatchSession, refreshMs: number) {
  return queryOptions({
    ...botDescriptionQueryOptions(session),
    refetchInterval: (query) => {
      if (query.state.data && isMeetingOver(query.state.data.state)) return false;
      // A refused key or an unknown bot will not change by asking again; the feed says so.
      if (isRefusal(query.state.error)) return false;
      // On the bot's shared ticks: its viewers ask together and share one answer.
      return msUntilSharedTick(refreshMs, session.botId, pollStateOf(query.state));
    },
    refetchIntervalInBackground: true,
  });
}
