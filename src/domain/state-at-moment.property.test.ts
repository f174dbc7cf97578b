import fc from 'fast-check';
import type { ParticipantEvent } from '../common/participant-event';
import { applyEvents, createAttendanceState, type ParticipantState } from './attendance-state';
import { makeEvent, splitIntoBatches } from './event-fixtures';
import { applyToInsights, createInsightsState } from './insights/insights-state';
import { summaryFigures } from './insights/summary-figures';
import { presentParticipants } from './roster';
import { meetingAtMoment } from './state-at-moment';

/**
 * Identity stays the same per participant here: names and host flags are shown as known now
 * (see state-at-moment.ts), so only presence, join time, speech and the figures can rewind.
 * a1 and a2 are one account rejoining; the host has no account.
 */
const identities: Record<
  string,
  Pick<ParticipantEvent, 'participant_user_uuid'> & { host: boolean }
> = {
  a1: { participant_user_uuid: 'acct-a', host: false },
  a2: { participant_user_uuid: 'acct-a', host: false },
  h: { participant_user_uuid: null, host: true },
  c: { participant_user_uuid: null, host: false },
};
const uuids = Object.keys(identities);
const eventTypes = ['join', 'leave', 'speech_start', 'speech_stop', 'update'];

/** Any events, ties in time included, delivered in any order and batching, and a moment. */
const meetings = fc
  .array(
    fc.record({
      uuid: fc.constantFrom(...uuids),
      timestampMs: fc.integer({ min: 0, max: 30 }),
      type: fc.constantFrom(...eventTypes),
    }),
    { maxLength: 40 },
  )
  .map((specs) =>
    specs.map(({ uuid, timestampMs, type }, index) => {
      const identity = identities[uuid] as (typeof identities)[string];
      return makeEvent(`pe_${index}`, uuid, type, timestampMs, {
        participant_user_uuid: identity.participant_user_uuid,
        participant_is_host: identity.host,
      });
    }),
  )
  .chain((events) =>
    fc.record({
      arrival: fc.shuffledSubarray(events, { minLength: events.length }),
      batchSizes: fc.array(fc.integer({ min: 1, max: 6 })),
      atMs: fc.integer({ min: -1, max: 31 }),
    }),
  );

function applyInBatches(arrival: ParticipantEvent[], batchSizes: number[]) {
  const state = createAttendanceState();
  const insights = createInsightsState();
  for (const batch of splitIntoBatches(arrival, batchSizes)) {
    applyToInsights(insights, applyEvents(state, batch).added);
  }
  return { state, insights };
}

function rosterView(participants: ParticipantState[]) {
  return participants
    .map(({ uuid, name, isHost, joinedAtMs, speaking }) => ({
      uuid,
      name,
      isHost,
      joinedAtMs,
      speaking,
    }))
    .sort((a, b) => (a.uuid < b.uuid ? -1 : 1));
}

describe('the meeting at a past moment', () => {
  it('equals the meeting derived from only the events up to that moment', () => {
    fc.assert(
      fc.property(meetings, ({ arrival, batchSizes, atMs }) => {
        const live = applyInBatches(arrival, batchSizes);
        // The same arrival order, so ties in time are broken the same way.
        const upToMoment = applyInBatches(
          arrival.filter((event) => event.timestamp_ms <= atMs),
          batchSizes,
        );
        const rewound = meetingAtMoment(live.state, live.insights, atMs);
        expect(rosterView(rewound.present)).toEqual(
          rosterView(presentParticipants(upToMoment.state)),
        );
        expect(rewound.figures).toEqual(summaryFigures(upToMoment.insights, atMs));
      }),
      { numRuns: 500 },
    );
  });

  it('does not show someone speaking after a rejoin because they spoke before leaving', () => {
    const { state, insights } = applyInBatches(
      [
        makeEvent('1', 'c', 'join', 1),
        makeEvent('2', 'c', 'speech_start', 2),
        makeEvent('3', 'c', 'leave', 3),
        makeEvent('4', 'c', 'join', 4),
        makeEvent('5', 'c', 'speech_start', 9),
      ],
      [],
    );
    expect(meetingAtMoment(state, insights, 2).present[0]?.speaking).toBe(true);
    expect(meetingAtMoment(state, insights, 5).present[0]).toMatchObject({
      joinedAtMs: 4,
      speaking: false,
    });
    expect(meetingAtMoment(state, insights, 9).present[0]?.speaking).toBe(true);
  });

  it('lists hosts first, then by when they joined', () => {
    const { state, insights } = applyInBatches(
      [
        makeEvent('1', 'c', 'join', 5),
        makeEvent('2', 'h', 'join', 10, { participant_is_host: true }),
        makeEvent('3', 'a1', 'join', 2),
        makeEvent('4', 'a1', 'leave', 20),
      ],
      [],
    );
    expect(meetingAtMoment(state, insights, 12).present.map(({ uuid }) => uuid)).toEqual([
      'h',
      'a1',
      'c',
    ]);
    expect(meetingAtMoment(state, insights, 20).present.map(({ uuid }) => uuid)).toEqual([
      'h',
      'c',
    ]);
  });
});
