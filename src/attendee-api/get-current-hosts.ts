import * as v from 'valibot';
import { queryOptions } from '@tanstack/react-query';
import type { WatchSession } from '../lib/watch-session';
import { ApiError, isRefusal } from './api-error';
import { botPath, requestAttendee } from './request-attendee';
import { readCursor } from './read-cursor';
import { attendeeKeys } from './query-keys';
import { msUntilSharedTick, pollStateOf } from '../lib/shared-schedule';

const participantsPageSchema = v.object({
  next: v.nullish(v.string(), null),
  results: v.array(v.object({ uuid: v.string(), is_host: v.nullish(v.boolean(), false) })),
});

/** 25 a page: a thousand hosts. More means the server ignored `is_host`; stop rather than walk on. */
const MAX_PAGES = 40;

/**
 * Who is host now: the participant uuids that `/participants?is_host=true` lists, sorted. Host
 * changes are not events (docs/attendee-api.md, "Fields"), so this is the only way to see
 * one before that participant's next event. Rows are checked again, in case a server ignores the
 * filter.
 */
export async function getCurrentHosts(
  session: Pick<WatchSession, 'botId' | 'source' | 'credential'>,
  signal?: AbortSignal,
): Promise<string[]> {
  const hosts = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ is_host: 'true' });
    if (cursor !== null) query.set('cursor', cursor);
    const path = `${botPath(session, '/participants')}?${query.toString()}`;
    const response = await requestAttendee(session, path, signal);
    const parsed = v.safeParse(participantsPageSchema, response.body);
    if (!parsed.success) throw new ApiError('malformed', 'Unexpected participants list.');
    for (const row of parsed.output.results) if (row.is_host) hosts.add(row.uuid);
    cursor = readCursor(parsed.output.next);
    if (cursor === null) return [...hosts].sort();
  }
  throw new ApiError('malformed', `The hosts list runs past ${MAX_PAGES} pages.`);
}

export function currentHostsQueryOptions(
  session: WatchSession,
  meetingOver: boolean,
  refreshMs: number,
) {
  return queryOptions({
    queryKey: attendeeKeys.hosts(session),
    queryFn: ({ signal }) => getCurrentHosts(session, signal),
    refetchInterval: (query) => {
      if (meetingOver || isRefusal(query.state.error)) return false;
      // On the bot's shared ticks: its viewers ask together and share one answer.
      return msUntilSharedTick(refreshMs, session.botId, pollStateOf(query.state));
    },
    refetchIntervalInBackground: true,
  });
}
