import type { ParticipantEvent } from '../common/participant-event';
import { applyEvents, createAttendanceState, eventCount } from './attendance-state';
import { makeEvent } from './event-fixtures';
import { participantByUuid, presentCount } from './roster';
import { entryFromNewest, timelineEntries } from './timeline';

const participants = 5_000;
const historySize = 200_000;

/** A long meeting: everyone joins, then talks in turn; speech is most of the history. */
function longMeetingHistory(): ParticipantEvent[] {
  const events: ParticipantEvent[] = [];
  for (let index = 0; index < participants; index += 1) {
    events.push(makeEvent(`join_${index}`, `u${index}`, 'join', index));
  }
  for (let index = events.length; index < historySize; index += 1) {
    const uuid = `u${index % participants}`;
    const type = index % 2 === 0 ? 'speech_start' : 'speech_stop';
    events.push(makeEvent(`pe_${index}`, uuid, type, index));
  }
  return events;
}

describe('a long meeting', () => {
  it('applies a poll of 25 events onto 200,000 without losing or reordering anything', () => {
    const state = createAttendanceState();
    const history = longMeetingHistory();
    for (let start = 0; start < history.length; start += 25) {
      applyEvents(state, history.slice(start, start + 25));
    }
    const timelineBefore = state.timeline;

    const poll = [
      ...history.slice(-5),
      makeEvent('late_leave', 'u7', 'leave', 3),
      makeEvent('leave_now', 'u8', 'leave', historySize + 1),
      ...Array.from({ length: 18 }, (_, index) =>
        makeEvent(`new_${index}`, `new${index}`, 'join', historySize + 2 + index),
      ),
    ];
    const batch = applyEvents(state, poll);

    expect(batch).toMatchObject({ duplicates: 5 });
    expect(batch.added).toHaveLength(20);
    expect(eventCount(state)).toBe(historySize + 20);
    expect(state.timeline).toBe(timelineBefore);
    expect(timelineEntries(state, { includeSpeech: true }).length).toBe(historySize + 20);
    expect(timelineEntries(state, { includeSpeech: false }).length).toBe(participants + 20);
    expect(presentCount(state)).toBe(participants - 1 + 18);
    expect(participantByUuid(state, 'u7')).toMatchObject({ present: true, joinedAtMs: 7 });
    expect(
      entryFromNewest(timelineEntries(state, { includeSpeech: true }), historySize + 15).event.id,
    ).toBe('late_leave');
    expect(participantByUuid(state, 'u8')?.present).toBe(false);
    expect(entryFromNewest(timelineEntries(state, { includeSpeech: true }), 0).event.id).toBe(
      'new_17',
    );
    expect(
      entryFromNewest(timelineEntries(state, { includeSpeech: true }), historySize + 19).event.id,
    ).toBe('join_0');
  });
});
