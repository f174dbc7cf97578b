import { memo } from 'react';
import { timeAgo } from '../../lib/relative-time';
import { HostBadge } from '../../components/ui/badge';
import { SpeakingMark } from '../../components/ui/speaking-mark';
import type { ParticipantState } from '../../domain/attendance-state';
import { displayName } from '../../domain/describe-event';
import { clockTime } from '../../lib/clock-time';
import { formatDuration } from '../../lib/format-duration';
import { useFixedRowWindow } from '../../lib/use-fixed-row-window';

const ROW_HEIGHT_PX = 60;

export interface PresentRosterProps {
  participants: readonly ParticipantState[];
  nowMs: number;
  /** When the meeting ended; null while it goes on. Rows then say when they joined, not how long ago. */
  endedAtMs: number | null;
  /** What to say when nobody is present. */
  emptyMessage: string;
  /**
   * A past moment being shown (rewind): rows say when they joined and how long they had been in
   * by then, and who was speaking then. Null when live.
   */
  pastMomentMs?: number | null;
}

/**
 * Who is in the meeting right now: hosts first, then by join time. Only the rows on screen are
 * rendered, so a webinar with thousands present stays smooth.
 */
export const PresentRoster = memo(function PresentRoster({
  participants,
  nowMs,
  endedAtMs,
  emptyMessage,
  pastMomentMs = null,
}: PresentRosterProps) {
  const { setScroller, first, last, totalHeight } = useFixedRowWindow(
    participants.length,
    ROW_HEIGHT_PX,
  );

  if (participants.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{emptyMessage}</p>;
  }
  return (
    <div
      ref={setScroller}
      // Focusable, so the list (which holds nothing focusable) can be scrolled with the keyboard.
      role="region"
      aria-label="Roster (scrolls)"
      tabIndex={0}
      className="min-h-0 flex-1 overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600"
      data-virtual-scroll=""
    >
      <ul aria-label="Currently present" className="relative" style={{ height: totalHeight }}>
        {participants.slice(first, last).map((participant, offset) => {
          const index = first + offset;
          return (
            <li
              key={participant.uuid}
              aria-setsize={participants.length}
              aria-posinset={index + 1}
              className="absolute inset-x-0 top-0 flex items-center gap-3 border-b border-slate-100 px-4 dark:border-slate-800"
              style={{ height: ROW_HEIGHT_PX, transform: `translateY(${index * ROW_HEIGHT_PX}px)` }}
            >
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
                  {/* Nobody is heard once the bot has left, whatever its last events said. */}
                  {participant.speaking && (pastMomentMs !== null || endedAtMs === null) && (
                    <SpeakingMark />
                  )}
                </span>
                {participant.joinedAtMs !== null && (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {pastMomentMs !== null
                      ? joinedBeforeMoment(participant.joinedAtMs, pastMomentMs)
                      : endedAtMs === null
                        ? `joined ${joinedAgo(participant.joinedAtMs, nowMs)}`
                        : joinedBeforeEnd(participant.joinedAtMs, endedAtMs)}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});

function initialOf(name: string | null): string {
  const first = name?.trim().codePointAt(0);
  return first === undefined ? '?' : String.fromCodePoint(first).toUpperCase();
}

/** The bot's clock may run ahead of ours: a join "in the future" is shown as just now. */
function joinedAgo(joinedAtMs: number, nowMs: number): string {
  if (nowMs - joinedAtMs < 5000) return 'just now';
  return timeAgo(joinedAtMs, nowMs);
}

/**
 * After the meeting, "joined 3 hours ago" would count the hours since it ended as time in it;
 * when they joined and how long they stayed to the end is what a reader wants.
 */
function joinedBeforeEnd(joinedAtMs: number, endedAtMs: number): string {
  const stayedMs = endedAtMs - joinedAtMs;
  if (stayedMs < 60_000) return `joined at ${clockTime(joinedAtMs)}, just before the end`;
  // The same wording as the table's Time present beside it, so the two read alike.
  return `joined at ${clockTime(joinedAtMs)}, in for ${formatDuration(stayedMs)}`;
}

function joinedBeforeMoment(joinedAtMs: number, momentMs: number): string {
  const inForMs = momentMs - joinedAtMs;
  if (inForMs < 60_000) return `joined at ${clockTime(joinedAtMs, true)}, just before`;
  return `joined at ${clockTime(joinedAtMs)}, in for ${formatDuration(inForMs)} by then`;
}
