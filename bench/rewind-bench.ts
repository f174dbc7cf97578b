import { meetingAtMoment } from '../src/domain/state-at-moment.ts';
import type { ParticipantEvent } from '../src/common/participant-event.ts';
import { loadedMeeting, median, syntheticEvent as event } from './synthetic-meeting.ts';

/**
 * What moving the rewound view to a new moment costs: the roster and the figures at that moment,
 * read from a meeting of `events` events and `people` people (everyone joins in the first
 * minutes; then speech, with one in ten events someone leaving or coming back, so there are many
 * presence change points). Returns the median over `moments` moments spread over the meeting, in
 * milliseconds.
 */
export function measureRewindStep(events: number, people: number, moments: number): number {
  const start = Date.now() - 2 * 3_600_000;
  const history: ParticipantEvent[] = [];
  for (let person = 0; person < people; person += 1)
    history.push(event(person, person, 'join', start + person * 20));
  const present = new Array<boolean>(people).fill(true);
  let clock = start + people * 20;
  for (let index = people; index < events; index += 1, clock += 30) {
    const person = (index * 7919) % people;
    let type = index % 2 === 0 ? 'speech_start' : 'speech_stop';
    if (index % 10 === 0 && person >= 2) {
      type = present[person] ? 'leave' : 'join';
      present[person] = !present[person];
    }
    history.push(event(index, person, type, clock));
  }
  const { attendance, insights } = loadedMeeting(history);

  const timings: number[] = [];
  let checksum = 0;
  for (let moment = 0; moment < moments; moment += 1) {
    // Golden-ratio steps visit the whole meeting in no particular order, as a dragging hand would not.
    const atMs = start + ((moment * 0.618_034) % 1) * (clock - start);
    const started = process.hrtime.bigint();
    const view = meetingAtMoment(attendance, insights, atMs);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    checksum += view.present.length + view.figures.presentNow;
  }
  if (checksum === 0)
    throw new Error('The rewound meeting was empty: the benchmark measured nothing');
  return median(timings);
}
