import { memo, useId } from 'react';
import { clockTime } from '../../lib/clock-time';
import type { SummaryFigures } from '../../domain/insights/summary-figures';
import { formatDuration } from '../../lib/format-duration';
import { summaryFigures } from '../../domain/insights/summary-figures';
import { eventCount } from '../../domain/attendance-state';
import { presentCount } from '../../domain/roster';
import { useMeetingNow } from '../../lib/use-now';
import type { AttendanceStore } from '../../domain/attendance-store';
import type { MeetingAtMoment } from '../../domain/state-at-moment';
import { formatCount } from '../../lib/format-count';

export interface AttendanceFiguresProps {
  /** The roster's count (participants present), so the figure and the list always agree. */
  present: number;
  events: number;
  figures: SummaryFigures;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  /** The past moment the figures are for (rewind); null when they are live. */
  momentMs?: number | null;
}

/**
 * The headline figures. Each value is labelled by its term, so `getByLabel('Peak')` (and a screen
 * reader) finds the number alone; when it happened is a second description under it.
 */
export function AttendanceFigures({
  present,
  events,
  figures,
  endedAtMs,
  momentMs = null,
}: AttendanceFiguresProps) {
  const { peak, averageTimeInMeetingMs, meetingTimeSoFarMs, meetingStartMs } = figures;
  const rewound = momentMs !== null;
  // A rewound meeting reads as one that stopped at that moment.
  const over = endedAtMs !== null || rewound;
  return (
    <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-xl border border-slate-200 bg-slate-200 sm:grid-cols-6 dark:border-slate-700 dark:bg-slate-700">
      <Figure
        label={rewound ? 'Present then' : over ? 'Present at the end' : 'Present now'}
        value={formatCount(present)}
        detail={peopleBehind(present, figures.presentNow)}
        headline
      />
      <Figure
        label="Peak"
        value={peak === null ? '0' : formatCount(peak.count)}
        detail={peak === null ? 'nobody yet' : `at ${clockTime(peak.atMs)}`}
      />
      <Figure
        label="Unique participants"
        value={formatCount(figures.uniqueParticipants)}
        detail="rejoins count once"
      />
      <Figure
        label="Average time in meeting"
        value={averageTimeInMeetingMs === null ? '–' : formatDuration(averageTimeInMeetingMs)}
        detail="per person"
      />
      <Figure
        label={rewound ? 'Meeting time by then' : over ? 'Meeting time' : 'Meeting time so far'}
        value={meetingTimeSoFarMs === null ? '–' : formatDuration(meetingTimeSoFarMs)}
        detail={meetingSpan(meetingStartMs, meetingTimeSoFarMs, over)}
      />
      <Figure label="Events loaded" value={formatCount(events)} />
    </dl>
  );
}

function Figure({
  label,
  value,
  detail,
  headline = false,
}: {
  label: string;
  value: string;
  detail?: string;
  /** The figure the page is for: larger, and first. */
  headline?: boolean;
}) {
  const id = useId();
  return (
    <div className="min-w-0 bg-white px-3 py-2 dark:bg-slate-900">
      <dt
        id={id}
        className="text-[0.6875rem] leading-tight font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400"
      >
        {label}
      </dt>
      <dd
        aria-labelledby={id}
        className={`font-semibold tabular-nums ${headline ? 'text-2xl text-teal-800 sm:text-3xl dark:text-teal-300' : 'text-xl'}`}
      >
        {value}
      </dd>
      {detail && (
        <dd className="text-xs leading-tight text-slate-600 dark:text-slate-400">{detail}</dd>
      )}
    </div>
  );
}

/**
 * The roster lists participants, as the meeting platform does; Peak, the chart and Unique count
 * people (a person on two devices, or back under a new participant before the old one timed out,
 * is one). Where the two differ the card says so, so Present now above Peak is not a riddle.
 */
function peopleBehind(participants: number, people: number): string | undefined {
  if (participants === people) return undefined;
  return people === 1
    ? '1 person, joined twice'
    : `${formatCount(people)} people, some joined twice`;
}

function meetingSpan(startMs: number | null, lengthMs: number | null, over: boolean) {
  if (startMs === null) return undefined;
  if (!over || lengthMs === null) return `since ${clockTime(startMs)}`;
  return `${clockTime(startMs)}–${clockTime(startMs + lengthMs)}`;
}

/**
 * The figures, re-read every second so the running durations run (each read is O(1)), and
 * whenever the store's version changes.
 */
export const LiveAttendanceFigures = memo(function LiveAttendanceFigures({
  store,
  endedAtMs,
  moment,
}: {
  store: AttendanceStore;
  /** The store's version: the store changes in place, so this says when to read it again. */
  version: number;
  /** When the meeting ended for the bot; null while it goes on. */
  endedAtMs: number | null;
  /** The meeting at a past moment (rewind), or null for the live figures. */
  moment: MeetingAtMoment | null;
}) {
  const now = useMeetingNow(1000, endedAtMs);
  if (moment !== null) {
    return (
      <AttendanceFigures
        present={moment.present.length}
        events={eventCount(store.state)}
        figures={moment.figures}
        endedAtMs={endedAtMs}
        momentMs={moment.atMs}
      />
    );
  }
  return (
    <AttendanceFigures
      present={presentCount(store.state)}
      events={eventCount(store.state)}
      figures={summaryFigures(store.insights, now)}
      endedAtMs={endedAtMs}
    />
  );
});
