import { useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';
import { seriesBotsQueryOptions } from '../../attendee-api/get-bots';
import type { KeyConnection } from '../../lib/watch-session';
import type { SeriesAddress } from '../../lib/series-address';
import { defaultRange, meetingsInRange, type SeriesBot } from '../../domain/series/series-meetings';
import { SeriesPicker, type SeriesChoice } from './series-picker';
import { SeriesReport, type ListEditorProps } from './series-report';

export interface SeriesViewProps {
  connection: KeyConnection;
  /** A series the address asked for: opened at once once the key's bots are listed. */
  initial: SeriesAddress | null;
  /** A series chosen by meeting URL goes into the address (never the key); null clears it. */
  onAddress: (series: { meetingUrl: string; fromMs: number; toMs: number } | null) => void;
  onClose: () => void;
  renderListEditor: (props: ListEditorProps) => ReactNode;
}

/** "Attendance across meetings": pick a series, then its matrix. */
export function SeriesView(props: SeriesViewProps) {
  const { connection, initial, onAddress } = props;
  const queryClient = useQueryClient();
  const [nowMs] = useState(() => Date.now());
  const [choice, setChoice] = useState<SeriesChoice | null>(() =>
    initial === null
      ? null
      : {
          meetingUrl: initial.meetingUrl,
          botIds: null,
          range: {
            fromMs: initial.fromMs ?? defaultRange(nowMs).fromMs,
            toMs: initial.toMs ?? nowMs,
          },
        },
  );
  // To pick, every bot of the key, ended ones included: a series is mostly meetings that are
  // over. A series by URL asks for its own bots with the list's meeting_url filter (one request
  // or two, however many bots the key has), unless they were just listed to pick from.
  const listedUrl = choice?.meetingUrl ?? null;
  const list = useQuery({
    ...seriesBotsQueryOptions(connection, listedUrl),
    initialData: () =>
      listedUrl === null
        ? undefined
        : queryClient
            .getQueryData(seriesBotsQueryOptions(connection, null).queryKey)
            ?.filter((bot) => bot.meetingUrl === listedUrl),
  });
  const meetings = useMemo(
    () => (list.data && choice ? seriesOf(list.data, choice) : null),
    [list.data, choice],
  );
  const choose = (next: SeriesChoice | null) => {
    setChoice(next);
    onAddress(next?.meetingUrl ? { meetingUrl: next.meetingUrl, ...next.range } : null);
  };

  return (
    // Wider than the bots list it replaces: a column a meeting needs the room on a laptop.
    <div className="relative left-1/2 w-[min(76rem,calc(100vw-2rem))] -translate-x-1/2 space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={props.onClose}>Back to my bots</Button>
        {choice !== null && <Button onClick={() => choose(null)}>Choose another series</Button>}
      </div>
      {list.error ? (
        <div role="alert" className={alertClasses}>
          <p className="font-semibold">
            Cannot list the meetings: {explainError(list.error).title}
          </p>
          {explainError(list.error).detail && (
            <p className="mt-1 text-sm">{explainError(list.error).detail}</p>
          )}
        </div>
      ) : !list.data ? (
        <p role="status" className="text-sm">
          Looking for your meetings…
        </p>
      ) : meetings === null || choice === null ? (
        <>
          <h2 className="text-lg font-semibold">Attendance across meetings</h2>
          <SeriesPicker bots={list.data} initialRange={defaultRange(nowMs)} onChoose={choose} />
        </>
      ) : meetings.length === 0 ? (
        <p role="status" className="text-sm">
          No meeting of {choice.meetingUrl ?? 'these bots'} in these dates.
        </p>
      ) : (
        <SeriesReport
          key={meetings.map((bot) => bot.id).join(',')}
          connection={connection}
          bots={meetings}
          title={choice.meetingUrl ?? `${meetings.length} meetings ticked by hand`}
          renderListEditor={props.renderListEditor}
        />
      )}
    </div>
  );
}

function seriesOf(bots: readonly SeriesBot[], choice: SeriesChoice): SeriesBot[] {
  const ticked = new Set(choice.botIds ?? []);
  const chosen = bots.filter((bot) =>
    choice.meetingUrl !== null ? bot.meetingUrl === choice.meetingUrl : ticked.has(bot.id),
  );
  return meetingsInRange(chosen, choice.range);
}

const alertClasses =
  'rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100';
