import {
  snapshotParticipant,
  type AttendanceState,
  type ParticipantState,
} from './attendance-state';
import { compareNames } from '../lib/names';

/**
 * Who is in the meeting now: hosts first, then by when they joined (earliest first), then by
 * name, with unnamed participants after named ones. Costs O(present log present), not O(history).
 */
export function presentParticipants(state: AttendanceState): ParticipantState[] {
  return Array.from(state.present, snapshotParticipant).sort(compareForRoster);
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
