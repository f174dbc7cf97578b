import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';
import { botsListQueryOptions, type ListedBot } from '../../attendee-api/get-bots';
import type { KeyConnection } from '../../lib/watch-session';
import { MAX_WALL_BOTS } from '../../lib/wall-address';
import { botStateInWords } from '../../common/bot-states';
import { botsThatLeft, groupBots, LISTED_STATES } from './group-bots';
import { LivePresence, LIST_POLL_INTERVAL_MS } from './live-presence';
import { meetingPlatform } from './meeting-platform';
import { panelClasses } from '../../components/ui/panel';

export interface BotsInMeetingsProps {
  connection: KeyConnection;
  onOpen: (botId: string) => void;
  onWatchTogether: (botIds: string[]) => void;
  /** "Attendance across meetings": the app opens the series view, a chunk of its own. */
  onSeries: () => void;
}

/** "Show my bots": the key's bots in a meeting now and on their way in, refreshed every 30 s. */
export function BotsInMeetings({
  connection,
  onOpen,
  onWatchTogether,
  onSeries,
}: BotsInMeetingsProps) {
  // Each showing of the list loads its rows afresh: a new id for their feeds' cache entries.
  const [listingId] = useState(() => crypto.randomUUID());
  const list = useQuery(botsListQueryOptions(connection, LISTED_STATES, LIST_POLL_INTERVAL_MS));
  const [ticked, setTicked] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const left = useBotsThatLeft(list.data);

  const toggle = (botId: string, on: boolean) => {
    if (!on) {
      setTicked((current) => current.filter((id) => id !== botId));
      setRefusal(null);
      return;
    }
    if (ticked.length >= MAX_WALL_BOTS) {
      setRefusal(`A wall shows ${MAX_WALL_BOTS} meetings at most: untick one to add ${botId}.`);
      return;
    }
    setTicked((current) => [...current, botId]);
  };

  const seriesButton = (
    <div className="flex justify-end">
      <Button onClick={onSeries}>Attendance across meetings</Button>
    </div>
  );
  if (list.error) {
    const { title, detail } = explainError(list.error);
    return (
      <div role="alert" className={alertClasses}>
        <p className="font-semibold">Cannot list the bots: {title}</p>
        {detail && <p className="mt-1 text-sm">{detail}</p>}
      </div>
    );
  }
  if (!list.data) {
    return (
      <p role="status" className="text-sm">
        {list.failureReason ? explainError(list.failureReason).title : 'Looking for your bots…'}
      </p>
    );
  }
  const grouped = groupBots(list.data);
  const row = (bot: ListedBot, live: boolean) => (
    <BotRow
      key={bot.id}
      bot={bot}
      ticked={ticked.includes(bot.id)}
      onTick={(on) => toggle(bot.id, on)}
      onOpen={() => onOpen(bot.id)}
    >
      {live && (
        <LivePresence session={{ ...connection, botId: bot.id, id: `${listingId}:${bot.id}` }} />
      )}
    </BotRow>
  );
  return (
    <div className="space-y-6">
      {seriesButton}
      <p role="status" className="text-sm text-slate-600 empty:hidden dark:text-slate-400">
        {left.length > 0 &&
          `${left.map((bot) => bot.name ?? bot.id).join(', ')} left ${left.length === 1 ? 'its meeting' : 'their meetings'}.`}
      </p>
      <BotGroup title="Bots in meetings now" empty="No bot of this key is in a meeting now.">
        {grouped.inMeetings.map((bot) => row(bot, true))}
      </BotGroup>
      <BotGroup title="Joining" empty="No bot is joining or waiting to be let in.">
        {grouped.joining.map((bot) => row(bot, false))}
      </BotGroup>
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50 py-3 dark:border-slate-700 dark:bg-slate-950">
        <Button
          variant="primary"
          disabled={ticked.length === 0}
          onClick={() => onWatchTogether(ticked)}
        >
          Watch together
        </Button>
        <p className="text-sm" aria-live="polite">
          {refusal ??
            (ticked.length === 0
              ? `Tick up to ${MAX_WALL_BOTS} bots to watch their meetings side by side.`
              : `${ticked.length} of ${MAX_WALL_BOTS} ticked.`)}
        </p>
      </div>
    </div>
  );
}

/** The bots that were listed at the previous refresh and are not any more. */
function useBotsThatLeft(current: ListedBot[] | undefined): ListedBot[] {
  const [seen, setSeen] = useState<{ from?: ListedBot[]; left: ListedBot[] }>({ left: [] });
  // Adjusted while rendering, as React advises for state that follows a prop.
  if (current !== undefined && current !== seen.from) {
    const gone = seen.from === undefined ? [] : botsThatLeft(seen.from, current);
    setSeen({ from: current, left: gone.length > 0 ? gone : seen.left });
  }
  return seen.left;
}

interface BotRowProps {
  bot: ListedBot;
  ticked: boolean;
  onTick: (on: boolean) => void;
  onOpen: () => void;
  children?: ReactNode;
}

function BotRow({ bot, ticked, onTick, onOpen, children }: BotRowProps) {
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <input
        type="checkbox"
        checked={ticked}
        onChange={(event) => onTick(event.target.checked)}
        aria-label={`Add ${bot.id} to the wall`}
        className="mt-1 size-4 shrink-0 accent-teal-700"
      />
      <div className="min-w-0 flex-1 space-y-0.5 text-sm">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <button
            type="button"
            onClick={onOpen}
            className="font-mono font-medium break-all text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 dark:text-teal-300 dark:hover:text-teal-100"
          >
            {bot.id}
          </button>
          {bot.name && (
            <span className="font-medium" dir="auto">
              {bot.name}
            </span>
          )}
        </div>
        <p className="text-slate-600 dark:text-slate-400">
          {meetingPlatform(bot.meetingUrl)} · {botStateInWords(bot.state)}
        </p>
        {children && <p>{children}</p>}
      </div>
    </li>
  );
}

const listClasses = `${panelClasses} mt-2 divide-y divide-slate-200 dark:divide-slate-700`;
const alertClasses =
  'rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100';

/** A titled list of bots, or what its emptiness means. */
function BotGroup({
  title,
  empty,
  children,
}: {
  title: string;
  empty: string;
  children: ReactNode[];
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children.length === 0 ? (
        <p className="mt-2 text-sm">{empty}</p>
      ) : (
        <ul aria-label={title} className={listClasses}>
          {children}
        </ul>
      )}
    </section>
  );
}
