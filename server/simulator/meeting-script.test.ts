import { describe, expect, it } from 'vitest';
import type { ParticipantEvent } from '../../src/common/participant-event.ts';
import { ManualClock } from './clock.ts';
import { SimulatedAttendee } from './simulated-attendee.ts';

const START = Date.UTC(2025, 0, 18, 12, 0, 0);
const BOT = 'bot_Script0000000001';

function meeting(seed: number) {
  const clock = new ManualClock(START);
  const simulator = new SimulatedAttendee({ clock, seed });
  simulator.addBot({ id: BOT, apiKey: 'key', meeting: { historyMinutes: 40 } });
  return { clock, simulator, events: simulator.visibleEvents(BOT) };
}

/** One identity per account where the platform gives one, else per participant_uuid. */
function people(events: ParticipantEvent[]): Set<string> {
  return new Set(events.map((e) => e.participant_user_uuid ?? `uuid:${e.participant_uuid}`));
}

describe.each([1, 2, 3, 4, 5])('the scripted meeting with seed %i', (seed) => {
  it('has at least 300 events over 40 minutes of history, mostly speech', () => {
    const { events } = meeting(seed);
    expect(events.length).toBeGreaterThanOrEqual(300);
    const speech = events.filter((e) => e.event_type.startsWith('speech_')).length;
    const joinsAndLeaves = events.filter(
      (e) => e.event_type === 'join' || e.event_type === 'leave',
    );
    expect(speech).toBeGreaterThan(3 * joinsAndLeaves.length);
  });

  it('has 20 to 60 people, one or two hosts, and a host joins first', () => {
    const { events } = meeting(seed);
    expect(people(events).size).toBeGreaterThanOrEqual(20);
    expect(people(events).size).toBeLessThanOrEqual(60);
    const hosts = new Set(
      events.filter((e) => e.participant_is_host).map((e) => e.participant_uuid),
    );
    expect([1, 2]).toContain(hosts.size);
    expect(events[0]).toMatchObject({ event_type: 'join', participant_is_host: true });
    expect(events.some((e) => e.participant_name === null)).toBe(true);
  });

  it('has people rejoining under a new participant_uuid with the same user uuid', () => {
    const { events } = meeting(seed);
    const uuidsByUser = new Map<string, Set<string>>();
    for (const event of events) {
      if (event.event_type !== 'join' || event.participant_user_uuid === null) continue;
      const uuids = uuidsByUser.get(event.participant_user_uuid) ?? new Set<string>();
      uuids.add(event.participant_uuid);
      uuidsByUser.set(event.participant_user_uuid, uuids);
    }
    expect([...uuidsByUser.values()].some((uuids) => uuids.size > 1)).toBe(true);
  });

  it('keeps going live, something every few seconds', () => {
    const { clock, simulator, events } = meeting(seed);
    clock.advance(60_000);
    expect(simulator.visibleEvents(BOT).length - events.length).toBeGreaterThanOrEqual(8);
  });
});

describe('the scripted meeting', () => {
  it('is deterministic for a seed', () => {
    expect(meeting(7).events).toEqual(meeting(7).events);
  });

  it('stops when the bot has left the meeting', () => {
    const { clock, simulator } = meeting(1);
    simulator.setState(BOT, 'leaving');
    const count = simulator.visibleEvents(BOT).length;
    clock.advance(600_000);
    // Late commits of events created before the bot left may still surface.
    expect(simulator.visibleEvents(BOT).length - count).toBeLessThan(5);
  });

  it('stays under its target headcount', () => {
    const clock = new ManualClock(START);
    const simulator = new SimulatedAttendee({ clock });
    simulator.addBot({ id: BOT, apiKey: 'key', meeting: { participants: 25 } });
    const present = new Set<string>();
    for (const event of simulator.visibleEvents(BOT)) {
      if (event.event_type === 'join') present.add(event.participant_uuid);
      if (event.event_type === 'leave') present.delete(event.participant_uuid);
      expect(present.size).toBeLessThanOrEqual(25);
    }
    expect(present.size).toBeGreaterThan(15);
  });
});

describe('a bot created without speech events', () => {
  it('plays a meeting with joins and leaves and no speech at all', () => {
    const simulator = new SimulatedAttendee({ clock: new ManualClock(START), seed: 3 });
    simulator.addBot({
      id: BOT,
      apiKey: 'key',
      meeting: { historyMinutes: 40, speechEvents: false },
    });
    const types = new Set(simulator.visibleEvents(BOT).map((e) => e.event_type));
    expect(types).toEqual(new Set(['join', 'leave']));
  });
});

describe('a recurring meeting (the demo)', () => {
  const SESSIONS = { min: 60, max: 90 };

  function recurring() {
    const clock = new ManualClock(START);
    const simulator = new SimulatedAttendee({ clock, seed: 7 });
    simulator.addBot({
      id: BOT,
      apiKey: 'key',
      meeting: { historyMinutes: 40, sessionMinutes: SESSIONS },
    });
    return { clock, simulator };
  }

  it('ends with everyone leaving, then a new meeting with new people starts under the same bot', () => {
    const { clock, simulator } = recurring();
    const firstMeeting = simulator.visibleEvents(BOT);
    let previous = firstMeeting;
    let minutes = 0;
    // Minute by minute until the history no longer starts with the first meeting's first event.
    while (simulator.visibleEvents(BOT)[0]?.id === firstMeeting[0]?.id) {
      previous = simulator.visibleEvents(BOT);
      clock.advance(60_000);
      minutes += 1;
    }
    // The first meeting began 40 minutes before the start and lasted 60 to 90 minutes.
    expect(minutes).toBeGreaterThanOrEqual(20);
    expect(minutes).toBeLessThanOrEqual(50 + 3);
    const presentAtTheEnd = new Set<string>();
    for (const event of previous) {
      if (event.event_type === 'join') presentAtTheEnd.add(event.participant_uuid);
      if (event.event_type === 'leave') presentAtTheEnd.delete(event.participant_uuid);
    }
    expect(presentAtTheEnd.size).toBe(0);
    clock.advance(10 * 60_000);
    const second = simulator.visibleEvents(BOT);
    expect(second[0]).toMatchObject({ event_type: 'join', participant_is_host: true });
    const firstUuids = new Set(previous.map((event) => event.participant_uuid));
    expect(second.some((event) => firstUuids.has(event.participant_uuid))).toBe(false);
  });

  it('holds one meeting’s events at most, however long it runs', () => {
    const { clock, simulator } = recurring();
    let most = 0;
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      clock.advance(7 * 60_000);
      most = Math.max(most, simulator.visibleEvents(BOT).length);
    }
    expect(most).toBeGreaterThan(1000);
    expect(most).toBeLessThanOrEqual(3000);
  });
});
