import { useEffect, useId, useState } from 'react';
import { useStoreAt } from '../../lib/use-store-at';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';
import { botQueryOptions } from '../../attendee-api/get-bot';
import type { ListedBot } from '../../attendee-api/get-bots';
import { clockTime } from '../../lib/clock-time';
import { formatCount } from '../../lib/format-count';
import { useMeetingNow } from '../../lib/use-now';
import type { WatchSession } from '../../lib/watch-session';
import { botStateInWords, isMeetingOver, notInMeetingYet } from '../../common/bot-states';
import { meetingPlatform } from './meeting-platform';
import { sparklinePath, tileSummary } from './tile-summary';
import { useBotAttendance } from './use-bot-attendance';
import { useRefreshIntervals } from '../../lib/refresh-intervals';
import { panelClasses } from '../../components/ui/panel';

export interface WallTileProps {
  session: WatchSession;
  /** The bot as the wall's one list request last saw it; null before that list arrived. */
  listed: ListedBot | null;
  /** The list arrived without this bot: it left its meeting (or never was in one). */
  missingFromList: boolean;
  pollIntervalMs: number;
  /** How long to wait before loading, so the tiles' polls do not all fire at once. */
  startDelayMs: number;
  onOpen: () => void;
}

const SPARK_WIDTH = 240;
const SPARK_HEIGHT = 36;

/** One meeting on the wall: a region named by its bot ID. */
export function WallTile(props: WallTileProps) {
  const { session, listed, missingFromList, startDelayMs } = props;
  const titleId = useId();
  const intervals = useRefreshIntervals();
  const [started, setStarted] = useState(startDelayMs === 0);
  useEffect(() => {
    if (started) return;
    const timer = setTimeout(() => setStarted(true), startDelayMs);
    return () => clearTimeout(timer);
  }, [started, startDelayMs]);
  // States come from the list; only a bot missing from it is asked about on its own, to learn
  // how and when it left (the list in our states cannot say).
  const described = useQuery({
    ...botQueryOptions(session, intervals.botStateMs),
    enabled: missingFromList,
  });
  const state = missingFromList ? (described.data?.state ?? null) : (listed?.state ?? null);
  const meetingOver = state !== null && isMeetingOver(state);
  const endedAtMs = meetingOver ? (described.data?.stateSinceMs ?? null) : null;
  const title = listed?.name ?? listed?.meetingUrl ?? 'Meeting';

  return (
    <section
      aria-label={session.botId}
      className={`${panelClasses} flex min-w-0 flex-col gap-2 p-4`}
    >
      <header className="min-w-0">
        <h2 id={titleId} className="truncate font-semibold" dir="auto" title={title}>
          {title}
        </h2>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span className="font-mono break-all">{session.botId}</span>
          {listed && <span>{meetingPlatform(listed.meetingUrl)}</span>}
          {state && (
            <Badge tone={meetingOver || notInMeetingYet(state) ? 'neutral' : 'live'}>
              <span className="sr-only">State: </span>
              {botStateInWords(state)}
            </Badge>
          )}
        </p>
      </header>
      {described.error ? (
        <TileProblem error={described.error} />
      ) : started ? (
        <TileAttendance
          session={session}
          pollIntervalMs={props.pollIntervalMs}
          meetingOver={meetingOver}
          endedAtMs={endedAtMs}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Starting…</p>
      )}
      <Button className="mt-auto self-start" onClick={props.onOpen} aria-describedby={titleId}>
        Open dashboard
      </Button>
    </section>
  );
}

interface TileAttendanceProps {
  session: WatchSession;
  pollIntervalMs: number;
  meetingOver: boolean;
  endedAtMs: number | null;
}

function TileAttendance({ session, pollIntervalMs, meetingOver, endedAtMs }: TileAttendanceProps) {
  const { store, version, feed } = useBotAttendance(session, { pollIntervalMs, meetingOver });
  const now = useMeetingNow(15_000, endedAtMs);
  const summary = useStoreAt(version, () => tileSummary(store, now), [store, now]);
  if (feed.phase === 'stopped') return <TileProblem error={feed.error} />;
  if (feed.phase === 'history') {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the history…</p>;
  }
  const { lastChange } = summary;
  return (
    <>
      <dl className="grid grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)] items-end gap-2">
        <TileFigure
          label={meetingOver ? 'Present at the end' : 'Present now'}
          value={formatCount(summary.present)}
          headline
        />
        <TileFigure label="Peak" value={formatCount(summary.peak)} />
        <TileFigure label="Host present" value={summary.hostPresent ? 'Yes' : 'No'} />
      </dl>
      <p className="truncate text-sm" dir="auto">
        {lastChange
          ? `${lastChange.name} ${lastChange.kind} at ${clockTime(lastChange.atMs)}`
          : 'Nobody has joined yet'}
      </p>
      <svg
        role="img"
        aria-label={`Attendance over time, ${formatCount(summary.present)} now`}
        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        preserveAspectRatio="none"
        className="h-9 w-full text-teal-700 dark:text-teal-400"
      >
        <path
          d={sparklinePath(summary.points, SPARK_WIDTH, SPARK_HEIGHT)}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      {feed.retryingAfter !== null && (
        <p className="text-sm text-orange-800 dark:text-orange-300">Reconnecting…</p>
      )}
    </>
  );
}

function TileProblem({ error }: { error: unknown }) {
  const { title, detail } = explainError(error);
  return (
    <div role="alert" className="text-sm text-red-800 dark:text-red-200">
      <p className="font-semibold">{title}</p>
      {detail && <p dir="auto">{detail}</p>}
    </div>
  );
}

const termClasses =
  'text-xs leading-tight font-medium text-slate-600 uppercase dark:text-slate-400';

/** One figure of a tile, its value named by its label (as the dashboard's figures are). */
function TileFigure({
  label,
  value,
  headline = false,
}: {
  label: string;
  value: string;
  /** The figure a tile is for: the largest, and first. */
  headline?: boolean;
}) {
  const id = useId();
  return (
    <div>
      <dt id={id} className={termClasses}>
        {label}
      </dt>
      <dd
        aria-labelledby={id}
        className={`font-semibold tabular-nums ${headline ? 'text-4xl text-teal-800 dark:text-teal-300' : 'text-2xl'}`}
      >
        {value}
      </dd>
    </div>
  );
}
