import type { RejectedEvent } from '../../common/participant-event';

export interface RejectedEventsNoticeProps {
  count: number;
  examples: readonly RejectedEvent[];
}

/** Events the API sent that we could not read: how many, and which, with what was wrong. */
export function RejectedEventsNotice({ count, examples }: RejectedEventsNoticeProps) {
  return (
    <details className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900 dark:bg-orange-950/40 dark:text-orange-100">
      <summary className="cursor-pointer">
        {count} event{count === 1 ? ' was' : 's were'} unreadable and left out; everything else is
        shown.
      </summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {examples.map((rejected, index) => (
          <li key={`${rejected.id ?? 'no id'}-${index}`}>
            <span className="font-mono">{rejected.id ?? 'An event without an id'}</span>:{' '}
            {rejected.reason}
          </li>
        ))}
        {count > examples.length && <li>and {count - examples.length} more</li>}
      </ul>
    </details>
  );
}
