import type { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';

export interface MeetingSize {
  people: number;
  events: number;
  /** How long ago the meeting started, relative to `nowMs`. */
  durationMs: number;
  nowMs: number;
}

/**
 * A large meeting straight into the simulator: everyone joins in the first minutes and stays, then
 * the rest of the events are people speaking (start/stop pairs), spread evenly up to now. Returns
 * each event's created_at (the server's hidden insert time), ascending.
 */
export function populateMeeting(
  simulator: SimulatedAttendee,
  botId: string,
  size: MeetingSize,
): number[] {
  const createdAt: number[] = [];
  const start = size.nowMs - size.durationMs;
  const joinSpread = Math.min(size.durationMs / 10, 5 * 60_000);
  for (let person = 0; person < size.people; person += 1) {
    const at = Math.round(start + (joinSpread * person) / size.people);
    createdAt.push(at);
    simulator.join(
      botId,
      { uuid: `person-${person}`, name: `Person ${person}`, isHost: person < 2 },
      { createdAtMs: at, timestampMs: at },
    );
  }
  const speeches = size.events - size.people;
  const first = start + joinSpread;
  const step = (size.nowMs - 1000 - first) / speeches;
  for (let index = 0; index < speeches; index += 1) {
    const at = Math.round(first + step * index);
    const uuid = `person-${(index >> 1) % size.people}`;
    const options = { createdAtMs: at, timestampMs: at };
    createdAt.push(at);
    if (index % 2 === 0) simulator.speechStart(botId, uuid, options);
    else simulator.speechStop(botId, uuid, options);
  }
  return createdAt;
}

/**
 * A meeting shaped like a real one, with the same people and events as `populateMeeting`: everyone
 * joins in the first minute, three quarters leave in the last two, and between them speech comes
 * in bursts of uneven weight, with a quiet half hour (a breakout) where nothing happens. Windows
 * cut evenly in time are then very uneven in events. Returns each event's created_at, ascending,
 * and how many people are present at the end.
 */
export function populateBurstyMeeting(
  simulator: SimulatedAttendee,
  botId: string,
  size: MeetingSize,
): { createdAt: number[]; presentAtEnd: number } {
  const start = size.nowMs - size.durationMs;
  const end = size.nowMs - 1000;
  const leavers = Math.floor((size.people * 3) / 4);
  const burstMs = Math.min(size.durationMs / 60, 60_000);
  const events: { at: number; person: number; type: 'join' | 'leave' | 'speech' }[] = [];
  for (let person = 0; person < size.people; person += 1) {
    events.push({ at: start + (burstMs * person) / size.people, person, type: 'join' });
  }
  for (let person = 0; person < leavers; person += 1) {
    events.push({
      at: end - 2 * burstMs + (2 * burstMs * person) / leavers,
      person,
      type: 'leave',
    });
  }
  // Twelve stretches of talk between the bursts; the fifth is the quiet breakout. Each weight is
  // how many speech events its stretch holds, relative to the others.
  const weights = [6, 1, 9, 2, 0, 0, 0, 3, 12, 1, 5, 2];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const talkStart = start + burstMs;
  const stretchMs = (end - 2 * burstMs - talkStart) / weights.length;
  const speeches = size.events - size.people - leavers;
  let given = 0;
  weights.forEach((weight, stretch) => {
    const count =
      stretch === weights.length - 1
        ? speeches - given
        : 2 * Math.round((speeches * weight) / total / 2);
    const from = talkStart + stretch * stretchMs;
    for (let index = 0; index < count; index += 1) {
      events.push({
        at: from + (stretchMs * index) / count,
        person: given + index,
        type: 'speech',
      });
    }
    given += count;
  });
  events.sort((a, b) => a.at - b.at);
  const createdAt: number[] = [];
  for (const event of events) {
    const at = Math.round(event.at);
    const options = { createdAtMs: at, timestampMs: at };
    createdAt.push(at);
    if (event.type === 'join') {
      const person = event.person;
      simulator.join(
        botId,
        { uuid: `person-${person}`, name: `Person ${person}`, isHost: person < 2 },
        options,
      );
    } else if (event.type === 'leave') simulator.leave(botId, `person-${event.person}`, options);
    else {
      // Start/stop pairs by consecutive speech events, as in `populateMeeting`.
      const uuid = `person-${(event.person >> 1) % size.people}`;
      if (event.person % 2 === 0) simulator.speechStart(botId, uuid, options);
      else simulator.speechStop(botId, uuid, options);
    }
  }
  return { createdAt, presentAtEnd: size.people - leavers };
}
