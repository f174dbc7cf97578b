import type { WatchSession } from '../lib/watch-session';
import type { ParticipantEvent, RejectedEvent } from '../common/participant-event';
import { botPath, requestAttendee } from './request-attendee';
import { parseEventsPage } from './participant-event-schema';
import { readCursor } from './read-cursor';

export interface EventsPageRequest {
  cursor?: string | null;
  /** Strictly later server insert time (created_at), in ms. */
  afterMs?: number | null;
  /** Strictly earlier server insert time (created_at), in ms. */
  beforeMs?: number | null;
  /** See RequestOptions in request-attendee.ts. */
  fresh?: boolean;
}

export interface EventsPage {
  events: ParticipantEvent[];
  rejected: RejectedEvent[];
  /** Read out of the absolute `next` link; null on the last page. */
  nextCursor: string | null;
  serverDateMs: number | null;
}

export function participantEventsPath(
  session: Pick<WatchSession, 'botId' | 'source'>,
  request: EventsPageRequest,
): string {
  const params = new URLSearchParams();
  // With a cursor, the server keeps after/before inside it; sending both is harmless and
  // keeps the request self-describing in logs.
  if (request.afterMs != null) params.set('after', new Date(request.afterMs).toISOString());
  if (request.beforeMs != null) params.set('before', new Date(request.beforeMs).toISOString());
  if (request.cursor) params.set('cursor', request.cursor);
  const query = params.toString();
  return botPath(session, '/participant_events') + (query ? `?${query}` : '');
}

export async function getParticipantEventsPage(
  session: Pick<WatchSession, 'botId' | 'source' | 'credential'>,
  request: EventsPageRequest,
  signal?: AbortSignal,
): Promise<EventsPage> {
  const path = participantEventsPath(session, request);
  const response = await requestAttendee(session, path, signal, { fresh: request.fresh });
  const page = parseEventsPage(response.body);
  return {
    events: page.events,
    rejected: page.rejected,
    nextCursor: readCursor(page.next),
    serverDateMs: response.serverDateMs,
  };
}
