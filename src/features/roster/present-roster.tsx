import { formatDistanceStrict } from 'date-fns';
import { HostBadge } from '../../components/ui/badge';
import { SpeakingMark } from '../../components/ui/speaking-mark';
import type { ParticipantState } from '../attendance/attendance-state';
import { displayName } from '../attendance/describe-event';

export interface PresentRosterProps {
  participants: readonly ParticipantState[];
  nowMs: number;
}

/** Who is in the meeting right now: hosts first, then by join time. */
export function PresentRoster({ participants, nowMs }: PresentRosterProps) {
  if (participants.length === 0) {
    return (
      <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
        Nobody is in the meeting right now.
      </p>
    );
  }
  return (
    <ul aria-label="Currently present" className="divide-y divide-slate-100 dark:divide-slate-800">
      {participants.map((participant) => (
        <li key={participant.uuid} className="flex items-center gap-3 px-4 py-2.5">
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-teal-100 text-sm font-semibold text-teal-900 dark:bg-teal-900/60 dark:text-teal-100"
          >
            {initialOf(participant.name)}
          </span>
          <span className="min-w-0 flex-1">
            <span className="flex items-center gap-2">
              <span className="truncate font-medium" dir="auto">
                {displayName(participant.name)}
              </span>
              {participant.isHost && <HostBadge />}
              {participant.speaking && <SpeakingMark />}
            </span>
            {participant.joinedAtMs !== null && (
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                joined {joinedAgo(participant.joinedAtMs, nowMs)}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function initialOf(name: string | null): string {
  const first = name?.trim().codePointAt(0);
  return first === undefined ? '?' : String.fromCodePoint(first).toUpperCase();
}

/** The bot's clock may run ahead of ours: a join "in the future" is shown as just now. */
function joinedAgo(joinedAtMs: number, nowMs: number): string {
  if (nowMs - joinedAtMs < 5000) return 'just now';
  return formatDistanceStrict(joinedAtMs, nowMs, { addSuffix: true });
}
