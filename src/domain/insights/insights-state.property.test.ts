import fc from 'fast-check';
import type { ParticipantEvent } from '../../common/participant-event';
import { makeEvent, splitIntoBatches } from '../event-fixtures';
import { attendanceSeries } from './attendance-series';
import { createInsightsFeed } from './insights-fixtures';
import type { InsightsState } from './insights-state';
import { participantRows } from './participant-rows';
import { summaryFigures } from './summary-figures';

/** Two people with two participant_uuids each (one account rejoining), and two on their own. */
const userUuidOf: Record<string, string | null> = {
  a1: 'acct-a',
  a2: 'acct-a',
  b1: 'acct-b',
  b2: 'acct-b',
  c: null,
  d: null,
};
const uuids = Object.keys(userUuidOf);
const eventTypes = ['join', 'leave', 'speech_start', 'speech_stop', 'update'];

/**
 * Distinct events, then a delivery: any arrival order, repeats, any batching. Timestamps are
 * distinct per participant_uuid: two events of one participant in the same millisecond are
 * ordered by arrival (attendance-state.ts), so only then may arrival change the outcome.
 */
const deliveries = fc
  .uniqueArray(
    fc.record({
      uuid: fc.constantFrom(...uuids),
      timestampMs: fc.integer({ min: 0, max: 40 }),
      type: fc.constantFrom(...eventTypes),
    }),
    { selector: ({ uuid, timestampMs }) => `${uuid}@${timestampMs}`, maxLength: 40 },
  )
  .map((specs) =>
    specs.map(({ uuid, timestampMs, type }, index) =>
      makeEvent(`pe_${index}`, uuid, type, timestampMs, {
        participant_user_uuid: userUuidOf[uuid] ?? null,
      }),
    ),
  )
  .chain((events) =>
    fc
      .tuple(
        fc.shuffledSubarray([...events, ...events], { minLength: events.length }),
        fc.array(fc.integer({ min: 1, max: 5 })),
      )
      .map(([received, sizes]) => {
        // Every event at least once: the shuffled subarray may drop some copies, never both.
        const missing = events.filter((event) => !received.includes(event));
        return { events, batches: splitIntoBatches([...received, ...missing], sizes) };
      }),
  );

function sortedByTime(events: ParticipantEvent[]): ParticipantEvent[] {
  return [...events].sort((a, b) => a.timestamp_ms - b.timestamp_ms);
}

function everyFigure(insights: InsightsState, nowMs: number) {
  return {
    summary: summaryFigures(insights, nowMs),
    rows: participantRows(insights, nowMs),
    series: attendanceSeries(insights, nowMs),
  };
}

/**
 * Presence stated independently: walk each participant through their events in time order, and
 * in every millisecond [t, t + 1) count the people (by user_uuid, else participant_uuid) with at
 * least one participant present. Events are on whole milliseconds, so this is exact.
 */
function presenceByMillisecond(events: ParticipantEvent[], untilMs: number) {
  const personOf = (uuid: string) => userUuidOf[uuid] ?? uuid;
  const present = new Map<string, boolean>();
  const timePresent = new Map<string, number>();
  const counts: number[] = [];
  const ordered = sortedByTime(events);
  let next = 0;
  for (let t = 0; t < untilMs; t += 1) {
    for (
      ;
      next < ordered.length && (ordered[next] as ParticipantEvent).timestamp_ms === t;
      next++
    ) {
      const event = ordered[next] as ParticipantEvent;
      if (event.event_type === 'join') present.set(event.participant_uuid, true);
      if (event.event_type === 'leave') present.set(event.participant_uuid, false);
    }
    const people = new Set([...present].filter(([, here]) => here).map(([uuid]) => personOf(uuid)));
    for (const person of people) timePresent.set(person, (timePresent.get(person) ?? 0) + 1);
    counts.push(people.size);
  }
  return { counts, timePresent };
}

describe('insights from any delivery of the same events', () => {
  it('are the same as from the events sorted by time in one batch', () => {
    fc.assert(
      fc.property(deliveries, ({ events, batches }) => {
        const nowMs = 50;
        const delivered = createInsightsFeed(...batches).insights;
        const sorted = createInsightsFeed(sortedByTime(events)).insights;
        expect(everyFigure(delivered, nowMs)).toEqual(everyFigure(sorted, nowMs));
      }),
      { numRuns: 500 },
    );
  });

  it('agree with counting who is present millisecond by millisecond', () => {
    fc.assert(
      fc.property(deliveries, ({ events, batches }) => {
        const nowMs = 50;
        const { insights } = createInsightsFeed(...batches);
        const { counts, timePresent } = presenceByMillisecond(events, nowMs);
        const summary = summaryFigures(insights, nowMs);
        const peakCount = Math.max(0, ...counts);

        expect(summary.presentNow).toBe(counts[nowMs - 1]);
        expect(summary.peak).toEqual(
          peakCount === 0 ? null : { count: peakCount, atMs: counts.indexOf(peakCount) },
        );
        const rows = participantRows(insights, nowMs);
        expect(
          Object.fromEntries(
            rows.map((row) => [row.userUuid ?? row.participantUuids[0], row.timePresentMs]),
          ),
        ).toEqual(Object.fromEntries([...timePresent].filter(([, ms]) => ms > 0)));
        const series = attendanceSeries(insights, nowMs);
        for (const [index, point] of series.points.entries()) {
          const until = series.points[index + 1]?.atMs ?? nowMs;
          for (let t = point.atMs; t < until; t += 1) expect(counts[t]).toBe(point.count);
        }
      }),
      { numRuns: 500 },
    );
  });
});
