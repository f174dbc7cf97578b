/**
 * The built-in demo meeting: served by the simulated Attendee API inside our own server
 * (server/), under the /demo prefix, so a newcomer can watch a meeting without an account.
 */
export const DEMO_BOT_ID = 'bot_DemoMeetingLive1';
export const DEMO_API_KEY = 'demo';
/** Path prefix under which our server answers with the simulator instead of the upstream. */
export const DEMO_PATH_PREFIX = '/demo';
