import {
  applyCurrentHosts,
  applyEvents,
  createAttendanceState,
  eventCount,
} from './attendance-state';
import { makeEvent } from './event-fixtures';
import { participantByUuid, presentCount } from './roster';

function isPresent(state: ReturnType<typeof createAttendanceState>, uuid: string): boolean {
  return participantByUuid(state, uuid)?.present ?? false;
}

describe('presence', () => {
  it('shows a participant who joined as present since their join', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'join', 1000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, joinedAtMs: 1000 });
    expect(presentCount(state)).toBe(1);
  });

  it('shows a participant who left and rejoined as present since the rejoin', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_2', 'u1', 'leave', 2000),
    ]);
    expect(isPresent(state, 'u1')).toBe(false);
    expect(participantByUuid(state, 'u1')?.joinedAtMs).toBeNull();
    applyEvents(state, [makeEvent('pe_3', 'u1', 'join', 3000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, joinedAtMs: 3000 });
    expect(presentCount(state)).toBe(1);
  });

  it('does not show a participant whose only event is a leave', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'leave', 1000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: false, joinedAtMs: null });
    expect(presentCount(state)).toBe(0);
  });

  it('keeps a participant present when a late leave is older than their current join', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_3', 'u1', 'join', 3000),
    ]);
    applyEvents(state, [makeEvent('pe_2', 'u1', 'leave', 2000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, joinedAtMs: 3000 });
    expect(presentCount(state)).toBe(1);
  });

  it('keeps a participant away when a late join is older than their leave', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_2', 'u1', 'leave', 2000)]);
    applyEvents(state, [makeEvent('pe_1', 'u1', 'join', 1000)]);
    expect(isPresent(state, 'u1')).toBe(false);
    expect(presentCount(state)).toBe(0);
  });

  it('breaks a tie on timestamp by the order the server sent the events', () => {
    const joinThenLeave = createAttendanceState();
    applyEvents(joinThenLeave, [
      makeEvent('a', 'u1', 'join', 1000),
      makeEvent('b', 'u1', 'leave', 1000),
    ]);
    expect(isPresent(joinThenLeave, 'u1')).toBe(false);

    const leaveThenJoin = createAttendanceState();
    applyEvents(leaveThenJoin, [makeEvent('b', 'u1', 'leave', 1000)]);
    applyEvents(leaveThenJoin, [makeEvent('a', 'u1', 'join', 1000)]);
    expect(isPresent(leaveThenJoin, 'u1')).toBe(true);
  });
});

describe('duplicate delivery', () => {
  it('counts an event delivered twice in one batch once', () => {
    const state = createAttendanceState();
    const join = makeEvent('pe_1', 'u1', 'join', 1000);
    const batch = applyEvents(state, [join, join]);
    expect(batch.added).toHaveLength(1);
    expect(batch.duplicates).toBe(1);
    expect(eventCount(state)).toBe(1);
    expect(presentCount(state)).toBe(1);
  });

  it('counts an event delivered again in a later poll once', () => {
    const state = createAttendanceState();
    const join = makeEvent('pe_1', 'u1', 'join', 1000);
    applyEvents(state, [join]);
    const version = state.version;
    const batch = applyEvents(state, [join]);
    expect(batch).toEqual({ added: [], duplicates: 1, reidentified: [] });
    expect(eventCount(state)).toBe(1);
    expect(presentCount(state)).toBe(1);
    expect(state.version).toBe(version);
  });

  it('takes the newer host flag and name from a repeated event', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'join', 1000, { participant_name: 'Ada' })]);
    const version = state.version;
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000, {
        participant_name: 'Ada L.',
        participant_is_host: true,
      }),
    ]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ name: 'Ada L.', isHost: true });
    expect(state.version).toBeGreaterThan(version);
    expect(eventCount(state)).toBe(1);
  });

  it('follows the current hosts list, which changes rows without events', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'ada', 'join', 1000, { participant_is_host: true }),
      makeEvent('pe_2', 'bob', 'join', 1001),
      makeEvent('pe_3', 'cy', 'leave', 1002),
    ]);
    const version = state.version;
    const changed = applyCurrentHosts(state, new Set(['bob', 'cy', 'not-seen-yet']));
    expect(changed.map((record) => record.uuid).sort()).toEqual(['ada', 'bob', 'cy']);
    expect(participantByUuid(state, 'ada')?.isHost).toBe(false);
    expect(participantByUuid(state, 'bob')?.isHost).toBe(true);
    expect(state.version).toBeGreaterThan(version);
    expect(state.participants.has('not-seen-yet')).toBe(false);

    const unchanged = state.version;
    expect(applyCurrentHosts(state, new Set(['bob', 'cy']))).toEqual([]);
    expect(state.version).toBe(unchanged);
  });

  it('takes the newer host flag from a repeat inside the same batch', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_1', 'u1', 'join', 1000, { participant_is_host: true }),
    ]);
    expect(participantByUuid(state, 'u1')?.isHost).toBe(true);
  });
});

