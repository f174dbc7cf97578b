import fc from 'fast-check';
import type { ParticipantEvent } from '../common/participant-event';
import {
  applyCurrentHosts,
  applyEvents,
  createAttendanceState,
  eventCount,
} from './attendance-state';
import { makeEvent, splitIntoBatches } from './event-fixtures';
import {
  compareForRoster,
  participantByUuid,
  presentCount,
  presentParticipants,
  createPresentRoster,
  refreshPresentRoster,
} from './roster';
import { entryFromNewest, timelineEntries } from './timeline';

const uuids = ['u0', 'u1', 'u2', 'u3'];
const eventTypes = ['join', 'leave', 'speech_start', 'speech_stop', 'hand_raised'];

interface Delivery {
  /** The batches, as polls would deliver them: every event at least once, some again. */
  batches: ParticipantEvent[][];
  distinct: ParticipantEvent[];
}

/**
 * Events delivered in any order and batching, with duplicates whose host flag may be newer. With
 * `distinctTimesPerParticipant`, no participant has two events at the same timestamp, so arrival
 * order cannot matter for them; without it, ties are common.
 */
function deliveries(distinctTimesPerParticipant: boolean) {
  const spec = fc.record({
    uuid: fc.constantFrom(...uuids),
    timestampMs: fc.integer({ min: 0, max: 30 }),
    type: fc.constantFrom(...eventTypes),
  });
  const specs = distinctTimesPerParticipant
    ? fc.uniqueArray(spec, {
        selector: ({ uuid, timestampMs }) => `${uuid}@${timestampMs}`,
        maxLength: 30,
      })
    : fc.array(spec, { maxLength: 30 });
  const distinct = specs.map((list) =>
    list.map(({ uuid, timestampMs, type }, index) =>
      makeEvent(`pe_${index}`, uuid, type, timestampMs),
    ),
  );
  return distinct.chain((events) => {
    const repeats =
      events.length === 0 ? fc.constant([]) : fc.array(fc.nat({ max: events.length - 1 }));
    const arrivalOrder = repeats.chain((repeated) => {
      const all = [...events.keys(), ...repeated];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
    return arrivalOrder.chain((indexes) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: indexes.length, maxLength: indexes.length }),
          fc.array(fc.integer({ min: 1, max: 6 })),
        )
        .map(([hostFlags, batchSizes]): Delivery => {
          const received = indexes.map((index, position) => ({
            ...(events[index] as ParticipantEvent),
            participant_is_host: hostFlags[position] as boolean,
          }));
          return { batches: splitIntoBatches(received, batchSizes), distinct: events };
        }),
    );
  });
}

function applyAll(batches: ParticipantEvent[][]) {
  const state = createAttendanceState();
  for (const batch of batches) applyEvents(state, batch);
  return state;
}

/** Presence from the whole set at once: the latest join or leave by timestamp decides. */
function presentFromSortedSet(events: ParticipantEvent[]): Set<string> {
  const latest = new Map<string, ParticipantEvent>();
  for (const event of [...events].sort((a, b) => a.timestamp_ms - b.timestamp_ms)) {
    if (event.event_type === 'join' || event.event_type === 'leave') {
      latest.set(event.participant_uuid, event);
    }
  }
  return new Set(
    [...latest].filter(([, event]) => event.event_type === 'join').map(([uuid]) => uuid),
  );
}

interface ExpectedParticipant {
  present: boolean;
  joinedAtMs: number | null;
  speaking: boolean;
}

/**
 * An independent statement of the rules: number events by first arrival, sort each participant's
 * events by (timestamp, arrival) and walk through them as they happened.
 */
function walkThroughInTimeOrder(received: ParticipantEvent[]): Map<string, ExpectedParticipant> {
  const firstArrival = new Map<string, { event: ParticipantEvent; seq: number }>();
  for (const event of received) {
    if (!firstArrival.has(event.id)) firstArrival.set(event.id, { event, seq: firstArrival.size });
  }
  const inTimeOrder = [...firstArrival.values()].sort(
    (a, b) => a.event.timestamp_ms - b.event.timestamp_ms || a.seq - b.seq,
  );
  const expected = new Map<string, ExpectedParticipant>();
  for (const { event } of inTimeOrder) {
    const participant = expected.get(event.participant_uuid) ?? {
      present: false,
      joinedAtMs: null,
      speaking: false,
    };
    expected.set(event.participant_uuid, participant);
    if (event.event_type === 'join') {
      participant.present = true;
      participant.joinedAtMs = event.timestamp_ms;
    } else if (event.event_type === 'leave') {
      Object.assign(participant, { present: false, joinedAtMs: null, speaking: false });
    } else if (event.event_type === 'speech_start') {
      participant.speaking = true;
    } else if (event.event_type === 'speech_stop') {
      participant.speaking = false;
    }
  }
  for (const participant of expected.values()) {
    participant.speaking &&= participant.present;
  }
  return expected;
}

