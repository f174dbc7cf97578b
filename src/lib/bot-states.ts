/**
 * After these bot states no new participant events come: the meeting, as the bot saw it, is over
 * (../shared/attendee-api.md, "Bot states"). Shared by the page and the simulator.
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
