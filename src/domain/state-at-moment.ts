import type { AttendanceState, ParticipantState, ReceivedEvent } from './attendance-state';
import type { InsightsState } from './insights/insights-state';
import type { ChangePoint, Peak } from './insights/presence-changes';
import type { ParticipantTrack } from './insights/participant-track';
import type { SummaryFigures } from './insights/summary-figures';
import { compareForRoster } from './roster';
import { firstIndexAfter } from '../lib/sorted-search';

/** The meeting as it was at `atMs` (bot clock): the rewound roster and figures. */
export interface MeetingAtMoment {
  atMs: number;
  /** Participants present at `atMs`, in the roster's order (hosts first, then by join). */
  present: ParticipantState[];
  /** The figures as summaryFigures would have read them at `atMs` with only the events up to it. */
  figures: SummaryFigures;
}

/**
 * The state at a past moment, read from what the live state already keeps, without replaying
 * events: each participant's joins and leaves (one binary search each), the presence change
 * points (one binary search, then the peak over the points before it) and each person's
 * presence intervals. O(participants × log events + change points + sessions); the live state is
 * not touched, so new events keep being applied while a past moment is shown.
 *
 * "Up to `atMs`" means every event with timestamp_ms ≤ atMs, as attendance-state.ts would have
 * applied them: the latest join or leave decides presence, ties broken by arrival.
 *
 * Names and host flags are those known NOW, not as they were at `atMs`: the API changes a
 * participant's row in place and every event carries the current name and host flag
 * (docs/attendee-api.md, "Fields"), so the page has no history of them to rewind. For the same
 * reason a person is grouped under their current participant_user_uuid.
 */
export function meetingAtMoment(
  state: AttendanceState,
  insights: InsightsState,
  atMs: number,
): MeetingAtMoment {
  const present: ParticipantState[] = [];
  for (const track of insights.tracks.values()) {
    const participant = participantAt(state, track, atMs);
    if (participant !== null) present.push(participant);
  }
  present.sort(compareForRoster);
  return { atMs, present, figures: figuresAt(insights, atMs) };
}

function participantAt(
  state: AttendanceState,
  track: Readonly<ParticipantTrack>,
  atMs: number,
): ParticipantState | null {
  const presence = lastAtOrBefore(track.presenceEvents, atMs);
  if (presence === undefined || presence.event.event_type !== 'join') return null;
  // Every event reaches attendance-state.ts before the insights, so the record exists.
  const record = state.participants.get(track.uuid);
  return {
    uuid: track.uuid,
    userUuid: record?.userUuid ?? track.userUuid,
    name: record?.name ?? track.name,
    isHost: record?.isHost ?? track.isHost,
    present: true,
    joinedAtMs: presence.event.timestamp_ms,
    speaking: speakingAt(track.events, atMs),
    firstSeenSeq: record?.firstSeenSeq ?? presence.seq,
  };
}

/**
 * Walking back from `atMs`, the first speech event or leave decides: a speech_start means they
 * were speaking, a stop or a leave (which ends speech, see attendance-state.ts) that they were
 * not. Only joins are stepped over, so this costs a binary search, not the talk since.
 */
function speakingAt(events: readonly ReceivedEvent[], atMs: number): boolean {
  for (let index = indexAtOrBefore(events, atMs); index >= 0; index -= 1) {
    const type = (events[index] as ReceivedEvent).event.event_type;
    if (type === 'speech_start') return true;
    if (type === 'speech_stop' || type === 'leave') return false;
  }
  return false;
}

function figuresAt(insights: InsightsState, atMs: number): SummaryFigures {
  const start = insights.firstEventMs;
  if (start === null || atMs < start) {
    return {
      presentNow: 0,
      peak: null,
      uniqueParticipants: 0,
      averageTimeInMeetingMs: null,
      meetingStartMs: null,
      meetingTimeSoFarMs: null,
    };
  }
  const points = insights.changes.points;
  const lastPoint = indexAtOrBefore(points, atMs);
  let attended = 0;
  let presentMs = 0;
  for (const person of insights.persons.values()) {
    const first = person.union[0];
    if (first === undefined || first.startMs > atMs) continue;
    attended += 1;
    for (const interval of person.union) {
      if (interval.startMs > atMs) break;
      const endMs = interval.endMs === null ? atMs : Math.min(interval.endMs, atMs);
      presentMs += endMs - interval.startMs;
    }
  }
  return {
    presentNow: points[lastPoint]?.countAfter ?? 0,
    peak: peakUpTo(points, lastPoint),
    uniqueParticipants: attended,
    averageTimeInMeetingMs: attended === 0 ? null : presentMs / attended,
    meetingStartMs: start,
    meetingTimeSoFarMs: atMs - start,
  };
}

/** As presence-changes.ts keeps it: strictly higher only, so the first moment of a tie wins. */
function peakUpTo(points: readonly ChangePoint[], lastIndex: number): Peak | null {
  let peak: Peak | null = null;
  for (let index = 0; index <= lastIndex; index += 1) {
    const point = points[index] as ChangePoint;
    if (point.countAfter > (peak?.count ?? 0)) peak = { count: point.countAfter, atMs: point.atMs };
  }
  return peak;
}

function lastAtOrBefore(events: readonly ReceivedEvent[], atMs: number): ReceivedEvent | undefined {
  return events[indexAtOrBefore(events, atMs)];
}

/** The index of the last item at or before `atMs`; -1 when none is. */
function indexAtOrBefore<T extends { atMs: number } | ReceivedEvent>(
  items: readonly T[],
  atMs: number,
): number {
  return firstIndexAfter(items, (item) => timeOf(item) > atMs) - 1;
}

function timeOf(item: { atMs: number } | ReceivedEvent): number {
  return 'atMs' in item ? item.atMs : item.event.timestamp_ms;
}
