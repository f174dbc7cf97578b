import type { AttendanceState, ReceivedEvent } from './attendance-state';

export interface TimelineView {
  includeSpeech: boolean;
}

function entriesFor(state: AttendanceState, view: TimelineView): readonly ReceivedEvent[] {
  return view.includeSpeech ? state.timeline : state.timelineWithoutSpeech;
}

export function timelineSize(state: AttendanceState, view: TimelineView): number {
  return entriesFor(state, view).length;
}

/**
 * O(1) access for a virtualised list: index 0 is the newest event by timestamp_ms, with the
 * later-arrived event first when two share a timestamp.
 */
export function timelineEntryFromNewest(
  state: AttendanceState,
  index: number,
  view: TimelineView,
): ReceivedEvent {
  const entries = entriesFor(state, view);
  const entry = Number.isInteger(index) ? entries[entries.length - 1 - index] : undefined;
  if (entry === undefined) {
    throw new RangeError(`No timeline entry ${index}: the timeline has ${entries.length}`);
  }
  return entry;
}
