import { applyEvents, createAttendanceState } from '../../domain/attendance-state';
import { makeEvent } from '../../domain/event-fixtures';
import {
  createFilteredTimelineCache,
  filteredTimeline,
  NO_FILTER,
  type TimelineFilter,
} from './timeline-filter';

function meeting() {
  const state = createAttendanceState();
  applyEvents(state, [
    makeEvent('1', 'ada', 'join', 1_000, {
      participant_name: 'Ada',
      participant_user_uuid: 'u-ada',
    }),
    makeEvent('2', 'bob', 'join', 2_000, { participant_name: 'Bob' }),
    makeEvent('3', 'ada', 'speech_start', 3_000, { participant_name: 'Ada' }),
    makeEvent('4', 'ada', 'leave', 4_000, {
      participant_name: 'Ada',
      participant_user_uuid: 'u-ada',
    }),
    makeEvent('5', 'ada2', 'join', 5_000, {
      participant_name: 'Ada (phone)',
      participant_user_uuid: 'u-ada',
    }),
  ]);
  return state;
}

const ids = (entries: readonly { event: { id: string } }[]) =>
  entries.map((entry) => entry.event.id);

describe('timeline filters', () => {
  it('filter by type, by person (all their participant_uuids) and by text', () => {
    const state = meeting();
    const run = (filter: Partial<TimelineFilter>) =>
      ids(
        filteredTimeline(createFilteredTimelineCache(), state, state.timeline, {
          ...NO_FILTER,
          ...filter,
        }),
      );
    expect(run({ type: 'join' })).toEqual(['1', '2', '5']);
    expect(run({ type: 'leave' })).toEqual(['4']);
    expect(run({ type: 'speech' })).toEqual(['3']);
    expect(run({ participant: { uuid: 'ada', userUuid: 'u-ada', name: 'Ada' } })).toEqual([
      '1',
      '3',
      '4',
      '5',
    ]);
    expect(run({ participant: { uuid: 'bob', userUuid: null, name: 'Bob' } })).toEqual(['2']);
    expect(run({ text: 'BOB' })).toEqual(['2']);
    expect(run({ text: 'left' })).toEqual(['4']);
    expect(run({ type: 'join', text: 'ada' })).toEqual(['1', '5']);
  });

  it('scans only appended events for the same filter, and everything again when one is inserted earlier', () => {
    const state = meeting();
    const cache = createFilteredTimelineCache();
    const joins: TimelineFilter = { ...NO_FILTER, type: 'join' };
    const first = filteredTimeline(cache, state, state.timeline, joins);
    expect(ids(first)).toEqual(['1', '2', '5']);

    applyEvents(state, [makeEvent('6', 'cy', 'join', 6_000)]);
    expect(cache.scanned).toBe(5);
    expect(ids(filteredTimeline(cache, state, state.timeline, joins))).toEqual([
      '1',
      '2',
      '5',
      '6',
    ]);
    expect(cache.scanned).toBe(6);

    applyEvents(state, [makeEvent('7', 'dee', 'join', 1_500)]);
    expect(ids(filteredTimeline(cache, state, state.timeline, joins))).toEqual([
      '1',
      '7',
      '2',
      '5',
      '6',
    ]);
  });
});
