import type { AttendanceState } from './attendance-state';
import { displayName } from './describe-event';
import type { ParticipantEvent } from '../common/participant-event';

export interface NewsPerson {
  uuid: string;
  name: string;
  isHost: boolean;
}

/** Who came and who went in one or more batches: presence as the roster shows it. */
export interface PresenceNews {
  joined: NewsPerson[];
  left: NewsPerson[];
}

export const NO_NEWS: PresenceNews = { joined: [], left: [] };

/**
 * Before a batch is applied: whether each participant it touches is present. O(batch), so the
 * news of a poll never costs the history.
 */
export function presenceBefore(
  state: AttendanceState,
  events: readonly ParticipantEvent[],
): Map<string, boolean> {
  const before = new Map<string, boolean>();
  for (const event of events) {
    const uuid = event.participant_uuid;
    if (!before.has(uuid)) before.set(uuid, state.participants.get(uuid)?.present ?? false);
  }
  return before;
}

/**
 * After the batch: whose presence changed. A join and a leave in the same batch cancel out, so a
 * flaky connection is not announced at all.
 */
export function presenceNews(
  state: AttendanceState,
  before: ReadonlyMap<string, boolean>,
): PresenceNews {
  const news: PresenceNews = { joined: [], left: [] };
  for (const [uuid, wasPresent] of before) {
    const record = state.participants.get(uuid);
    if (record === undefined || record.present === wasPresent) continue;
    const person = { uuid, name: displayName(record.name), isHost: record.isHost };
    (record.present ? news.joined : news.left).push(person);
  }
  return news;
}

/** Later news after earlier: someone who joined then left in between is dropped from both. */
export function mergeNews(earlier: PresenceNews, later: PresenceNews): PresenceNews {
  const cancelled = (person: NewsPerson, list: NewsPerson[]) =>
    list.some((other) => other.uuid === person.uuid);
  return {
    joined: [
      ...earlier.joined.filter((person) => !cancelled(person, later.left)),
      ...later.joined.filter((person) => !cancelled(person, earlier.left)),
    ],
    left: [
      ...earlier.left.filter((person) => !cancelled(person, later.joined)),
      ...later.left.filter((person) => !cancelled(person, earlier.joined)),
    ],
  };
}

export function hasNews(news: PresenceNews): boolean {
  return news.joined.length > 0 || news.left.length > 0;
}

const NAMES_SPOKEN = 5;

/**
 * One sentence for a screen reader: "3 joined: Ada, Bob, Cy; 1 left: Dee". Past a handful of
 * names it says how many more, so a crowd arriving is one short announcement, not a roll call.
 */
export function describeNews(news: PresenceNews): string {
  const parts: string[] = [];
  if (news.joined.length > 0) parts.push(`${news.joined.length} joined: ${namesOf(news.joined)}`);
  if (news.left.length > 0) parts.push(`${news.left.length} left: ${namesOf(news.left)}`);
  return parts.join('; ');
}

function namesOf(people: readonly NewsPerson[]): string {
  const spoken = people.slice(0, NAMES_SPOKEN).map((person) => person.name);
  const more = people.length - spoken.length;
  return more > 0 ? `${spoken.join(', ')} and ${more} more` : spoken.join(', ');
}

/** Hosts coming and going, for the opt-in browser notification. */
export function hostNews(news: PresenceNews): PresenceNews {
  return {
    joined: news.joined.filter((person) => person.isHost),
    left: news.left.filter((person) => person.isHost),
  };
}
