import { useState } from 'react';
import { useFixedRowWindow } from '../../lib/use-fixed-row-window';
import { firstIndexAfter } from '../../lib/sorted-search';
import { clockTime } from '../../lib/clock-time';
import { HostBadge } from '../../components/ui/badge';
import type { AttendanceState } from '../../domain/attendance-state';
import { describeEvent, displayName } from '../../domain/describe-event';
import { participantByUuid } from '../../domain/roster';
import { entryFromNewest, timelineEntries, type TimelineView } from '../../domain/timeline';
import {
  createFilteredTimelineCache,
  filteredTimeline,
  isFiltering,
  NO_FILTER,
  showsSpeech,
  type ParticipantPick,
  type TimelineFilter,
} from './timeline-filter';

const ROW_HEIGHT_PX = 44;

export interface EventTimelineProps {
  state: AttendanceState;
  /** Changes whenever the state does, so the list re-renders. */
  version: number;
  view: TimelineView;
  filter?: TimelineFilter;
  /** When given, names are buttons that narrow the timeline to that person. */
  onPickParticipant?: (pick: ParticipantPick) => void;
  /** Show only the events up to this moment (rewind); null or absent: all of them. */
  untilMs?: number | null;
}

/**
 * Every event, newest first. Only the rows on screen are rendered: a long meeting has hundreds of
 * thousands of events. Unfiltered, the list indexes the state's own arrays in O(1); filtered, it
 * indexes the filter's cached result (see timeline-filter.ts for what building that costs).
 */
export function EventTimeline({
  state,
  version,
  view,
  filter = NO_FILTER,
  onPickParticipant,
  untilMs = null,
}: EventTimelineProps) {
  const [cache] = useState(createFilteredTimelineCache);
  const base = timelineEntries(state, { includeSpeech: showsSpeech(view, filter) });
  const all = isFiltering(filter) ? filteredTimeline(cache, state, base, filter) : base;
  // Both lists are sorted by time, so the events up to a moment are a prefix: a binary search.
  const count =
    untilMs === null
      ? all.length
      : firstIndexAfter(all, (received) => received.event.timestamp_ms > untilMs);

  const { setScroller, first, last, totalHeight } = useFixedRowWindow(count, ROW_HEIGHT_PX);

  if (count === 0) {
    return (
      <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
        {isFiltering(filter)
          ? 'No events match these filters.'
          : untilMs !== null
            ? 'No events by then.'
            : 'No events yet. They appear here as people join, leave and speak.'}
      </p>
    );
  }
  return (
    <div
      ref={setScroller}
      className="min-h-0 flex-1 overflow-y-auto"
      data-version={version}
      data-virtual-scroll=""
    >
      <ol aria-label="Timeline" className="relative" style={{ height: totalHeight }}>
        {rowIndexes(first, last).map((index) => {
          const { event } = entryFromNewest(all, index, count);
          const participant = participantByUuid(state, event.participant_uuid);
          const name = displayName(participant ? participant.name : event.participant_name);
          const isHost = participant ? participant.isHost : event.participant_is_host;
          const pick = {
            uuid: event.participant_uuid,
            userUuid: event.participant_user_uuid,
            name,
          };
          return (
            <li
              key={event.id}
              aria-setsize={count}
              aria-posinset={index + 1}
              className="absolute inset-x-0 flex items-center gap-3 border-b border-slate-100 px-4 text-sm dark:border-slate-800"
              // Placed from the list's end, which is the oldest event: a new event goes on top
              // and every row already there keeps its style: nothing to write, nothing to restyle.
              style={{ height: ROW_HEIGHT_PX, bottom: (count - 1 - index) * ROW_HEIGHT_PX }}
            >
              <time
                dateTime={new Date(event.timestamp_ms).toISOString()}
                className="shrink-0 font-mono text-xs text-slate-600 tabular-nums dark:text-slate-400"
              >
                {clockTime(event.timestamp_ms, true)}
              </time>
              <span className="flex min-w-0 flex-1 items-center gap-1.5">
                {onPickParticipant ? (
                  <button
                    type="button"
                    onClick={() => onPickParticipant(pick)}
                    aria-describedby={PICK_HINT_ID}
                    className="truncate rounded font-medium hover:underline focus-visible:outline-2 focus-visible:outline-teal-600"
                    dir="auto"
                  >
                    {name}
                  </button>
                ) : (
                  <span className="truncate font-medium" dir="auto">
                    {name}
                  </span>
                )}
                {isHost && <HostBadge />}
                <span className={`shrink-0 ${toneOf(event.event_type)}`}>
                  {describeEvent(event.event_type)}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {onPickParticipant && (
        <p id={PICK_HINT_ID} hidden>
          Show only this person’s events
        </p>
      )}
    </div>
  );
}

// One page shows one timeline, so a fixed id for the shared hint is safe.
const PICK_HINT_ID = 'timeline-pick-hint';

function rowIndexes(first: number, last: number): number[] {
  return Array.from({ length: last - first }, (_, offset) => first + offset);
}

function toneOf(eventType: string): string {
  if (eventType === 'join') return 'text-emerald-700 dark:text-emerald-400';
  if (eventType === 'leave') return 'text-rose-700 dark:text-rose-400';
  return 'text-slate-600 dark:text-slate-400';
}
