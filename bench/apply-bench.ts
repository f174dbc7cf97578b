import { applyEvents } from '../src/domain/attendance-state.ts';
import { applyToInsights } from '../src/domain/insights/insights-state.ts';
import type { ParticipantEvent } from '../src/common/participant-event.ts';
import { loadedMeeting, median, syntheticEvent as event } from './synthetic-meeting.ts';

/**
 * What one poll costs the state: 25 new events applied to a meeting of `events` events and
 * `people` people present, through the same two steps the page takes (attendance, then insights).
 * Returns the median over `rounds` polls, in microseconds.
 */
export function measureApplyBatch(events: number, people: number, rounds: number): number {
  const start = Date.now() - 2 * 3_600_000;
  const history: ParticipantEvent[] = [];
  for (let person = 0; person < people; person += 1)
    history.push(event(person, person, 'join', start + person));
  for (let index = people; index < events; index += 1) {
    const type = index % 2 === 0 ? 'speech_start' : 'speech_stop';
    history.push(event(index, (index >> 1) % people, type, start + people + index * 30));
  }
  const { attendance, insights } = loadedMeeting(history);

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
  return median(timings);
}
