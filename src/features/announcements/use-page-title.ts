import { useEffect } from 'react';
import { formatCount } from '../../lib/format-count';

const BASE_TITLE = 'Attendee Live';

/**
 * "(34) Attendee Live": the count is readable from the tab strip. Null while still loading.
 * Once the meeting is over the tab says so instead: a count there would read as people present.
 */
export function usePageTitle(presentCount: number | null, meetingOver = false): void {
  useEffect(() => {
    if (meetingOver) document.title = `Meeting over · ${BASE_TITLE}`;
    else if (presentCount === null) document.title = BASE_TITLE;
    else document.title = `(${formatCount(presentCount)}) ${BASE_TITLE}`;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [presentCount, meetingOver]);
}
