import { memo, useId, useState } from 'react';
import { clockTime } from '../../lib/clock-time';
import type { AttendanceState } from '../../domain/attendance-state';
import { EventTimeline } from '../../features/timeline/event-timeline';
import { TimelineFilters } from '../../features/timeline/timeline-filters';
import { NO_FILTER, type TimelineFilter } from '../../features/timeline/timeline-filter';

export interface TimelineSectionProps {
  state: AttendanceState;
  version: number;
  className: string;
  /** Show the events up to this moment only (rewind); null when live. */
  untilMs: number | null;
  /** False for a bot that records no speech (see speech-recording.ts): "Show speaking" says so. */
  speechRecorded: boolean;
}

/** "What happened": the timeline with its speech toggle and filters. Re-rendered only on new events. */
export const TimelineSection = memo(function TimelineSection({
  state,
  version,
  className,
  untilMs,
  speechRecorded,
}: TimelineSectionProps) {
  const headingId = useId();
  const [showSpeech, setShowSpeech] = useState(false);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  return (
    <section aria-labelledby={headingId} className={className}>
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={headingId} className="font-semibold">
          {untilMs === null ? 'What happened' : `What happened until ${clockTime(untilMs, true)}`}
        </h2>
        <SpeechToggle
          checked={showSpeech}
          onChange={setShowSpeech}
          speechRecorded={speechRecorded}
        />
      </div>
      <TimelineFilters filter={filter} onChange={setFilter} />
      <EventTimeline
        state={state}
        version={version}
        view={{ includeSpeech: showSpeech }}
        filter={filter}
        onPickParticipant={(participant) => setFilter({ ...filter, participant })}
        untilMs={untilMs}
      />
    </section>
  );
});

interface SpeechToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  speechRecorded: boolean;
}

/**
 * "Show speaking", apart so that new events do not render its checkbox again: React writes an
 * input's type and name whenever it renders it, a style pass in the frame that shows the events.
 */
const SpeechToggle = memo(function SpeechToggle({
  checked,
  onChange,
  speechRecorded,
}: SpeechToggleProps) {
  const speechId = useId();
  const speechNoteId = useId();
  return (
    <div className="text-right text-sm">
      <label htmlFor={speechId} className="inline-flex items-center gap-2">
        <input
          id={speechId}
          type="checkbox"
          checked={checked && speechRecorded}
          disabled={!speechRecorded}
          aria-describedby={speechRecorded ? undefined : speechNoteId}
          onChange={(event) => onChange(event.target.checked)}
          className="size-4 accent-teal-700"
        />
        Show speaking
      </label>
      {!speechRecorded && (
        <p id={speechNoteId} className="text-xs text-slate-600 dark:text-slate-400">
          Speech is not recorded for this bot
        </p>
      )}
    </div>
  );
});
