import { MEETING_NAMES } from './meeting-names.ts';
import { SeededRandom } from './seeded-random.ts';

export interface MeetingScriptOptions {
  /** Target headcount; default: drawn from 20..60. */
  participants?: number;
  /** The meeting started this long before the simulator was created; default 40. */
  historyMinutes?: number;
  /** Keep generating events as the clock advances; default true. */
  live?: boolean;
  /**
   * Speech events, as a bot created with recording_settings.record_participant_speech_start_stop_events
   * on records them; default true. False plays the same kind of meeting with joins and leaves only.
   */
  speechEvents?: boolean;
  /**
   * The meeting ends after this many minutes (drawn between the two, from its start) and a new
   * one starts a little later under the same bot, as a recurring meeting would: everyone leaves,
   * then new people join. Default: one meeting that never ends. The first meeting lasts at least
   * until MIN_FIRST_SESSION_LEFT_MS after the script is created.
   */
  sessionMinutes?: { min: number; max: number };
}

export interface ScriptedParticipant {
  uuid: string;
  name: string | null;
  userUuid: string | null;
  isHost: boolean;
}

export interface ScriptedEvent {
  /** Which meeting of a recurring series the event belongs to, from 0. */
  session: number;
  createdAtMs: number;
  eventType: 'join' | 'leave' | 'speech_start' | 'speech_stop';
  participant: ScriptedParticipant;
}

interface Person {
  name: string | null;
  userUuid: string | null;
  isHost: boolean;
  /** Some platforms give a rejoining participant a new participant_uuid. */
  rejoinsUnderNewUuid: boolean;
  /** Relative chance of being the next to speak. */
  talkativeness: number;
  uuid: string | null;
  present: boolean;
  speaking: boolean;
}

/** Zoom-style participant ids: a base plus steps of 1024. */
const FIRST_ZOOM_UUID = 16778240;
const MEAN_GAP_MS = 2500;
const MIN_GAP_MS = 500;
/** Between the last leave of one session and the first join of the next. */
const SESSION_BREAK_MS = 2 * 60_000;
/** Someone who opens the demo just as the server starts still sees a meeting for a while. */
const MIN_FIRST_SESSION_LEFT_MS = 20 * 60_000;

function hexUuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A believable meeting, generated lazily and deterministically from a seed: hosts first, people
 * already there when the bot arrives, late arrivals, leavers and rejoiners, and much more speech
 * than joins and leaves. Headcount hovers just under the target.
 */
export class MeetingScript {
  readonly startMs: number;
  readonly targetHeadcount: number;
  private readonly endMs: number;
  private readonly speechEvents: boolean;
  private readonly random: SeededRandom;
  /** Session lengths have their own sequence: the first session plays as a lone meeting would. */
  private readonly sessionRandom: SeededRandom;
  private readonly sessionMinutes: { min: number; max: number } | null;
  private people: Person[];
  private readonly queue: ScriptedEvent[] = [];
  private nextHappeningMs: number;
  private session = 0;
  private sessionEndMs: number;
  private uuidCount = 0;

  constructor(options: MeetingScriptOptions, seed: number, createdAtMs: number) {
    this.random = new SeededRandom(seed);
    this.sessionRandom = new SeededRandom(seed ^ 0x5e55_1011);
    this.sessionMinutes = options.sessionMinutes ?? null;
    this.targetHeadcount = Math.max(1, Math.round(options.participants ?? this.random.int(20, 60)));
    this.startMs = createdAtMs - (options.historyMinutes ?? 40) * 60_000;
    this.endMs = options.live === false ? createdAtMs : Number.POSITIVE_INFINITY;
    this.speechEvents = options.speechEvents ?? true;
    this.sessionEndMs = Math.max(
      this.drawSessionEnd(this.startMs),
      createdAtMs + MIN_FIRST_SESSION_LEFT_MS,
    );
    this.people = this.castPeople();
    this.queueOpeningJoins(this.startMs);
    this.nextHappeningMs = this.startMs + 5_000 + this.random.int(0, 3_000);
  }

  /** The scripted events created at or before `untilMs` not returned yet, oldest first. */
  advanceTo(untilMs: number): ScriptedEvent[] {
    const limit = Math.min(untilMs, this.endMs);
    for (;;) {
      if (this.sessionEndMs <= Math.min(this.nextHappeningMs, limit)) {
        this.startNextSession();
        continue;
      }
      if (this.nextHappeningMs > limit) break;
      this.happen(this.nextHappeningMs);
      this.nextHappeningMs += MIN_GAP_MS + Math.round(this.random.exponential(MEAN_GAP_MS));
    }
    let due = 0;
    while (due < this.queue.length && (this.queue[due] as ScriptedEvent).createdAtMs <= limit) {
      due += 1;
    }
    return this.queue.splice(0, due);
  }

  private drawSessionEnd(sessionStartMs: number): number {
    if (this.sessionMinutes === null) return Number.POSITIVE_INFINITY;
    const { min, max } = this.sessionMinutes;
    return sessionStartMs + this.sessionRandom.int(min * 60_000, max * 60_000);
  }

