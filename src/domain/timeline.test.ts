import { applyEvents, createAttendanceState, type AttendanceState } from './attendance-state';
import { makeEvent } from './event-fixtures';
import { entryFromNewest, timelineEntries, type TimelineView } from './timeline';

const withSpeech: TimelineView = { includeSpeech: true };
const withoutSpeech: TimelineView = { includeSpeech: false };

function idsNewestFirst(state: AttendanceState, view: TimelineView): string[] {
  return Array.from(
    { length: timelineEntries(state, view).length },
    (_, index) => entryFromNewest(timelineEntries(state, view), index).event.id,
  );
}

describe('the timeline', () => {
  it('lists events newest first by the bot clock, whatever order they arrived in', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('b', 'u1', 'join', 2000), makeEvent('d', 'u2', 'join', 4000)]);
    applyEvents(state, [makeEvent('a', 'u2', 'leave', 1000), makeEvent('c', 'u1', 'leave', 3000)]);
    expect(idsNewestFirst(state, withSpeech)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('shows the later-arrived event first when two share a timestamp', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('first', 'u1', 'join', 1000)]);
    applyEvents(state, [
      makeEvent('second', 'u2', 'join', 1000),
      makeEvent('older', 'u3', 'join', 500),
    ]);
    expect(idsNewestFirst(state, withSpeech)).toEqual(['second', 'first', 'older']);
  });

  it('hides speech events when asked, keeping the same order', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('join', 'u1', 'join', 1000),
      makeEvent('talk', 'u1', 'speech_start', 2000),
      makeEvent('quiet', 'u1', 'speech_stop', 3000),
      makeEvent('hand', 'u1', 'hand_raised', 4000),
    ]);
    applyEvents(state, [makeEvent('late', 'u2', 'leave', 2500)]);
    expect(idsNewestFirst(state, withSpeech)).toEqual(['hand', 'quiet', 'late', 'talk', 'join']);
    expect(idsNewestFirst(state, withoutSpeech)).toEqual(['hand', 'late', 'join']);
  });

  it('shows unknown event types and counts a repeated event once', () => {
    const state = createAttendanceState();
    const update = makeEvent('upd', 'u1', 'update', 1000);
    applyEvents(state, [update, makeEvent('odd', 'u1', 'hand_raised', 2000)]);
    applyEvents(state, [update]);
    expect(idsNewestFirst(state, withoutSpeech)).toEqual(['odd', 'upd']);
  });

  it('refuses an index outside the timeline', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('a', 'u1', 'join', 1000)]);
    expect(() => entryFromNewest(timelineEntries(state, withSpeech), 1)).toThrow(RangeError);
    expect(() => entryFromNewest(timelineEntries(state, withSpeech), -1)).toThrow(RangeError);
    expect(() => entryFromNewest(timelineEntries(state, withSpeech), 0.5)).toThrow(RangeError);
    expect(() => entryFromNewest(timelineEntries(state, withoutSpeech), 0)).not.toThrow();
  });

  it('lists only the first events, newest of them first, when the meeting is shown as it was', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('a', 'u1', 'join', 1000),
      makeEvent('b', 'u2', 'join', 2000),
      makeEvent('c', 'u1', 'leave', 3000),
    ]);
    const entries = timelineEntries(state, withSpeech);
    expect(entryFromNewest(entries, 0, 2).event.id).toBe('b');
    expect(entryFromNewest(entries, 1, 2).event.id).toBe('a');
    expect(() => entryFromNewest(entries, 2, 2)).toThrow(RangeError);
  });
});
