import { memo, type ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import type { WatchSession } from '../../lib/watch-session';
import { ShareLinkButton } from '../../features/share/share-link-button';
import { notInMeetingYet } from '../../common/bot-states';
import { FeedStatus, type FeedStatusProps } from './feed-status';

export interface DashboardHeaderProps {
  session: WatchSession;
  bot: FeedStatusProps['bot'];
  eventsSeen: boolean;
  meetingOver: boolean;
  /** Why the bot's description could not be read (it is retried), or null. */
  botStateProblem: string | null;
  /** Absent in a shared, read-only view of one meeting: there is nowhere else to go. */
  onSwitch?: () => void;
  /** What the way out is called: back to the wall, or to the connect screen. */
  switchLabel: string;
  /** The tools' buttons, beside the way out. */
  toolbar: ReactNode;
}

/**
 * Which meeting, its state and whether the page is current, on one or two lines, with the tools
 * beside them: the meeting itself starts right below. Memoised: a poll changes nothing here but
 * the status line, which follows the feed by itself.
 */
export const DashboardHeader = memo(function DashboardHeader(props: DashboardHeaderProps) {
  const { session, bot, meetingOver, botStateProblem } = props;
  const botState = bot?.state ?? null;
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
      <div className="min-w-0 flex-1 basis-80 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="text-xs font-semibold tracking-wide text-teal-800 uppercase dark:text-teal-300">
            Attendee Live
          </p>
          <h1 className="font-mono text-base font-semibold break-all">{session.botId}</h1>
          {session.source === 'demo' && <Badge>Demo meeting</Badge>}
          {botState && (
            <Badge tone={meetingOver || notInMeetingYet(botState) ? 'neutral' : 'live'}>
              <span className="sr-only">Bot state: </span>
              {botState.replaceAll('_', ' ')}
            </Badge>
          )}
        </div>
        <FeedStatus bot={bot} eventsSeen={props.eventsSeen} />
        {botStateProblem && (
          <p className="text-sm text-orange-800 dark:text-orange-300" dir="auto">
            {botState ? 'Bot state may be out of date' : 'Bot state unknown'}: {botStateProblem}.
            Retrying.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {props.toolbar}
        <ShareLinkButton
          credential={session.credential}
          source={session.source}
          botIds={[session.botId]}
        />
        {props.onSwitch && (
          <Button compact onClick={props.onSwitch}>
            {props.switchLabel}
          </Button>
        )}
      </div>
    </header>
  );
});
