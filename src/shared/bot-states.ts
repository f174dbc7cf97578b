/**
 * After these bot states no new participant events come: the meeting, as the bot saw it, is over
 * (docs/attendee-api.md, "Bot states"). Shared by the page and the simulator.
 */
const MEETING_OVER_STATES = new Set([
  'leaving',
  'post_processing',
  'ended',
  'fatal_error',
  'data_deleted',
]);

export function isMeetingOver(state: string): boolean {
  return MEETING_OVER_STATES.has(state);
}

/**
 * What the bot is doing while it is not in the meeting yet, for people who open the page before
 * the meeting starts: an empty roster then means "not yet", not "nobody came".
 */
const BEFORE_MEETING_PHRASES: Readonly<Record<string, string>> = {
  ready: 'it has not started joining',
  scheduled: 'it is scheduled to join later',
  staged: 'it is getting ready to join',
  joining: 'it is joining',
  connecting: 'it is connecting',
  waiting_room: 'it is in the waiting room until someone in the meeting admits it',
};

/** Why there is nobody to show yet, or null when the bot is (or was) in the meeting. */
export function notInMeetingYet(state: string): string | null {
  return Object.hasOwn(BEFORE_MEETING_PHRASES, state) ? BEFORE_MEETING_PHRASES[state]! : null;
}

/** How the meeting ended for the bot, for the status line. */
export function howMeetingEnded(state: string): 'left' | 'failed' | 'data deleted' {
  if (state === 'fatal_error') return 'failed';
  if (state === 'data_deleted') return 'data deleted';
  return 'left';
}
