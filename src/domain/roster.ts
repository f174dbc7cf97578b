import {
  snapshotParticipant,
  type AttendanceState,
  type ParticipantState,
} from './attendance-state';
import { compareNames } from '../lib/names';
import { firstIndexAfter } from '../lib/sorted-search';

/**
 * Who is in the meeting now: hosts first, then by when they joined (earliest first), then by
 * name, with unnamed participants after named ones. Costs O(present log present), not O(history).
 */
export function presentParticipants(state: AttendanceState): ParticipantState[] {
  return Array.from(state.present, snapshotParticipant).sort(compareForRoster);
}

/** The roster kept from one poll to the next by `refreshPresentRoster`. */
export interface PresentRoster {
  /** `presentParticipants(state)` as of the last refresh: a new array whenever it changed. */
  participants: readonly ParticipantState[];
  /** The snapshot in `participants` of each participant there, by uuid. */
  readonly byUuid: Map<string, ParticipantState>;
}

export function createPresentRoster(): PresentRoster {
  return { participants: [], byUuid: new Map() };
}

/**
 * Brings `roster` up to date with `state`, given who had events (or a host change) since the
 * last refresh (`changed`): everyone else keeps their snapshot and their place, and each changed
 * participant is taken out where their old snapshot sorts and put back where the new one does,
 * by binary search. A poll touches a few of the thousands present, and sorting them all again
 * (a snapshot each) took a good part of the frame that shows the poll. In place, like applyEvents.
 */
export function refreshPresentRoster(
  roster: PresentRoster,
  state: AttendanceState,
  changed: ReadonlySet<string>,
): void {
  if (changed.size === 0) return;
  // Past a point, one sort of everyone is cheaper than many insertions (the first read is one).
  if (changed.size > 64) return sortPresentRoster(roster, state);
  const participants = roster.participants.slice();
  for (const uuid of changed) {
    const record = state.participants.get(uuid);
    const participant = record?.present ? snapshotParticipant(record) : undefined;
    const before = roster.byUuid.get(uuid);
    if (before !== undefined) {
      const at = firstIndexAfter(participants, sortsFrom(before));
      // The order is total, so the old snapshot is exactly there; if not, the list is off.
      if (participants[at] !== before) return sortPresentRoster(roster, state);
      // Most changes (speaking, a rename that sorts the same) keep the place: no shifting.
      if (participant !== undefined && compareForRoster(participant, before) === 0) {
        participants[at] = participant;
        roster.byUuid.set(uuid, participant);
        continue;
      }
      participants.splice(at, 1);
      roster.byUuid.delete(uuid);
    }
    if (participant === undefined) continue;
    participants.splice(firstIndexAfter(participants, sortsFrom(participant)), 0, participant);
    roster.byUuid.set(uuid, participant);
  }
  roster.participants = participants;
}

function sortPresentRoster(roster: PresentRoster, state: AttendanceState): void {
  roster.participants = presentParticipants(state);
  roster.byUuid.clear();
  for (const participant of roster.participants) roster.byUuid.set(participant.uuid, participant);
}

/** For binary search: true from where `participant` sorts on (the order is total). */
function sortsFrom(participant: ParticipantState) {
  return (other: ParticipantState) => compareForRoster(other, participant) >= 0;
}

/** O(1): applyEvents keeps the set of present participants up to date. */
export function presentCount(state: AttendanceState): number {
  return state.present.size;
}

export function participantByUuid(
  state: AttendanceState,
  uuid: string,
): ParticipantState | undefined {
  const record = state.participants.get(uuid);
  return record === undefined ? undefined : snapshotParticipant(record);
}

export function compareForRoster(a: ParticipantState, b: ParticipantState): number {
  if (a.isHost !== b.isHost) return a.isHost ? -1 : 1;
  const joinedA = a.joinedAtMs ?? 0;
  const joinedB = b.joinedAtMs ?? 0;
  if (joinedA !== joinedB) return joinedA - joinedB;
  const byName = compareNames(a.name, b.name);
  if (byName !== 0) return byName;
  // Names are not unique: first seen first keeps the order stable from one poll to the next.
  return a.firstSeenSeq - b.firstSeenSeq;
}
