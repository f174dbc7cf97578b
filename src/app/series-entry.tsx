import { lazy, Suspense } from 'react';
import type { KeyConnection } from '../lib/watch-session';

// Imported from the workspace chunk, which is always loaded before it: the bundler then leaves
// what the two share (the store, the loader) in the workspace chunk instead of splitting it out.
const SeriesPage = lazy(() =>
  import('./series-chunk').then((module) => ({ default: module.SeriesPage })),
);

/** "Attendance across meetings", its code fetched the first time it opens. */
export function SeriesEntry(props: { connection: KeyConnection; onClose: () => void }) {
  return (
    <Suspense
      fallback={<p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}
    >
      <SeriesPage {...props} />
    </Suspense>
  );
}
