import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { format } from 'date-fns';
import { HostBadge } from '../../components/ui/badge';
import type { AttendanceState } from '../attendance/attendance-state';
import { describeEvent, displayName } from '../attendance/describe-event';
import { participantByUuid } from '../attendance/roster';
import { timelineEntryFromNewest, timelineSize, type TimelineView } from '../attendance/timeline';

const ROW_HEIGHT_PX = 44;

export interface EventTimelineProps {
  state: AttendanceState;
  /** Changes whenever the state does, so the list re-renders. */
  version: number;
  view: TimelineView;
}

/**
 * Every event, newest first. Only the rows on screen are rendered: a long meeting has hundreds of
 * thousands of events.
 */
export function EventTimeline({ state, version, view }: EventTimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = timelineSize(state, view);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read, not memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 8,
    initialRect: { width: 600, height: 640 },
    getItemKey: (index) => timelineEntryFromNewest(state, index, view).event.id,
  });

  if (count === 0) {
    return (
      <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
        No events yet. They appear here as people join, leave and speak.
      </p>
    );
  }
  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-y-auto"
      data-version={version}
      data-virtual-scroll=""
    >
      <ol aria-label="Timeline" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const { event } = timelineEntryFromNewest(state, row.index, view);
          const participant = participantByUuid(state, event.participant_uuid);
          const name = participant ? participant.name : event.participant_name;
          const isHost = participant ? participant.isHost : event.participant_is_host;
          return (
            <li
              key={row.key}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              className="absolute inset-x-0 top-0 flex items-center gap-3 border-b border-slate-100 px-4 text-sm dark:border-slate-800"
              style={{ height: ROW_HEIGHT_PX, transform: `translateY(${row.start}px)` }}
            >
              <time
                dateTime={new Date(event.timestamp_ms).toISOString()}
                className="shrink-0 font-mono text-xs text-slate-600 tabular-nums dark:text-slate-400"
              >
                {format(event.timestamp_ms, 'HH:mm:ss')}
              </time>
              <span className="flex min-w-0 flex-1 items-center gap-1.5">
                <span className="truncate font-medium" dir="auto">
                  {displayName(name)}
                </span>
                {isHost && <HostBadge />}
                <span className={`shrink-0 ${toneOf(event.event_type)}`}>
                  {describeEvent(event.event_type)}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function toneOf(eventType: string): string {
  if (eventType === 'join') return 'text-emerald-700 dark:text-emerald-400';
  if (eventType === 'leave') return 'text-rose-700 dark:text-rose-400';
  return 'text-slate-600 dark:text-slate-400';
}
