import { formatCount } from '../../lib/format-count';

/**
 * In the roster's place while the history loads: who is here now is not known until every leave
 * is in, so it says so, with what is certain already.
 */
export function RosterWhileLoading({ participantsSeen }: { participantsSeen: number }) {
  return (
    <div className="space-y-2 px-4 py-6 text-sm">
      <p className="font-medium">Loading who is here…</p>
      <p className="text-slate-600 dark:text-slate-400">
        {formatCount(participantsSeen)} {participantsSeen === 1 ? 'participant' : 'participants'}{' '}
        seen so far. Who is in the meeting now shows once the whole history is in, so it is never
        shown half right.
      </p>
    </div>
  );
}
