import type { QueryClient } from '@tanstack/react-query';
import { botDescriptionQueryOptions } from '../../attendee-api/get-bot';
import type { WatchSession } from '../../lib/watch-session';

/**
 * Asks for the bot's description the moment Watch is pressed. The dashboard's own query for it
 * (the same key) takes over the request in flight, and the history loader plans its windows
 * from the answer (meeting-span.ts): asked for by the dashboard once it had rendered, the
 * request went out about 130 ms after the dashboard's code had arrived, and the history waited.
 */
export function askForMeeting(queryClient: QueryClient, session: WatchSession): void {
  void queryClient.prefetchQuery(botDescriptionQueryOptions(session));
}
