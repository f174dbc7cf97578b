import { useEffect, useState } from 'react';
import { linkExpiryInWords } from './share-expiry';

/**
 * "Shared, read-only view until 18:00, Tue 8 Dec", and once the page's clock passes that, that
 * the link has expired. What is shown stays; requests stop (request-attendee.ts refuses them).
 */
export function SharedViewNotice({ expiresAtMs }: { expiresAtMs: number }) {
  const expired = useHasPassed(expiresAtMs);
  const until = linkExpiryInWords(expiresAtMs);
  return (
    // As wide as the dashboard below it (its container's width and padding).
    <div className="mx-auto max-w-7xl px-3 pt-3 sm:px-6">
      <div
        role={expired ? 'alert' : 'note'}
        aria-label="Shared, read-only view"
        className={`rounded-lg border px-3 py-1 text-sm ${
          expired
            ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100'
            : 'border-teal-300 bg-teal-50 text-teal-950 dark:border-teal-400/40 dark:bg-teal-950/40 dark:text-teal-50'
        }`}
      >
        <p>
          <strong className="font-semibold">Shared, read-only view</strong>{' '}
          {expired
            ? `· This link expired at ${until}. What is shown stays; nothing new is loaded.`
            : `until ${until}`}
        </p>
      </div>
    </div>
  );
}

/** Whether the page's clock has reached `atMs`, re-checked by a timer set for that moment. */
function useHasPassed(atMs: number): boolean {
  const [passed, setPassed] = useState(() => Date.now() >= atMs);
  useEffect(() => {
    if (passed) return;
    // Timers are clamped to about 24.8 days; a link lives a week at most, so one timer does.
    // Re-checked on wake too: a laptop asleep past the expiry fires the timer late.
    const check = () => {
      if (Date.now() >= atMs) setPassed(true);
    };
    const timer = setTimeout(check, Math.max(0, atMs - Date.now()));
    const interval = setInterval(check, 30_000);
    return () => {
      clearTimeout(timer);
      clearInterval(interval);
    };
  }, [atMs, passed]);
  return passed;
}
