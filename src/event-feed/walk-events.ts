import type { WatchSession } from '../lib/watch-session';
import {
  getParticipantEventsPage,
  type EventsPage,
} from '../attendee-api/get-participant-events-page';
import type { RequestOptions } from '../attendee-api/request-attendee';

export type PageSink = (page: EventsPage) => void;

export interface WalkResult {
  /** `Date` of the first response: the server's clock when the walk began. */
  firstServerDateMs: number | null;
  requests: number;
}

/**
 * Follows one cursor chain (with `after`) until `next` is null, handing each page to the sink as it
 * arrives. A failure part-way throws; the caller retries the whole chain from the same watermark
 * and the sink ignores what it already has, so nothing is lost or doubled.
 */
export async function walkEventsAfter(
  session: WatchSession,
  afterMs: number | null,
  onPage: PageSink,
  signal?: AbortSignal,
  { fresh = false }: RequestOptions = {},
): Promise<WalkResult> {
  let cursor: string | null = null;
  let firstServerDateMs: number | null = null;
  let requests = 0;
  do {
    const page: EventsPage = await getParticipantEventsPage(
      session,
      { afterMs, cursor, fresh },
      signal,
    );
    requests += 1;
    if (requests === 1) firstServerDateMs = page.serverDateMs;
    onPage(page);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { firstServerDateMs, requests };
}
