import { applyEvents, createAttendanceState } from '../src/domain/attendance-state.ts';
import { applyToInsights, createInsightsState } from '../src/domain/insights/insights-state.ts';
import type { ParticipantEvent } from '../src/common/participant-event.ts';

function event(index: number, person: number, type: string, at: number): ParticipantEvent {
  return {
    id: `pe_bench${index}`,
    participant_name: `Person ${person}`,
    participant_uuid: `person-${person}`,
    participant_user_uuid: null,
    participant_is_host: person < 2,
    event_type: type,
    event_data: {},
    timestamp_ms: at,
  };
}

/**
 * What one poll costs the state: 25 new events applied to a meeting of `events` events and
 * `people` people present, through the same two steps the page takes (attendance, then insights).
 * Returns the median over `rounds` polls, in microseconds.
 */
export function measureApplyBatch(events: number, people: number, rounds: number): number {
  const attendance = createAttendanceState();
  const insights = createInsightsState();
  const start = Date.now() - 2 * 3_600_000;
  const history: ParticipantEvent[] = [];
  for (let person = 0; person < people; person += 1)
    history.push(event(person, person, 'join', start + person));
  for (let index = people; index < events; index += 1) {
    const type = index % 2 === 0 ? 'speech_start' : 'speech_stop';
    history.push(event(index, (index >> 1) % people, type, start + people + index * 30));
  }
  for (let offset = 0; offset < history.length; offset += 25) {
    applyToInsights(insights, applyEvents(attendance, history.slice(offset, offset + 25)).added);
  }

  let next = events;
  let clock = start + people + events * 30;
  const timings: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const batch: ParticipantEvent[] = [];
    for (let index = 0; index < 25; index += 1, next += 1, clock += 30) {
      const type =
        index === 0
          ? 'join'
          : index === 1
            ? 'leave'
            : next % 2 === 0
              ? 'speech_start'
              : 'speech_stop';
      const person = type === 'join' ? people + round : (next >> 1) % people;
      batch.push(event(next, person, type, clock));
    }
    const started = process.hrtime.bigint();
    applyToInsights(insights, applyEvents(attendance, batch).added);
    timings.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)]!;
}