describe('attendance from any delivery of the same events', () => {
  it('shows who is present as the events sorted by time say, however they were delivered', () => {
    fc.assert(
      fc.property(deliveries(true), ({ batches, distinct }) => {
        const state = applyAll(batches);
        const expected = presentFromSortedSet(distinct);
        for (const uuid of uuids) {
          expect(participantByUuid(state, uuid)?.present ?? false).toBe(expected.has(uuid));
        }
        expect(presentCount(state)).toBe(expected.size);
        expect(presentParticipants(state)).toHaveLength(expected.size);
        expect(eventCount(state)).toBe(distinct.length);
      }),
    );
  });

  it('takes each participant’s host flag from the last event received for them', () => {
    fc.assert(
      fc.property(deliveries(true), ({ batches }) => {
        const state = applyAll(batches);
        const lastHostFlag = new Map<string, boolean>();
        for (const event of batches.flat()) {
          lastHostFlag.set(event.participant_uuid, event.participant_is_host);
        }
        for (const [uuid, isHost] of lastHostFlag) {
          expect(participantByUuid(state, uuid)?.isHost).toBe(isHost);
        }
      }),
    );
  });

  it('agrees with walking through the events in time order, ties broken by arrival', () => {
    fc.assert(
      fc.property(deliveries(false), ({ batches }) => {
        const state = applyAll(batches);
        const expected = walkThroughInTimeOrder(batches.flat());
        for (const uuid of uuids) {
          const actual = participantByUuid(state, uuid);
          const want = expected.get(uuid);
          if (want === undefined) expect(actual).toBeUndefined();
          else expect(actual).toMatchObject(want);
        }
        expect(presentCount(state)).toBe([...expected.values()].filter((p) => p.present).length);
      }),
    );
  });

  it('ends in the same state whether the events come in one batch or many', () => {
    fc.assert(
      fc.property(deliveries(false), ({ batches }) => {
        const batched = applyAll(batches);
        const single = applyAll([batches.flat()]);
        for (const uuid of uuids) {
          expect(participantByUuid(batched, uuid)).toEqual(participantByUuid(single, uuid));
        }
        expect(presentParticipants(batched)).toEqual(presentParticipants(single));
      }),
    );
  });

  it('keeps the timeline newest first with ties in arrival order, each event once', () => {
    fc.assert(
      fc.property(deliveries(false), ({ batches, distinct }) => {
        const state = applyAll(batches);
        for (const includeSpeech of [true, false]) {
          const view = { includeSpeech };
          const entries = Array.from({ length: timelineEntries(state, view).length }, (_, index) =>
            entryFromNewest(timelineEntries(state, view), index),
          );
          const expectedIds = distinct
            .filter(
              (event) =>
                includeSpeech ||
                (event.event_type !== 'speech_start' && event.event_type !== 'speech_stop'),
            )
            .map((event) => event.id);
          expect(entries.map(({ event }) => event.id).sort()).toEqual(expectedIds.sort());
          entries.slice(1).forEach((older, index) => {
            const newer = entries[index]!;
            const inOrder =
              newer.event.timestamp_ms > older.event.timestamp_ms ||
              (newer.event.timestamp_ms === older.event.timestamp_ms && newer.seq > older.seq);
            expect(inOrder).toBe(true);
          });
        }
      }),
    );
  });

  it('keeps the roster poll by poll as a full sort orders it, reusing who did not change', () => {
    fc.assert(
      fc.property(deliveries(false), fc.array(fc.subarray(uuids)), ({ batches }, hostLists) => {
        const state = createAttendanceState();
        const roster = createPresentRoster();
        batches.forEach((batch, index) => {
          const applied = applyEvents(state, batch);
          const changed = new Set(applied.added.map((received) => received.event.participant_uuid));
          for (const record of applied.reidentified) changed.add(record.uuid);
          const hosts = hostLists[index];
          if (hosts !== undefined) {
            for (const record of applyCurrentHosts(state, new Set(hosts))) changed.add(record.uuid);
          }
          const previous = roster.participants;
          refreshPresentRoster(roster, state, changed);
          expect(roster.participants).toEqual(presentParticipants(state));
          for (const participant of previous) {
            if (!changed.has(participant.uuid)) expect(roster.participants).toContain(participant);
          }
          expect([...roster.byUuid.values()].sort(compareForRoster)).toEqual(roster.participants);
          for (const participant of roster.participants) {
            expect(roster.byUuid.get(participant.uuid)).toBe(participant);
          }
        });
      }),
    );
  });
});
