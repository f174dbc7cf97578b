import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { momentFromTime } from './moment-from-time';
import { TextField } from '../../components/ui/field';

export interface RewindControlsProps {
  /** The meeting's first and latest moments (bot clock), read when asked; null before any event. */
  readSpan: () => { startMs: number; endMs: number } | null;
  onRewind: (atMs: number) => void;
}

/**
 * Rewind: type a local time (or pick one on the attendance chart) and the roster, figures and
 * timeline show the meeting as it was then, until Back to live (beside the roster, where the
 * rewound meeting shows).
 */
export function RewindControls({ readSpan, onRewind }: RewindControlsProps) {
  const timeId = useId();
  const problemId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const show = (event: FormEvent) => {
    event.preventDefault();
    const span = readSpan();
    if (span === null) return setProblem('Nothing has happened in the meeting yet.');
    const choice = momentFromTime(text, span.startMs, span.endMs);
    if ('problem' in choice) return setProblem(choice.problem);
    setProblem(null);
    onRewind(choice.atMs);
  };

  return (
    <div className="space-y-2 text-sm">
      <form onSubmit={show} className="flex flex-wrap items-center gap-2">
        <label htmlFor={timeId} className="font-medium">
          Show the meeting at
        </label>
        <TextField
          id={timeId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="HH:MM:SS"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : problemId}
          className="w-40 tabular-nums"
        />
        <Button type="submit">Show</Button>
      </form>
      {problem !== null ? (
        <p id={problemId} className="text-orange-800 dark:text-orange-200">
          {problem}
        </p>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          Or click or drag on the Attendance over time chart.
        </p>
      )}
    </div>
  );
}
