/**
 * Shown next to whoever is speaking: a bars icon and the word, so colour is never the only signal
 * (the word is visible on wide rows, read out everywhere). The icon does not pulse: each running
 * animation is a layer the compositor redraws every frame, and with a few people speaking the
 * page made frames without end: a poll's update then waited up to a frame for the next one
 * (README, the render figure).
 */
export function SpeakingMark() {
  return (
    <span className="inline-flex shrink-0 items-center gap-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900 ring-1 ring-sky-300 ring-inset dark:bg-sky-400/15 dark:text-sky-200 dark:ring-sky-400/40">
      <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3">
        <path d="M2 5v2M6 2v8M10 4v4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      speaking
    </span>
  );
}
