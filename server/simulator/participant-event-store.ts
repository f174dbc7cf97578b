import type { ParticipantEvent } from '../../src/common/participant-event.ts';

/** A participant row. Events point at it, so a host change shows on all of them. */
export interface StoredParticipant {
  id: string;
  uuid: string;
  name: string | null;
  userUuid: string | null;
  isHost: boolean;
  createdAtMs: number;
  committedAtMs: number;
}

/** An event row with the columns the API hides: created_at and when its transaction committed. */
export interface StoredEvent {
  id: string;
  participant: StoredParticipant;
  eventType: string;
  eventData: Record<string, unknown>;
  timestampMs: number;
  createdAtMs: number;
  committedAtMs: number;
  /**
   * Fields the API sends for this row instead of the usual ones (undefined removes one): for
   * tests of rows the page must survive, with fields missing, mistyped or unexpected.
   */
  apiFields?: Record<string, unknown>;
}

/**
 * A meeting that never ends (the demo's end and start again) must not grow without bound: past
 * this many events the oldest are dropped, as if the history had been cleaned up. About 5 hours
 * of the default script.
 */
export const DEFAULT_MAX_STORED_EVENTS = 20_000;
const EVENTS_DROPPED_AT_ONCE = 2_000;

/** The row as the API sends it; with `apiFields`, possibly not a valid ParticipantEvent at all. */
export function toApiEvent(event: StoredEvent): ParticipantEvent {
  const row: ParticipantEvent = {
    id: event.id,
    participant_name: event.participant.name,
    participant_uuid: event.participant.uuid,
    participant_user_uuid: event.participant.userUuid,
    participant_is_host: event.participant.isHost,
    event_type: event.eventType,
    event_data: { ...event.eventData },
    timestamp_ms: event.timestampMs,
  };
  if (event.apiFields === undefined) return row;
  const raw: Record<string, unknown> = { ...row, ...event.apiFields };
  for (const [name, value] of Object.entries(raw)) if (value === undefined) delete raw[name];
  return raw as unknown as ParticipantEvent;
}

/** One bot's participants and participant events, kept in created_at order. */
export class ParticipantEventStore {
  private readonly participantsByUuid = new Map<string, StoredParticipant>();
  /** Sorted by createdAtMs; rows with equal createdAtMs stay in insertion order. */
  private readonly events: StoredEvent[] = [];

  constructor(private readonly maxStoredEvents = DEFAULT_MAX_STORED_EVENTS) {}

  participant(uuid: string): StoredParticipant | undefined {
    return this.participantsByUuid.get(uuid);
  }

  addParticipant(participant: StoredParticipant): void {
    this.participantsByUuid.set(participant.uuid, participant);
  }

  addEvent(event: StoredEvent): void {
    const last = this.events[this.events.length - 1];
    if (last === undefined || last.createdAtMs <= event.createdAtMs) {
      this.events.push(event);
    } else {
      this.events.splice(this.insertionIndex(event.createdAtMs), 0, event);
    }
    if (this.events.length > this.maxStoredEvents) this.events.splice(0, EVENTS_DROPPED_AT_ONCE);
  }

  /** Committed events, created_at ascending. */
  visibleEvents(nowMs: number): StoredEvent[] {
    return this.events.filter((event) => event.committedAtMs <= nowMs);
  }

  /**
   * The first `limit` committed events created strictly after `afterMs` and strictly before
   * `beforeMs`, created_at ascending. A binary search and a short scan: a page of a long meeting
   * costs the same as a page of a short one.
   */
  visibleEventsBetween(
    nowMs: number,
    afterMs: number | null,
    beforeMs: number | null,
    limit: number,
  ): StoredEvent[] {
    const rows: StoredEvent[] = [];
    const start = afterMs === null ? 0 : this.insertionIndex(afterMs);
    for (let index = start; index < this.events.length && rows.length < limit; index += 1) {
      const event = this.events[index] as StoredEvent;
      if (beforeMs !== null && event.createdAtMs >= beforeMs) break;
      if (event.committedAtMs <= nowMs) rows.push(event);
    }
    return rows;
  }

  /** Committed participants, created_at ascending. */
  visibleParticipants(nowMs: number): StoredParticipant[] {
    return [...this.participantsByUuid.values()]
      .filter((participant) => participant.committedAtMs <= nowMs)
      .sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  /** The index after every event created at or before `createdAtMs`. */
  private insertionIndex(createdAtMs: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.events[middle] as StoredEvent).createdAtMs <= createdAtMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
