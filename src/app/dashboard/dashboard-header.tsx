import { memo, useId, type ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import type { WatchSession } from '../../lib/watch-session';
import { ThemeControl } from '../../features/theme/theme-control';
import { ShareLinkButton } from '../../features/share/share-link-button';
import { notInMeetingYet } from '../../common/bot-states';

export const POLL_INTERVAL_CHOICES_MS = [1000, 3000, 5000, 10_000, 30_000];

export interface DashboardHeaderProps {
  session: WatchSession;
  botState: string | null;
  meetingOver: boolean;
  /** Why the bot's description could not be read (it is retried), or null. */
  botStateProblem: string | null;
  pollIntervalMs: number;
  onPollIntervalChange: (ms: number) => void;
  /** Absent in a shared, read-only view of one meeting: there is nowhere else to go. */
  onSwitch?: () => void;
  /** What the way out is called: back to the wall, or to the connect screen. */
  switchLabel: string;
  /** More controls, next to the polling interval. */
  children?: ReactNode;
}

/** Memoised: a poll changes nothing here, and its select would be written again for nothing. */
export const DashboardHeader = memo(function DashboardHeader(props: DashboardHeaderProps) {
  const { session, botState, meetingOver, botStateProblem, pollIntervalMs } = props;
  const intervalId = useId();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-3">
      <div className="w-full min-w-0 sm:w-auto sm:flex-1">
        <h1 className="text-lg font-semibold tracking-tight">Attendee Live</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <span className="font-mono break-all">{session.botId}</span>
          {session.source === 'demo' && <Badge>Demo meeting</Badge>}
          {botState && (
            <Badge tone={meetingOver || notInMeetingYet(botState) ? 'neutral' : 'live'}>
              <span className="sr-only">Bot state: </span>
              {botState.replaceAll('_', ' ')}
            </Badge>
          )}
          {botStateProblem && (
            <span className="text-orange-800 dark:text-orange-300" dir="auto">
              {botState ? 'Bot state may be out of date' : 'Bot state unknown'}: {botStateProblem}.
              Retrying.
            </span>
          )}
        </p>
      </div>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={intervalId}>Check every</label>
        <select
          id={intervalId}
          value={pollIntervalMs}
          disabled={meetingOver}
          onChange={(event) => props.onPollIntervalChange(Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
        >
          {withChoice(POLL_INTERVAL_CHOICES_MS, pollIntervalMs).map((ms) => (
            <option key={ms} value={ms}>
              {ms / 1000} s
            </option>
          ))}
        </select>
      </div>
      {props.children}
      <ThemeControl />
      <ShareLinkButton
        credential={session.credential}
        source={session.source}
        botIds={[session.botId]}
      />
      {props.onSwitch && <Button onClick={props.onSwitch}>{props.switchLabel}</Button>}
    </header>
  );
});

/** The choices, plus the current interval when it is none of them (set by a test, say). */
function withChoice(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}
