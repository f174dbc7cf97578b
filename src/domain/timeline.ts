import type { AttendanceState, ReceivedEvent } from './attendance-state';

export interface TimelineView {
  includeSpeech: boolean;
}

/** The events a timeline shows, oldest first: the state's own arrays, not a copy. */
export function timelineEntries(
  state: AttendanceState,
  view: TimelineView,
): readonly ReceivedEvent[] {
  return view.includeSpeech ? state.timeline : state.timelineWithoutSpeech;
}

/**
 * O(1) access for a virtualised list: index 0 is the newest event by timestamp_ms, with the
 * later-arrived event first when two share a timestamp. With `count`, only the first `count`
 * entries are listed (those up to a past moment, when the meeting is rewound).
 */
export function entryFromNewest(
  entries: readonly ReceivedEvent[],
  index: number,
  count: number = entries.length,
): ReceivedEvent {
  const entry = Number.isInteger(index) && index < count ? entries[count - 1 - index] : undefined;
  if (entry === undefined) {
    throw new RangeError(`No timeline entry ${index}: the timeline has ${count}`);
  }
  return entry;
}