describe('host, name and account', () => {
  it('takes the host flag from the event received last, even when its timestamp is older', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_2', 'u1', 'join', 2000)]);
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'speech_start', 1000, { participant_is_host: true }),
    ]);
    expect(participantByUuid(state, 'u1')?.isHost).toBe(true);
  });

  it('takes the name and account from the event received last', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'join', 1000, { participant_name: 'Ada' })]);
    applyEvents(state, [
      makeEvent('pe_2', 'u1', 'hand_raised', 900, {
        participant_name: null,
        participant_user_uuid: 'acct-1',
      }),
    ]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ name: null, userUuid: 'acct-1' });
  });
});

describe('speech', () => {
  it('marks a participant as speaking between speech start and stop, without changing presence', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_2', 'u1', 'speech_start', 2000),
    ]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, speaking: true });
    applyEvents(state, [makeEvent('pe_3', 'u1', 'speech_stop', 3000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, speaking: false });
    expect(presentCount(state)).toBe(1);
  });

  it('does not make a participant present by speaking', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'speech_start', 1000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: false, speaking: false });
    expect(presentCount(state)).toBe(0);
  });

  it('keeps a participant speaking when a late speech stop is older than the start', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_3', 'u1', 'speech_start', 3000),
    ]);
    applyEvents(state, [makeEvent('pe_2', 'u1', 'speech_stop', 2000)]);
    expect(participantByUuid(state, 'u1')?.speaking).toBe(true);
  });

  it('stops speaking when the participant leaves, and stays silent after a rejoin', () => {
    const state = createAttendanceState();
    applyEvents(state, [
      makeEvent('pe_1', 'u1', 'join', 1000),
      makeEvent('pe_2', 'u1', 'speech_start', 2000),
      makeEvent('pe_3', 'u1', 'leave', 3000),
    ]);
    expect(participantByUuid(state, 'u1')?.speaking).toBe(false);
    applyEvents(state, [makeEvent('pe_4', 'u1', 'join', 4000)]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, speaking: false });
  });
});

describe('unknown event types', () => {
  it('records the participant of an unknown event without making them present', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'hand_raised', 1000, { participant_name: 'Ada' })]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ name: 'Ada', present: false });
    expect(eventCount(state)).toBe(1);
  });

  it('does not change the presence of someone already present', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('pe_1', 'u1', 'join', 1000)]);
    applyEvents(state, [
      makeEvent('pe_2', 'u1', 'update', 2000),
      makeEvent('pe_3', 'u1', 'constructor', 3000),
    ]);
    expect(participantByUuid(state, 'u1')).toMatchObject({ present: true, joinedAtMs: 1000 });
    expect(presentCount(state)).toBe(1);
  });
});

describe('batches', () => {
  it('numbers new events in the order they arrived', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('a', 'u1', 'join', 5000), makeEvent('b', 'u2', 'join', 1000)]);
    const batch = applyEvents(state, [
      makeEvent('a', 'u1', 'join', 5000),
      makeEvent('c', 'u1', 'leave', 500),
    ]);
    expect(batch.added.map(({ event, seq }) => [event.id, seq])).toEqual([['c', 2]]);
    expect(participantByUuid(state, 'u2')?.firstSeenSeq).toBe(1);
  });

  it('changes the version only when something changed', () => {
    const state = createAttendanceState();
    const before = state.version;
    applyEvents(state, []);
    expect(state.version).toBe(before);
    applyEvents(state, [makeEvent('a', 'u1', 'join', 1000)]);
    expect(state.version).toBe(before + 1);
  });

  it('leaves a participant read earlier unchanged by later batches', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('a', 'u1', 'join', 1000)]);
    const earlier = participantByUuid(state, 'u1');
    applyEvents(state, [makeEvent('b', 'u1', 'leave', 2000, { participant_is_host: true })]);
    expect(earlier).toMatchObject({ present: true, isHost: false });
  });

  it('never throws on odd participant ids, names or event types', () => {
    const state = createAttendanceState();
    expect(() =>
      applyEvents(state, [
        makeEvent('__proto__', '__proto__', 'join', 1000, { participant_name: '' }),
        makeEvent('constructor', 'toString', '', 1000, { participant_name: '\u0000\u202e' }),
      ]),
    ).not.toThrow();
    expect(isPresent(state, '__proto__')).toBe(true);
    expect(participantByUuid(state, 'toString')?.present).toBe(false);
    expect(participantByUuid(state, 'hasOwnProperty')).toBeUndefined();
  });
});
