import type { ParticipantEvent } from '../../src/common/participant-event.ts';
import { routeAttendeeRequest } from './attendee-api-routes.ts';
import type { BotRecord } from './attendee-api-routes.ts';
import { botEventTypeFor, isMeetingOver } from './bot-states.ts';
import { realClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { MeetingScript } from './meeting-script.ts';
import type { MeetingScriptOptions, ScriptedEvent } from './meeting-script.ts';
import { ParticipantEventStore, toApiEvent } from './participant-event-store.ts';
import type { StoredParticipant } from './participant-event-store.ts';
import { hashSeed, SeededRandom } from './seeded-random.ts';

export type { MeetingScriptOptions } from './meeting-script.ts';

/** An event stored (visible from `committedAtMs`) or a bot's state changed. */
export type StoredChange =
  | { kind: 'event'; botId: string; event: ParticipantEvent; committedAtMs: number }
  | { kind: 'state'; botId: string; oldState: string; newState: string; atMs: number };

export interface SimulatorOptions {
  clock?: Clock;
  /** Seed of the deterministic PRNG; default 1. */
  seed?: number;
  /** timestamp_ms = server time + skew + jitter (±300 ms); default -800. */
  botClockSkewMs?: number;
  /** Chance that a scripted event commits late; default 0.04. */
  lateCommitProbability?: number;
  /** A late commit becomes visible 1000..max ms after its created_at; default 4000. */
  lateCommitMaxDelayMs?: number;
  pageSize?: number;
  /** Events kept per bot before the oldest are dropped; raise it for large-meeting benchmarks. */
  maxStoredEvents?: number;
}

export interface EmitOptions {
  /** The event becomes visible this long after its created_at; default 0. */
  commitDelayMs?: number;
  timestampMs?: number;
  createdAtMs?: number;
  /** Replace (or, with undefined, remove) fields of the row the API sends: see StoredEvent. */
  apiFields?: Record<string, unknown>;
}

export interface ParticipantSpec {
  uuid: string;
  name: string | null;
  userUuid?: string | null;
  isHost?: boolean;
}

interface SimulatedBot extends BotRecord {
  script: MeetingScript | null;
  /** The scripted session the store holds; a new one starts with an empty store. */
  session: number;
  random: SeededRandom;
}

interface NewEvent {
  eventType: string;
  eventData: Record<string, unknown>;
  createdAtMs: number;
  committedAtMs: number;
  timestampMs?: number;
  apiFields?: Record<string, unknown>;
}

const TIMESTAMP_JITTER_MS = 300;

/**
 * The Attendee API as docs/attendee-api.md describes it, in memory: for the demo,
 * the dev server and tests. Scripted meetings are generated lazily up to the clock's now.
 * It keeps nothing a long-running demo would pile up: the request log, faults and response
 * delays that tests and benchmarks use are in server/testing/instrumented-attendee.ts.
 */
export class SimulatedAttendee {
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    this.handle(new Request(input, init));

  protected readonly clock: Clock;
  private readonly seed: number;
  private readonly botClockSkewMs: number;
  private readonly lateCommitProbability: number;
  private readonly lateCommitMaxDelayMs: number;
  private readonly pageSize: number;
  private readonly maxStoredEvents: number | undefined;
  private readonly bots = new Map<string, SimulatedBot>();

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.seed = options.seed ?? 1;
    this.botClockSkewMs = options.botClockSkewMs ?? -800;
    this.lateCommitProbability = options.lateCommitProbability ?? 0.04;
    this.lateCommitMaxDelayMs = Math.max(1000, options.lateCommitMaxDelayMs ?? 4000);
    this.pageSize = options.pageSize ?? 25;
    this.maxStoredEvents = options.maxStoredEvents;
  }

  addBot(config: {
    id: string;
    apiKey: string;
    meeting?: MeetingScriptOptions | null;
    state?: string;
    metadata?: Record<string, string> | null;
    /** Default: a Google Meet address drawn from the seed. */
    meetingUrl?: string;
    /** The bot's own events, for a meeting in the past; default: it asked to join just now. */
    botEvents?: readonly { type: string; atMs: number }[];
    /** When the bot joined, for a meeting filled in by hand; default its script's start, or now. */
    joinedAtMs?: number;
  }): void {
    const now = this.clock.now();
    const script = config.meeting
      ? new MeetingScript(config.meeting, hashSeed(this.seed, config.id), now)
      : null;
    const random = new SeededRandom(hashSeed(this.seed + 1, config.id));
    const joinedAt = config.joinedAtMs ?? script?.startMs ?? now;
    const state = config.state ?? 'joined_recording';
    const botEvents: BotRecord['botEvents'] = [
      {
        type: 'join_requested',
        sub_type: null,
        created_at: new Date(joinedAt - 12_000).toISOString(),
      },
    ];
    if (state !== 'joining') {
      botEvents.push({
        type: botEventTypeFor(state),
        sub_type: null,
        created_at: new Date(joinedAt - 400).toISOString(),
      });
    }
    if (config.botEvents !== undefined) {
      botEvents.splice(
        0,
        botEvents.length,
        ...config.botEvents.map((event) => ({
          type: event.type,
          sub_type: null,
          created_at: new Date(event.atMs).toISOString(),
        })),
      );
    }
    this.bots.set(config.id, {
      id: config.id,
      apiKey: config.apiKey,
      state,
      meetingUrl:
        config.meetingUrl ??
        `https://meet.google.com/${random.alphanumeric(3).toLowerCase()}-${random.alphanumeric(4).toLowerCase()}-${random.alphanumeric(3).toLowerCase()}`,
      metadata: config.metadata ?? null,
      // Bots added in one millisecond still list in the order they were added (ties keep it).
      createdAtMs: now,
      botEvents,
      store: new ParticipantEventStore(this.maxStoredEvents),
      script,
      session: 0,
      random,
    });
  }

  /** The simulator's clock now: what a meeting set in the past is dated from. */
  nowMs(): number {
    return this.clock.now();
  }

  handle(request: Request): Promise<Response> {
    return Promise.resolve(this.route(request));
  }

  /** The answer, at once; `onPageServed` hears how many rows a list page held. */
  protected route(request: Request, onPageServed?: (rows: number) => void): Response {
    return routeAttendeeRequest({
      onPageServed,
      request,
      nowMs: this.clock.now(),
      pageSize: this.pageSize,
      findBot: (botId) => {
        const bot = this.bots.get(botId);
        if (bot) this.materialize(bot);
        return bot;
      },
      botsOf: (apiKey) => [...this.bots.values()].filter((bot) => bot.apiKey === apiKey),
      isKnownKey: (apiKey) => [...this.bots.values()].some((bot) => bot.apiKey === apiKey),
    });
  }

  join(botId: string, p: ParticipantSpec, opts: EmitOptions = {}): ParticipantEvent {
    const bot = this.bot(botId);
    const createdAtMs = opts.createdAtMs ?? this.clock.now();
    const committedAtMs = createdAtMs + (opts.commitDelayMs ?? 0);
    const participant =
      bot.store.participant(p.uuid) ??
      this.createParticipant(
        bot,
        { ...p, userUuid: p.userUuid ?? null, isHost: p.isHost ?? false },
        createdAtMs,
        committedAtMs,
      );
    if (p.isHost !== undefined) participant.isHost = p.isHost;
    return this.addEvent(bot, participant, {
      eventType: 'join',
      eventData: {},
      createdAtMs,
      committedAtMs,
      timestampMs: opts.timestampMs,
      apiFields: opts.apiFields,
    });
  }

  leave(botId: string, uuid: string, opts?: EmitOptions): ParticipantEvent {
    return this.emit(botId, uuid, 'leave', opts);
  }

  speechStart(botId: string, uuid: string, opts?: EmitOptions): ParticipantEvent {
    return this.emit(botId, uuid, 'speech_start', opts);
  }

  speechStop(botId: string, uuid: string, opts?: EmitOptions): ParticipantEvent {
    return this.emit(botId, uuid, 'speech_stop', opts);
  }

  emit(
    botId: string,
    uuid: string,
    eventType: string,
    opts: EmitOptions & { eventData?: Record<string, unknown> } = {},
  ): ParticipantEvent {
    const bot = this.bot(botId);
    const createdAtMs = opts.createdAtMs ?? this.clock.now();
    return this.addEvent(bot, this.participant(bot, uuid), {
      eventType,
      eventData: opts.eventData ?? {},
      createdAtMs,
      committedAtMs: createdAtMs + (opts.commitDelayMs ?? 0),
      timestampMs: opts.timestampMs,
      apiFields: opts.apiFields,
    });
  }

  /** Host changes are not events: the participant row changes in place. */
  setHost(botId: string, uuid: string, isHost: boolean): void {
    this.participant(this.bot(botId), uuid).isHost = isHost;
  }

  /**
   * Told of each event as it is stored (with the moment it commits) and of each state change:
   * what Attendee's webhooks announce (webhook-sender.ts).
   */
  onStored: ((change: StoredChange) => void) | null = null;

  /** Brings every scripted meeting up to now, as reading each bot would. */
  advanceAll(): void {
    for (const bot of this.bots.values()) this.materialize(bot);
  }

  setState(botId: string, state: string): void {
    const bot = this.bot(botId);
    this.onStored?.({
      kind: 'state',
      botId,
      oldState: bot.state,
      newState: state,
      atMs: this.clock.now(),
    });
    bot.state = state;
    bot.botEvents.push({
      type: botEventTypeFor(state),
      sub_type: null,
      created_at: new Date(this.clock.now()).toISOString(),
    });
  }

  visibleEvents(botId: string): ParticipantEvent[] {
    return this.bot(botId).store.visibleEvents(this.clock.now()).map(toApiEvent);
  }

  /** The bot, with its scripted meeting brought up to now. */
  private bot(botId: string): SimulatedBot {
    const bot = this.bots.get(botId);
    if (!bot) throw new Error(`No simulated bot ${botId}`);
    this.materialize(bot);
    return bot;
  }

  private participant(bot: SimulatedBot, uuid: string): StoredParticipant {
    const participant = bot.store.participant(uuid);
    if (!participant) throw new Error(`No participant ${uuid} in bot ${bot.id}; join them first`);
    return participant;
  }

  private materialize(bot: SimulatedBot): void {
    if (bot.script === null || isMeetingOver(bot.state)) return;
    for (const scripted of bot.script.advanceTo(this.clock.now())) this.addScripted(bot, scripted);
  }

  private addScripted(bot: SimulatedBot, scripted: ScriptedEvent): void {
    const { createdAtMs } = scripted;
    if (scripted.session !== bot.session) {
      // A new meeting under the same bot: its history starts afresh, so a viewer arriving at any
      // time loads one meeting, and a server up for months holds no more than one.
      bot.session = scripted.session;
      bot.store = new ParticipantEventStore(this.maxStoredEvents);
    }
    const lateBy = bot.random.chance(this.lateCommitProbability)
      ? bot.random.int(1000, this.lateCommitMaxDelayMs)
      : 0;
    const committedAtMs = createdAtMs + lateBy;
    const participant =
      bot.store.participant(scripted.participant.uuid) ??
      this.createParticipant(bot, scripted.participant, createdAtMs, committedAtMs);
    this.addEvent(bot, participant, {
      eventType: scripted.eventType,
      eventData: {},
      createdAtMs,
      committedAtMs,
    });
  }

  private createParticipant(
    bot: SimulatedBot,
    spec: Required<ParticipantSpec>,
    createdAtMs: number,
    committedAtMs: number,
  ): StoredParticipant {
    const participant: StoredParticipant = {
      id: `par_${bot.random.alphanumeric(16)}`,
      uuid: spec.uuid,
      name: spec.name,
      userUuid: spec.userUuid,
      isHost: spec.isHost,
      createdAtMs,
      committedAtMs,
    };
    bot.store.addParticipant(participant);
    return participant;
  }

  private addEvent(
    bot: SimulatedBot,
    participant: StoredParticipant,
    event: NewEvent,
  ): ParticipantEvent {
    const jitter = bot.random.int(-TIMESTAMP_JITTER_MS, TIMESTAMP_JITTER_MS);
    const stored = {
      id: `pe_${bot.random.alphanumeric(16)}`,
      participant,
      eventType: event.eventType,
      eventData: event.eventData,
      timestampMs: event.timestampMs ?? event.createdAtMs + this.botClockSkewMs + jitter,
      createdAtMs: event.createdAtMs,
      committedAtMs: event.committedAtMs,
      ...(event.apiFields && { apiFields: event.apiFields }),
    };
    bot.store.addEvent(stored);
    const apiEvent = toApiEvent(stored);
    this.onStored?.({
      kind: 'event',
      botId: bot.id,
      event: apiEvent,
      committedAtMs: event.committedAtMs,
    });
    return apiEvent;
  }
}
