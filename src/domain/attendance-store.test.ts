import { makeEvent } from './event-fixtures';
import { presentParticipants } from './roster';
import { participantRows } from './insights/participant-rows';
import type { ParticipantEvent } from '../common/participant-event';
import { createAttendanceStore, type AttendanceStore } from './attendance-store';

const T0 = Date.UTC(2026, 10, 24, 15, 0);

function receive(store: AttendanceStore, events: ParticipantEvent[]) {
  store.receivePage({ events, rejected: [] });
}

/** Who the roster and the participants table each flag as host. */
function hostsShown(store: AttendanceStore) {
  return {
    roster: store
      .presentParticipants()
      .filter((p) => p.isHost)
      .map((p) => p.name),
    table: participantRows(store.insights, T0 + 60_000)
      .filter((row) => row.isHost)
      .map((row) => row.name),
  };
}

describe('the attendance store', () => {
  it('moves the host flag in the roster and the table when the hosts list changes', () => {
    const store = createAttendanceStore();
    receive(store, [
      makeEvent('e1', 'ada', 'join', T0, { participant_name: 'Ada', participant_is_host: true }),
      makeEvent('e2', 'bob', 'join', T0 + 1, { participant_name: 'Bob' }),
    ]);
    expect(hostsShown(store)).toEqual({ roster: ['Ada'], table: ['Ada'] });
    const listener = vi.fn();
    store.subscribe(listener);

    store.receiveCurrentHosts(['bob']);
    expect(hostsShown(store)).toEqual({ roster: ['Bob'], table: ['Bob'] });
    expect(listener).toHaveBeenCalledTimes(1);

    // The same list again changes nothing, so nothing re-renders.
    store.receiveCurrentHosts(['bob']);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores hosts it has no event for yet; their first event brings the flag', () => {
    const store = createAttendanceStore();
    store.receiveCurrentHosts(['cy']);
    expect(store.getVersion()).toBe(0);
    receive(store, [
      makeEvent('e1', 'cy', 'join', T0, { participant_name: 'Cy', participant_is_host: true }),
    ]);
    expect(hostsShown(store)).toEqual({ roster: ['Cy'], table: ['Cy'] });
  });

  it('takes a newer name and host flag from a repeated event into the table too', () => {
    const store = createAttendanceStore();
    const join = makeEvent('e1', 'ada', 'join', T0, { participant_name: 'Ada' });
    receive(store, [join]);
    receive(store, [{ ...join, participant_name: 'Ada Lovelace', participant_is_host: true }]);
    expect(hostsShown(store)).toEqual({ roster: ['Ada Lovelace'], table: ['Ada Lovelace'] });
  });

  it('keeps its roster until a page or the hosts list changes who is present or how', () => {
    const store = createAttendanceStore();
    receive(store, [makeEvent('e1', 'ada', 'join', T0, { participant_name: 'Ada' })]);
    const roster = store.presentParticipants();
    expect(roster).toEqual(presentParticipants(store.state));
    receive(store, [makeEvent('e1', 'ada', 'join', T0, { participant_name: 'Ada' })]);
    expect(store.presentParticipants()).toBe(roster);

    receive(store, [makeEvent('e2', 'bob', 'join', T0 + 1, { participant_name: 'Bob' })]);
    expect(store.presentParticipants().map((p) => p.name)).toEqual(['Ada', 'Bob']);
    store.receiveCurrentHosts(['bob']);
    expect(store.presentParticipants().map((p) => p.name)).toEqual(['Bob', 'Ada']);
    receive(store, [makeEvent('e3', 'bob', 'leave', T0 + 2)]);
    expect(store.presentParticipants()).toEqual(presentParticipants(store.state));
    expect(store.presentParticipants().map((p) => p.name)).toEqual(['Ada']);
  });
});
