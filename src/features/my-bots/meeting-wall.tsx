import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';
import { botsListQueryOptions, type ListedBot } from '../../attendee-api/get-bots';
import { useRefreshIntervals } from '../../lib/refresh-intervals';
import type { KeyConnection } from '../../lib/watch-session';
import { LISTED_STATES } from './group-bots';
import { staggerDelayMs } from './stagger';
import { WallTile } from './wall-tile';

/**
 * The wall learns every tile's state from one list request (per page of 25) this often, rather
 * than one description request per bot.
 */
export const WALL_LIST_REFRESH_MS = 10_000;

export interface MeetingWallProps {
  connection: KeyConnection;
  botIds: readonly string[];
  onOpen: (botId: string) => void;
  /** Absent in a shared, read-only view: its bots are all the link opens. */
  onLeave?: () => void;
  /** More controls for the header (the theme). */
  children?: ReactNode;
}

/** "Watch together": up to twelve meetings side by side, each a tile. */
export function MeetingWall({ connection, botIds, onOpen, onLeave, children }: MeetingWallProps) {
  // Each opening of the wall loads its tiles afresh: a new id for their feeds' cache entries.
  const [wallId] = useState(() => crypto.randomUUID());
  const pollIntervalMs = useRefreshIntervals().eventsPollMs;
  // A shared link may not list the key's bots (our server refuses it): each tile then asks for
  // its own bot's state, as a tile missing from the list does.
  const shared = connection.credential.kind === 'share';
  const list = useQuery({
    ...botsListQueryOptions(connection, LISTED_STATES, WALL_LIST_REFRESH_MS),
    enabled: !shared,
  });
  const listed = new Map(list.data?.map((bot) => [bot.id, bot]));
  const lastSeen = useLastSeen(list.data);
  const listProblem = list.error ?? list.failureReason;

  return (
    <div className="mx-auto max-w-7xl space-y-4 px-4 py-5 sm:px-6">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <div className="w-full min-w-0 sm:w-auto sm:flex-1">
          <h1 className="text-lg font-semibold tracking-tight">Attendee Live</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Watching {botIds.length} {botIds.length === 1 ? 'meeting' : 'meetings'} together
          </p>
        </div>
        {children}
        {onLeave && <Button onClick={onLeave}>Change bots or key</Button>}
      </header>
      {listProblem !== null && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100"
        >
          The bots’ states cannot be read: {explainError(listProblem).title}
          {list.error === null && '; retrying.'}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {botIds.map((botId, index) => (
          <WallTile
            key={botId}
            session={{ ...connection, botId, id: `${wallId}:${botId}` }}
            listed={listed.get(botId) ?? lastSeen.get(botId) ?? null}
            missingFromList={shared || (list.data !== undefined && !listed.has(botId))}
            pollIntervalMs={pollIntervalMs}
            startDelayMs={staggerDelayMs(index, botIds.length, pollIntervalMs)}
            onOpen={() => onOpen(botId)}
          />
        ))}
      </div>
    </div>
  );
}

/** Each bot as last listed, so a tile keeps its meeting's name after the bot left it. */
function useLastSeen(bots: ListedBot[] | undefined): ReadonlyMap<string, ListedBot> {
  const [seen, setSeen] = useState<{ from?: ListedBot[]; bots: ReadonlyMap<string, ListedBot> }>({
    bots: new Map(),
  });
  // Adjusted while rendering, as React advises for state that follows a prop.
  if (bots !== undefined && bots !== seen.from) {
    const merged = new Map([...seen.bots, ...bots.map((bot) => [bot.id, bot] as const)]);
    setSeen({ from: bots, bots: merged });
  }
  return seen.bots;
}
