import { memo, useId, useState } from 'react';
import type { AttendanceState } from '../../domain/attendance-state';
import { EventTimeline } from '../../features/timeline/event-timeline';
import { TimelineFilters } from '../../features/timeline/timeline-filters';
import { NO_FILTER, type TimelineFilter } from '../../features/timeline/timeline-filter';

export interface TimelineSectionProps {
  state: AttendanceState;
  version: number;
  className: string;
}

/** "What happened": the timeline with its speech toggle and filters. Re-rendered only on new events. */
export const TimelineSection = memo(function TimelineSection({
  state,
  version,
  className,
}: TimelineSectionProps) {
  const headingId = useId();
  const speechId = useId();
  const [showSpeech, setShowSpeech] = useState(false);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  return (
    <section aria-labelledby={headingId} className={className}>
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={headingId} className="font-semibold">
          What happened
        </h2>
        <label htmlFor={speechId} className="flex items-center gap-2 text-sm">
          <input
            id={speechId}
            type="checkbox"
            checked={showSpeech}
            onChange={(event) => setShowSpeech(event.target.checked)}
            className="size-4 accent-teal-700"
          />
          Show speaking
        </label>
      </div>
      <TimelineFilters filter={filter} onChange={setFilter} />
      <EventTimeline
        state={state}
        version={version}
        view={{ includeSpeech: showSpeech }}
        filter={filter}
        onPickParticipant={(participant) => setFilter({ ...filter, participant })}
      />
    </section>
  );
});
