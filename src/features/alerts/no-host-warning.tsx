import { useId, useState } from 'react';
import { useNow } from '../../lib/use-now';
import {
  DEFAULT_NO_HOST_WARNING_MS,
  isNoHostWarningDue,
  noHostSince,
  type HostSituation,
} from '../../domain/no-host-watch';
import { SelectField } from '../../components/ui/field';

const WARN_AFTER_CHOICES: { ms: number; label: string }[] = [
  { ms: 30_000, label: '30 s' },
  { ms: 60_000, label: '1 min' },
  { ms: 2 * 60_000, label: '2 min' },
  { ms: 5 * 60_000, label: '5 min' },
  { ms: 10 * 60_000, label: '10 min' },
];

export interface NoHostWarningProps {
  situation: HostSituation;
  /** False while the history loads and once the meeting is over: only a live meeting is watched. */
  active: boolean;
  /** The browser's time, from the caller's clock: tests pass it in rather than wait. */
  nowMs: number;
  /** The setting hidden (its tool closed): the warning still comes, and still shows. */
  settingsHidden?: boolean;
}

/**
 * A warning (role alert) when people are present and no host has been for the chosen time, with
 * the setting for that time. It goes away as soon as a host is present.
 */
export function NoHostWarning({
  situation,
  active,
  nowMs,
  settingsHidden = false,
}: NoHostWarningProps) {
  const afterId = useId();
  const [afterMs, setAfterMs] = useState(DEFAULT_NO_HOST_WARNING_MS);
  const [since, setSince] = useState<number | null>(null);
  // Adjusted while rendering (React's pattern for state that follows props): no extra frame.
  const nextSince = active ? noHostSince(since, situation, nowMs) : null;
  if (nextSince !== since) setSince(nextSince);
  const due = isNoHostWarningDue(nextSince, nowMs, afterMs);

  return (
    <div hidden={settingsHidden && !due} className="space-y-2 text-sm">
      <div hidden={settingsHidden} className="flex flex-wrap items-center gap-2">
        <label htmlFor={afterId} className="font-medium">
          Warn when there has been no host for
        </label>
        <SelectField
          id={afterId}
          value={afterMs}
          onChange={(event) => setAfterMs(Number(event.target.value))}
        >
          {WARN_AFTER_CHOICES.map(({ ms, label }) => (
            <option key={ms} value={ms}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {/* Worded without a running time: an alert is read out again whenever its text changes. */}
      {due && (
        <p
          role="alert"
          aria-label="No host warning"
          className="rounded-md bg-orange-100 px-3 py-1.5 font-medium text-orange-950 dark:bg-orange-400/20 dark:text-orange-100"
        >
          No host: people are here and no host has been for {afterLabel(afterMs)} or more.
        </p>
      )}
    </div>
  );
}

function afterLabel(ms: number): string {
  return WARN_AFTER_CHOICES.find((choice) => choice.ms === ms)?.label ?? `${ms / 1000} s`;
}

/** The warning on the browser's clock, ticking every second without re-rendering the page. */
export function LiveNoHostWarning(props: Omit<NoHostWarningProps, 'nowMs'>) {
  return <NoHostWarning {...props} nowMs={useNow(1000)} />;
}
