import { howMeetingEnded, isMeetingOver, notInMeetingYet } from '../../common/bot-states';

/**
 * What an empty roster means depends on where the bot is: nobody yet, nobody any more, or
 * nothing left to show. `botState` null: not read (yet).
 */
export function rosterEmptyMessage(botState: string | null, eventsSeen: boolean): string {
  if (botState !== null && !eventsSeen && notInMeetingYet(botState)) {
    return 'The bot is not in the meeting yet. People appear here once it is.';
  }
  if (botState === null || !isMeetingOver(botState)) return 'Nobody is in the meeting right now.';
  if (eventsSeen) return 'Everyone had left when the bot left.';
  return howMeetingEnded(botState) === 'data deleted'
    ? 'The bot’s data has been deleted; there is no attendance left to show.'
    : 'The bot saw nobody in the meeting.';
}
