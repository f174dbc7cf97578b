/** A bot as the series view needs it: which meeting it attended, and when, by its own events. */
export interface SeriesBot {
  readonly id: string;
  readonly state: string;
  readonly meetingUrl: string | null;
  readonly name: string | null;
  /** When the bot got into the meeting (its events' `created_at`); null when it never did. */
  readonly startedAtMs: number | null;
  /** When the bot left or the meeting ended; null while it is in. */
  readonly endedAtMs: number | null;
}

export interface DateRange {
  readonly fromMs: number;
  /** Inclusive. */
  readonly toMs: number;
}

/** One meeting URL and the meetings its bots attended in the range: a series to pick. */
export interface MeetingUrlGroup {
  readonly meetingUrl: string;
  readonly meetings: number;
  /** The newest meeting's start: groups are listed most recent first. */
  readonly latestMs: number;
  /** The newest bot's name, to recognise the series by. */
  readonly name: string | null;
}

export const DEFAULT_RANGE_DAYS = 90;
const DAY_MS = 86_400_000;

/** The last 90 days up to the end of today, as the picker opens. */
export function defaultRange(nowMs: number): DateRange {
  return { fromMs: nowMs - DEFAULT_RANGE_DAYS * DAY_MS, toMs: nowMs };
}

/**
 * The meetings of `bots` that started within `range`, oldest first. A bot that never got in has
 * no meeting to count. Dated by its own events, never `join_at`: that is set only for a bot
 * scheduled ahead (docs/attendee-api.md, "Endpoints").
 */
export function meetingsInRange(bots: readonly SeriesBot[], range: DateRange): SeriesBot[] {
  return bots
    .filter(
      (bot) =>
        bot.startedAtMs !== null &&
        bot.startedAtMs >= range.fromMs &&
        bot.startedAtMs <= range.toMs,
    )
    .sort((a, b) => (a.startedAtMs ?? 0) - (b.startedAtMs ?? 0) || compare(a.id, b.id));
}

/** The key's bots grouped by meeting URL, the most recently met first. */
export function groupByMeetingUrl(bots: readonly SeriesBot[], range: DateRange): MeetingUrlGroup[] {
  const groups = new Map<string, SeriesBot[]>();
  for (const bot of meetingsInRange(bots, range)) {
    if (bot.meetingUrl === null) continue;
    const group = groups.get(bot.meetingUrl);
    if (group === undefined) groups.set(bot.meetingUrl, [bot]);
    else group.push(bot);
  }
  return [...groups]
    .map(([meetingUrl, meetings]) => {
      const latest = meetings[meetings.length - 1]!;
      return {
        meetingUrl,
        meetings: meetings.length,
        latestMs: latest.startedAtMs ?? 0,
        name: latest.name,
      };
    })
    .sort((a, b) => b.latestMs - a.latestMs || compare(a.meetingUrl, b.meetingUrl));
}

/** A bot whose events were deleted has nothing left to read. */
export function isDataDeleted(bot: SeriesBot): boolean {
  return bot.state === 'data_deleted';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
