export { isMeetingOver } from '../../src/common/bot-states.ts';

/** The bot event that moves a bot into `state`, named like Attendee's BotEventTypes. */
export function botEventTypeFor(state: string): string {
  switch (state) {
    case 'joining':
      return 'join_requested';
    case 'waiting_room':
      return 'bot_put_in_waiting_room';
    case 'joined_not_recording':
      return 'bot_joined_meeting';
    case 'joined_recording':
      return 'bot_recording_permission_granted';
    case 'joined_recording_paused':
      return 'recording_paused';
    case 'leaving':
      return 'leave_requested';
    case 'post_processing':
      return 'bot_left_meeting';
    case 'ended':
      return 'post_processing_completed';
    default:
      return state;
  }
}

export function recordingStateFor(state: string): string {
  switch (state) {
    case 'joined_recording':
    case 'leaving':
    case 'post_processing':
      return 'in_progress';
    case 'joined_recording_paused':
      return 'paused';
    case 'ended':
      return 'complete';
    case 'fatal_error':
      return 'failed';
    default:
      return 'not_started';
  }
}
