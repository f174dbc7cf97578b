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

/** In the meeting now: what "Show my bots" lists first (docs/attendee-api.md, "Bot states"). */
export const IN_MEETING_STATES: readonly string[] = [
  'joined_not_recording',
  'joined_recording',
  'joined_recording_paused',
  'joined_recording_permission_denied',
  'joining_breakout_room',
  'leaving_breakout_room',
  'connected',
  'disconnecting',
];

/** On the way in, or waiting to be let in: listed under "Joining". */
export const JOINING_STATES: readonly string[] = [
  'staged',
  'joining',
  'connecting',
  'waiting_room',
];

const STATE_WORDS: Readonly<Record<string, string>> = {
  ready: 'Not started',
  scheduled: 'Scheduled',
  staged: 'Getting ready to join',
  joining: 'Joining',
  connecting: 'Connecting',
  waiting_room: 'In the waiting room',
  joined_not_recording: 'In the meeting',
  joined_recording: 'In the meeting, recording',
  joined_recording_paused: 'In the meeting, recording paused',
  joined_recording_permission_denied: 'In the meeting, not allowed to record',
  joining_breakout_room: 'Moving to a breakout room',
  leaving_breakout_room: 'Leaving a breakout room',
  connected: 'In the meeting',
  disconnecting: 'Disconnecting',
  leaving: 'Leaving',
  post_processing: 'Left the meeting',
  ended: 'Left the meeting',
  fatal_error: 'Stopped with an error',
  data_deleted: 'Data deleted',
};

/** A bot state in words for people; a state added later is shown as it is named. */
export function botStateInWords(state: string): string {
  if (Object.hasOwn(STATE_WORDS, state)) return STATE_WORDS[state]!;
  const words = state.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
