import type { ListedBot } from '../../attendee-api/get-bots';
import { IN_MEETING_STATES, JOINING_STATES } from '../../common/bot-states';

/** What "Show my bots" asks for: both groups in one request (per page). */
export const LISTED_STATES: readonly string[] = [...IN_MEETING_STATES, ...JOINING_STATES];

export interface GroupedBots {
  inMeetings: ListedBot[];
  joining: ListedBot[];
}

const joiningStates = new Set(JOINING_STATES);

/** In a meeting now, and on the way in; in the list's order (creation) within each. */
export function groupBots(bots: readonly ListedBot[]): GroupedBots {
  const grouped: GroupedBots = { inMeetings: [], joining: [] };
  for (const bot of bots) {
    (joiningStates.has(bot.state) ? grouped.joining : grouped.inMeetings).push(bot);
  }
  return grouped;
}

/** Bots listed before and gone from the list now: they left their meeting (or gave up joining). */
export function botsThatLeft(before: readonly ListedBot[], now: readonly ListedBot[]): ListedBot[] {
  const still = new Set(now.map((bot) => bot.id));
  return before.filter((bot) => !still.has(bot.id));
}
