import { useEffect } from 'react';
import { formatCount } from '../../lib/format-count';
import { whenIdle } from '../../lib/when-idle';

const BASE_TITLE = 'Attendee Live';

/**
 * "(34) Attendee Live": the count is readable from the tab strip. Null while still loading.
 * Once the meeting is over the tab says so instead: a count there would read as people present.
 * The title changes once the page is idle after the frame that shows the poll, not in that frame:
 * setting it held the page's main thread for milliseconds in our traces (the browser is told each
 * time), and the tab strip can wait that long.
 */
export function usePageTitle(presentCount: number | null, meetingOver = false): void {
  useEffect(() => {
    const title = meetingOver
      ? `Meeting over · ${BASE_TITLE}`
      : presentCount === null
        ? BASE_TITLE
        : `(${formatCount(presentCount)}) ${BASE_TITLE}`;
    return whenIdle(() => {
      document.title = title;
    });
  }, [presentCount, meetingOver]);
  // Back to the plain title only when the page goes, not between two counts.
  useEffect(
    () => () => {
      document.title = BASE_TITLE;
    },
    [],
  );
}
