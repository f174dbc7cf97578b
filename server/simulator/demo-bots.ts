import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';
import type { SimulatedAttendee } from './simulated-attendee.ts';
import { addDemoSeries } from './demo-series.ts';

/** Demo meetings end and start again, so the demo holds one meeting's events however long it runs. */
const SESSION_MINUTES = { min: 60, max: 90 };

/**
 * The demo key's bots: the demo meeting and a few more on other platforms, one waiting to be let
 * in, one that has ended and a weekly series of six that have, so "Show my bots" and the wall have something to show. Both ways of
 * starting the server (and `npm run simulator`) call this.
 */
export function addDemoBots(simulator: SimulatedAttendee): void {
  simulator.addBot({
    id: DEMO_BOT_ID,
    apiKey: DEMO_API_KEY,
    meeting: { sessionMinutes: SESSION_MINUTES },
    metadata: { name: 'Product review' },
  });
  simulator.addBot({
    id: 'bot_DemoSalesCall001',
    apiKey: DEMO_API_KEY,
    meeting: { participants: 6, historyMinutes: 25, sessionMinutes: SESSION_MINUTES },
    metadata: { name: 'Sales call: Northwind' },
    meetingUrl: 'https://us02web.zoom.us/j/81234567890?pwd=demo',
  });
  simulator.addBot({
    id: 'bot_DemoStandup0001',
    apiKey: DEMO_API_KEY,
    meeting: { participants: 12, historyMinutes: 10, sessionMinutes: SESSION_MINUTES },
    metadata: { name: 'Platform stand-up' },
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo%40thread.v2/0',
  });
  simulator.addBot({
    id: 'bot_DemoLecture0001',
    apiKey: DEMO_API_KEY,
    meeting: { participants: 45, historyMinutes: 55, sessionMinutes: SESSION_MINUTES },
  });
  simulator.addBot({
    id: 'bot_DemoBoardRoom001',
    apiKey: DEMO_API_KEY,
    state: 'waiting_room',
    metadata: { name: 'Board review' },
    meetingUrl: 'https://zoom.us/j/98765432100',
  });
  simulator.addBot({
    id: 'bot_DemoAllHands0001',
    apiKey: DEMO_API_KEY,
    meeting: { participants: 30, historyMinutes: 60, live: false },
    metadata: { name: 'Morning all-hands' },
  });
  simulator.setState('bot_DemoAllHands0001', 'post_processing');
  simulator.setState('bot_DemoAllHands0001', 'ended');
  // "Attendance across meetings" has a weekly seminar to show: six meetings, all over.
  addDemoSeries(simulator);
}
