import { memo, useId } from 'react';
import type { EventTypeFilter, TimelineFilter } from './timeline-filter';
import { SearchField, SelectField } from '../../components/ui/field';

const TYPE_CHOICES: { value: EventTypeFilter; label: string }[] = [
  { value: 'all', label: 'All events' },
  { value: 'presence', label: 'Joins and leaves' },
  { value: 'join', label: 'Joins' },
  { value: 'leave', label: 'Leaves' },
  { value: 'speech', label: 'Speaking' },
  { value: 'other', label: 'Other' },
];

export interface TimelineFiltersProps {
  filter: TimelineFilter;
  onChange: (filter: TimelineFilter) => void;
}

/**
 * Type, text and the person picked by clicking a name (shown as a chip that clears it). Memoised:
 * new events re-render the timeline, and its inputs need not be written again with it.
 */
export const TimelineFilters = memo(function TimelineFilters({
  filter,
  onChange,
}: TimelineFiltersProps) {
  const typeId = useId();
  const textId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-700">
      <label htmlFor={typeId} className="sr-only">
        Event type
      </label>
      <SelectField
        id={typeId}
        value={filter.type}
        onChange={(event) => onChange({ ...filter, type: event.target.value as EventTypeFilter })}
        className="text-sm"
      >
        {TYPE_CHOICES.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <label htmlFor={textId} className="sr-only">
        Search events
      </label>
      <SearchField
        id={textId}
        placeholder="Search events"
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
        className="min-w-0 flex-1 sm:max-w-56"
      />
      {filter.participant && (
        <span className="inline-flex max-w-full items-center gap-1 rounded-full bg-teal-100 py-0.5 pr-1 pl-3 text-teal-900 dark:bg-teal-900/60 dark:text-teal-100">
          <span className="truncate" dir="auto">
            Only {filter.participant.name}
          </span>
          <button
            type="button"
            onClick={() => onChange({ ...filter, participant: null })}
            aria-label={`Clear the filter on ${filter.participant.name}`}
            className="flex size-6 shrink-0 items-center justify-center rounded-full hover:bg-teal-200 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-teal-800"
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      )}
    </div>
  );
});
