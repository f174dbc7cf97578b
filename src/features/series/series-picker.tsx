import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { panelClasses } from '../../components/ui/panel';
import { botStateInWords } from '../../common/bot-states';
import {
  groupByMeetingUrl,
  meetingsInRange,
  type DateRange,
  type SeriesBot,
} from '../../domain/series/series-meetings';
import { dayInputValue, rangeFromDayInputs } from '../../lib/series-address';
import { meetingDateInFull } from './meeting-heading';

/** A series: every meeting sent to one URL, or bots ticked by hand; within a date range. */
export interface SeriesChoice {
  readonly meetingUrl: string | null;
  readonly botIds: readonly string[] | null;
  readonly range: DateRange;
}

export interface SeriesPickerProps {
  bots: readonly SeriesBot[];
  initialRange: DateRange;
  onChoose: (choice: SeriesChoice) => void;
}

/** Pick a meeting URL (most recently met first, with its count) or tick meetings by hand. */
export function SeriesPicker({ bots, initialRange, onChoose }: SeriesPickerProps) {
  const ids = { from: useId(), to: useId(), urls: useId(), byHand: useId() };
  const [from, setFrom] = useState(() => dayInputValue(initialRange.fromMs));
  const [to, setTo] = useState(() => dayInputValue(initialRange.toMs));
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const range = rangeFromDayInputs(from, to) ?? initialRange;
  const groups = groupByMeetingUrl(bots, range);
  const inRange = meetingsInRange(bots, range).reverse();

  return (
    <div className="space-y-5">
      <fieldset className="flex flex-wrap items-end gap-4 text-sm">
        <legend className="mb-1 font-medium">Meetings between</legend>
        <label htmlFor={ids.from} className="flex flex-col gap-1">
          From
          <TextField
            id={ids.from}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label htmlFor={ids.to} className="flex flex-col gap-1">
          To
          <TextField id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </fieldset>
      <section aria-labelledby={ids.urls}>
        <h3 id={ids.urls} className="font-semibold">
          By meeting URL
        </h3>
        {groups.length === 0 ? (
          <p className="mt-1 text-sm">No meeting of this key in these dates.</p>
        ) : (
          <ul className={`${panelClasses} mt-2 divide-y divide-slate-200 dark:divide-slate-700`}>
            {groups.map((group) => (
              <li key={group.meetingUrl} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1 text-sm">
                  {group.name && <p className="font-medium">{group.name}</p>}
                  <p className="font-mono text-xs break-all">{group.meetingUrl}</p>
                  <p className="text-slate-600 dark:text-slate-400">
                    {group.meetings} {group.meetings === 1 ? 'meeting' : 'meetings'}, the last on{' '}
                    {meetingDateInFull(group.latestMs)}
                  </p>
                </div>
                <Button
                  onClick={() => onChoose({ meetingUrl: group.meetingUrl, botIds: null, range })}
                  aria-label={`Show attendance for ${group.meetingUrl}`}
                >
                  Show attendance
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={ids.byHand}>
        <h3 id={ids.byHand} className="font-semibold">
          Or tick meetings by hand
        </h3>
        <ul
          className={`${panelClasses} mt-2 max-h-80 divide-y divide-slate-200 overflow-auto dark:divide-slate-700`}
        >
          {inRange.map((bot) => (
            <li key={bot.id} className="px-4 py-2 text-sm">
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  checked={ticked.includes(bot.id)}
                  onChange={(event) =>
                    setTicked((current) =>
                      event.target.checked
                        ? [...current, bot.id]
                        : current.filter((id) => id !== bot.id),
                    )
                  }
                  className="mt-1 size-4 shrink-0 accent-teal-700"
                />
                <span>
                  <span className="font-medium">{bot.name ?? bot.id}</span>{' '}
                  {meetingDateInFull(bot.startedAtMs)} · {botStateInWords(bot.state)}
                  <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">
                    {bot.id}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <Button
          variant="primary"
          className="mt-3"
          disabled={ticked.length === 0}
          onClick={() => onChoose({ meetingUrl: null, botIds: ticked, range })}
        >
          Show attendance for {ticked.length} ticked
        </Button>
      </section>
    </div>
  );
}
