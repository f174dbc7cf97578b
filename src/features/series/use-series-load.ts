import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyConnection } from '../../lib/watch-session';
import { explainError } from '../../attendee-api/explain-error';
import { historyConcurrencyFor, pageProtocol } from '../../event-feed/history-concurrency';
import { loadSeries } from '../../event-feed/series-history';
import type { SeriesMeetingState } from '../../domain/series/attendance-matrix';
import { meetingPeople } from '../../domain/series/meeting-people';
import { isDataDeleted, type SeriesBot } from '../../domain/series/series-meetings';

export interface SeriesLoad {
  /** One a meeting, in the order given: loading, loaded (with who came) or unreadable. */
  meetings: readonly SeriesMeetingState[];
  /** What stopped the whole load (a refused key); null otherwise. */
  error: unknown;
}

/**
 * Loads the meetings of a series (series-history.ts) and keeps, for each, only who came and for
 * how long: a meeting's events are let go once read. Mount it anew (a `key`) for another series.
 */
export function useSeriesLoad(connection: KeyConnection, bots: readonly SeriesBot[]): SeriesLoad {
  const queryClient = useQueryClient();
  // A bot whose data was deleted is known unreadable from the list: no request is made for it.
  const [meetings, setMeetings] = useState<SeriesMeetingState[]>(() =>
    bots.map((bot) =>
      isDataDeleted(bot)
        ? { status: 'unreadable', reason: 'Its data was deleted.' }
        : { status: 'loading' },
    ),
  );
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const toLoad = bots.flatMap((bot, index) => (isDataDeleted(bot) ? [] : [{ bot, index }]));
    loadSeries({
      queryClient,
      connection,
      meetings: toLoad.map(({ bot }) => ({
        botId: bot.id,
        startedAtMs: bot.startedAtMs,
        endedAtMs: bot.endedAtMs,
      })),
      loadId: crypto.randomUUID(),
      // Half as many again as one dashboard: over HTTP/1.1 the browser sends six and queues the
      // rest, and with several meetings' pages to read between answers, a deeper queue kept the
      // six connections busier (`npm run bench -- series`).
      requestsAtOnce: (historyConcurrencyFor(pageProtocol()) * 3) / 2,
      signal: controller.signal,
      onMeeting: (position, result) => {
        if (controller.signal.aborted) return;
        const { bot, index } = toLoad[position]!;
        const state: SeriesMeetingState =
          result.status === 'loaded'
            ? {
                status: 'loaded',
                attendance: meetingPeople(result.store.insights, bot.id, bot.endedAtMs),
              }
            : { status: 'unreadable', reason: explainError(result.error).title };
        setMeetings((current) => current.map((known, at) => (at === index ? state : known)));
      },
    }).catch((reason: unknown) => {
      if (!controller.signal.aborted) setError(reason);
    });
    return () => controller.abort();
  }, [queryClient, connection, bots]);

  return { meetings, error };
}
