import { applyEvents, createAttendanceState } from './attendance-state';
import { makeEvent } from './event-fixtures';
import {
  participantByUuid,
  presentCount,
  presentParticipants,
  createPresentRoster,
  refreshPresentRoster,
} from './roster';

describe('the roster of present participants', () => {
  it('lists hosts first, then by when they joined, then by name', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('1', 'late', 'join', 3000, { participant_name: 'Early bird' }),
      makeEvent('2', 'bea', 'join', 1000, { participant_name: 'Bea' }),
      makeEvent('3', 'host', 'join', 5000, { participant_name: 'Zed', participant_is_host: true }),
      makeEvent('4', 'ada', 'join', 1000, { participant_name: 'ada' }),
      makeEvent('5', 'gone', 'join', 500, { participant_name: 'Gone' }),
      makeEvent('6', 'gone', 'leave', 600),
      makeEvent('7', 'nameless', 'join', 1000, { participant_name: null }),
    ]);
    expect(presentParticipants(state).map((participant) => participant.uuid)).toEqual([
      'host',
      'ada',
      'bea',
      'nameless',
      'late',
    ]);
  });

  it('keeps participants with the same name and join time in the order they were first seen', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('1', 'second', 'speech_start', 100, { participant_name: 'Sam' }),
      makeEvent('2', 'first', 'join', 1000, { participant_name: 'Sam' }),
      makeEvent('3', 'second', 'join', 1000, { participant_name: 'Sam' }),
    ]);
    expect(presentParticipants(state).map((participant) => participant.uuid)).toEqual([
      'second',
      'first',
    ]);
  });

  it('moves a participant to the top when a later response makes them host', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('1', 'a', 'join', 1000), makeEvent('2', 'b', 'join', 2000)]);
    applyEvents(state, [makeEvent('2', 'b', 'join', 2000, { participant_is_host: true })]);
    expect(presentParticipants(state).map((participant) => participant.uuid)).toEqual(['b', 'a']);
  });

  it('counts who is present as the roster changes', () => {
    const state = createAttendanceState();
    expect(presentCount(state)).toBe(0);
    expect(presentParticipants(state)).toEqual([]);
    applyEvents(state, [makeEvent('1', 'a', 'join', 1000), makeEvent('2', 'b', 'join', 1000)]);
    expect(presentCount(state)).toBe(2);
    applyEvents(state, [makeEvent('3', 'a', 'leave', 2000), makeEvent('4', 'a', 'leave', 2500)]);
    expect(presentCount(state)).toBe(1);
    expect(presentParticipants(state)).toHaveLength(presentCount(state));
  });

  it('knows nothing about a participant it never saw', () => {
    expect(participantByUuid(createAttendanceState(), 'nobody')).toBeUndefined();
  });

  it('re-places only who changed in a large roster, in the order a full sort gives', () => {
    const state = createAttendanceState();
    const joins = Array.from({ length: 200 }, (_, index) =>
      makeEvent(`j${index}`, `p${index}`, 'join', 1000 + (index % 7), {
        participant_name: `Person ${199 - index}`,
      }),
    );
    applyEvents(state, joins);
    const everyone = new Set(joins.map((join) => join.participant_uuid));
    const roster = createPresentRoster();
    refreshPresentRoster(roster, state, everyone);
    const first = roster.participants;
    expect(first).toEqual(presentParticipants(state));
    refreshPresentRoster(roster, state, new Set());
    expect(roster.participants).toBe(first);

    applyEvents(state, [
      makeEvent('l1', 'p3', 'leave', 2000),
      makeEvent('s1', 'p5', 'speech_start', 2000),
      makeEvent('h1', 'p150', 'join', 1000 + (150 % 7), {
        participant_name: 'Person 49',
        participant_is_host: true,
      }),
      makeEvent('n1', 'newcomer', 'join', 1003, { participant_name: 'Person 100' }),
    ]);
    const changed = new Set(['p3', 'p5', 'p150', 'newcomer']);
    refreshPresentRoster(roster, state, changed);
    const next = roster.participants;
    expect(next).toEqual(presentParticipants(state));
    expect(next[0]?.uuid).toBe('p150');
    expect(next.find((participant) => participant.uuid === 'p9')).toBe(
      first.find((participant) => participant.uuid === 'p9'),
    );
  });
});
