import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';

/** A failure that stopped loading: what happened, in the server's words too, and the way out. */
export interface FeedProblemProps {
  error: unknown;
  /** Whether anything was loaded before the failure, and so is still shown below. */
  keptEvents: boolean;
  /** Absent in a shared, read-only view: no other bot or key to go to. */
  onSwitch?: () => void;
}

export function FeedProblem({ error, keptEvents, onSwitch }: FeedProblemProps) {
  const { title, detail } = explainError(error);
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      {detail && (
        <p className="mt-1 text-sm" dir="auto">
          {detail}
        </p>
      )}
      <p className="mt-1 text-sm">
        Nothing more is loaded until this is fixed.
        {keptEvents && ' What was already loaded stays below.'}
      </p>
      {onSwitch && (
        <Button className="mt-3" onClick={onSwitch}>
          Change bot or API key
        </Button>
      )}
    </div>
  );
}
