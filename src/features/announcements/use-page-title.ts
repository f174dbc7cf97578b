import { useEffect } from 'react';

const BASE_TITLE = 'Attendee Live';

/** "(34) Attendee Live": the count is readable from the tab strip. Null while still loading. */
export function usePageTitle(presentCount: number | null): void {
  useEffect(() => {
    document.title =
      presentCount === null
        ? BASE_TITLE
        : `(${presentCount.toLocaleString('en-US')}) ${BASE_TITLE}`;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [presentCount]);
}