  /** Everyone present leaves (speakers stop first); a new cast joins after a break. */
  private startNextSession(): void {
    const endMs = this.sessionEndMs;
    this.people
      .filter((person) => person.present)
      .forEach((person, index) => {
        // After any leave the last happening queued (up to 400 ms on), so the queue stays in order.
        const atMs = endMs + 500 + index * 40;
        if (person.speaking) this.queueEvent(person, 'speech_stop', atMs);
        this.queueEvent(person, 'leave', atMs);
        person.present = false;
        person.speaking = false;
      });
    const nextStartMs = endMs + SESSION_BREAK_MS;
    this.session += 1;
    this.sessionEndMs = this.drawSessionEnd(nextStartMs);
    this.people = this.castPeople();
    this.queueOpeningJoins(nextStartMs);
    this.nextHappeningMs = nextStartMs + 5_000 + this.random.int(0, 3_000);
  }

  private castPeople(): Person[] {
    const count = this.targetHeadcount;
    const shuffled = this.random.shuffle(MEETING_NAMES);
    const names: (string | null)[] = Array.from(
      { length: count },
      (_, index) => shuffled[index % shuffled.length] ?? null,
    );
    if (count >= 8) {
      // Names are free text: two people may pick the same one, and some platforms give none.
      names[count - 1] = names[1] ?? null;
      if (this.random.chance(0.5)) names[count - 2] = names[3] ?? null;
      names[count - 3] = null;
      if (this.random.chance(0.5)) names[count - 4] = null;
    }
    const hostCount = this.random.chance(0.3) ? 2 : 1;
    return names.map((name, index) => {
      const isHost = index < hostCount;
      const userUuid = !isHost && this.random.chance(0.2) ? null : hexUuid(this.random);
      return {
        name,
        userUuid,
        isHost,
        rejoinsUnderNewUuid: userUuid !== null && this.random.chance(0.6),
        talkativeness: isHost ? 6 : this.random.pick([0.2, 0.5, 1, 1, 2, 4]),
        uuid: null,
        present: false,
        speaking: false,
      };
    });
  }

  /** Whoever is in the meeting when the bot arrives gets a join at once, hosts first. */
  private queueOpeningJoins(atMs: number): void {
    const opening = Math.round(this.targetHeadcount * 0.55);
    const [hosts, others] = [
      this.people.filter((p) => p.isHost),
      this.people.filter((p) => !p.isHost),
    ];
    const alreadyThere = [
      ...hosts,
      ...this.random.shuffle(others).slice(0, opening - hosts.length),
    ];
    alreadyThere.forEach((person, index) => {
      // The bot reports them in bursts, so several joins share one created_at.
      this.queueJoin(person, atMs + Math.floor(index / 3) * 7);
    });
  }

  private happen(atMs: number): void {
    const present = this.people.filter((p) => p.present);
    const absent = this.people.filter((p) => !p.present);
    const shortfall = (this.targetHeadcount - present.length) / this.targetHeadcount;
    const joinChance = absent.length === 0 ? 0 : 0.03 + 0.5 * shortfall;
    const leaveChance = 0.06 * (1 - shortfall);
    const roll = this.random.next();
    if (roll < joinChance) {
      this.arrive(absent, atMs);
    } else if (roll < joinChance + leaveChance) {
      this.depart(present, atMs);
    } else {
      this.speak(present, atMs);
    }
  }

  private arrive(absent: Person[], atMs: number): void {
    // Newcomers are likelier than returners while there still are newcomers.
    const person = this.random.pickWeighted(absent, (p) => (p.uuid === null ? 3 : 1));
    this.queueJoin(person, atMs);
  }

  private depart(present: Person[], atMs: number): void {
    const candidates = present.filter((p) => !p.isHost);
    if (candidates.length === 0) return;
    const person = this.random.pick(candidates);
    if (person.speaking) this.queueEvent(person, 'speech_stop', atMs);
    this.queueEvent(person, 'leave', atMs + this.random.int(20, 400));
    person.present = false;
    person.speaking = false;
  }

  private speak(present: Person[], atMs: number): void {
    if (!this.speechEvents) return;
    const speakers = present.filter((p) => p.speaking);
    const listeners = present.filter((p) => !p.speaking);
    const stop = speakers.length > 0 && (speakers.length >= 2 || this.random.chance(0.55));
    if (stop || listeners.length === 0) {
      if (speakers.length === 0) return;
      const person = this.random.pick(speakers);
      person.speaking = false;
      this.queueEvent(person, 'speech_stop', atMs);
      return;
    }
    const person = this.random.pickWeighted(listeners, (p) => p.talkativeness);
    person.speaking = true;
    this.queueEvent(person, 'speech_start', atMs);
  }

  private queueJoin(person: Person, atMs: number): void {
    if (person.uuid === null || person.rejoinsUnderNewUuid) {
      person.uuid = String(FIRST_ZOOM_UUID + this.uuidCount * 1024);
      this.uuidCount += 1;
    }
    person.present = true;
    this.queueEvent(person, 'join', atMs);
  }

  private queueEvent(person: Person, eventType: ScriptedEvent['eventType'], atMs: number): void {
    if (person.uuid === null) throw new Error('A scripted event for someone who never joined');
    this.queue.push({
      session: this.session,
      createdAtMs: atMs,
      eventType,
      participant: {
        uuid: person.uuid,
        name: person.name,
        userUuid: person.userUuid,
        isHost: person.isHost,
      },
    });
  }
}
