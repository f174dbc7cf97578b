import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { searchByName } from '../../domain/person-name';
import { formatCount } from '../../lib/format-count';
import { PresentRoster, type PresentRosterProps } from './present-roster';
import { SearchField } from '../../components/ui/field';

/**
 * The roster with a **Find a person** box above it. The roster renders only the rows on screen,
 * so the browser's own find cannot see the others: the search narrows the data instead, as you
 * type, and says how many of those present match.
 */
export const FindInRoster = memo(function FindInRoster(props: PresentRosterProps) {
  const [query, setQuery] = useState('');
  // Typing stays responsive while thousands of present participants are searched behind it.
  const deferredQuery = useDeferredValue(query);
  const { participants } = props;
  const shown = useMemo(
    () => searchByName(participants, deferredQuery),
    [participants, deferredQuery],
  );
  const searching = deferredQuery.trim() !== '';
  if (participants.length === 0 && query === '') return <PresentRoster {...props} />;
  return (
    <>
      <RosterSearchBox
        query={query}
        onQueryChange={setQuery}
        matches={
          searching ? `${formatCount(shown.length)} of ${formatCount(participants.length)}` : ''
        }
      />
      <PresentRoster
        {...props}
        participants={shown}
        emptyMessage={
          searching && participants.length > 0
            ? `Nobody here now matches “${deferredQuery.trim()}”.`
            : props.emptyMessage
        }
      />
    </>
  );
});

interface RosterSearchBoxProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** "N of M" while searching, else empty. */
  matches: string;
}

/**
 * Apart from the roster, so a poll that changes who is present does not render the input again:
 * work the frame that shows the poll does not need.
 */
const RosterSearchBox = memo(function RosterSearchBox({
  query,
  onQueryChange,
  matches,
}: RosterSearchBoxProps) {
  const inputId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
      <label htmlFor={inputId} className="text-sm font-medium">
        Find a person
      </label>
      <SearchField
        id={inputId}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        autoComplete="off"
        className="min-w-0 flex-1"
      />
      {/* Not a role="status": the page has one, for the feed, that tests and readers rely on. */}
      <p aria-live="polite" className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
        {matches}
      </p>
    </div>
  );
});
