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
