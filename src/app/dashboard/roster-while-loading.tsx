import { formatCount } from '../../lib/format-count';

export interface RosterWhileLoadingProps {
  participantsSeen: number;
  /** Loading stopped part-way (the reason is said above): who is here cannot be known. */
  stopped: boolean;
}

/**
 * In the roster's place while the history loads: who is here now is not known until every leave
 * is in, so it says so, with what is certain already.
 */
export function RosterWhileLoading({ participantsSeen, stopped }: RosterWhileLoadingProps) {
  const seen = `${formatCount(participantsSeen)} ${participantsSeen === 1 ? 'participant' : 'participants'} seen so far.`;
  return (
    <div className="space-y-2 px-4 py-6 text-sm">
      <p className="font-medium">{stopped ? 'Who is here is not known' : 'Loading who is here…'}</p>
      <p className="text-slate-600 dark:text-slate-400">
        {seen}{' '}
        {stopped
          ? 'The history stopped loading part-way, and a roster from part of it could be wrong.'
          : 'Who is in the meeting now shows once the whole history is in, so it is never shown half right.'}
      </p>
    </div>
  );
}
