import type { QueryClient } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { botDescriptionQueryOptions, type Bot } from '../attendee-api/get-bot';
import { isMeetingOver } from '../common/bot-states';
import type { MeetingSpan } from './history-windows';

/**
 * The meeting's span from the bot's description, once the page's own request for it is answered.
 * Never asked for here: where the page does not ask (a wall tile takes states from the list), or
 * not yet, this is null at once. Null too at the request's first failure, or when the load is
 * given up: a failing bot endpoint never holds the history up; the loader plans from a first page.
 */
export function readMeetingSpan(
  queryClient: QueryClient,
  session: WatchSession,
  signal?: AbortSignal,
): Promise<MeetingSpan | null> {
  const options = botDescriptionQueryOptions(session);
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    const settle = (span: MeetingSpan | null) => {
      unsubscribe();
      signal?.removeEventListener('abort', giveUp);
      resolve(span);
    };
    const giveUp = () => settle(null);
    const check = () => {
      const state = queryClient.getQueryState(options.queryKey);
      if (state?.data) settle(meetingSpanOf(state.data));
      else if (state?.fetchStatus !== 'fetching' || state.fetchFailureCount > 0) settle(null);
      else return false;
      return true;
    };
    if (check()) return;
    unsubscribe = queryClient.getQueryCache().subscribe(check);
    signal?.addEventListener('abort', giveUp);
  });
}

/** From the bot's first state event to its leaving, or to the server's now while it is there. */
function meetingSpanOf(bot: Bot): MeetingSpan | null {
  if (bot.firstEventAtMs === null) return null;
  const leftAtMs = isMeetingOver(bot.state) ? bot.stateSinceMs : null;
  return {
    fromMs: bot.firstEventAtMs,
    toMs: leftAtMs ?? bot.serverDateMs ?? Date.now(),
    serverDateMs: bot.serverDateMs,
  };
}
