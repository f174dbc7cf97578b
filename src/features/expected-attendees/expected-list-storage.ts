import { useCallback, useState } from 'react';
import * as v from 'valibot';
import { safely } from '../../lib/safe-storage';
import { DEFAULT_LATE_AFTER_MINUTES } from '../../domain/expected/expected-attendance';
import type { ManualMatch } from '../../domain/expected/expected-attendance';
import type { ExpectedPerson } from '../../domain/expected/expected-list';

/** What the organiser set up for one bot, kept on this device only. */
export interface ExpectedListSettings {
  readonly people: readonly ExpectedPerson[];
  readonly manual: readonly ManualMatch[];
  readonly lateAfterMinutes: number;
}

export const EMPTY_EXPECTED_LIST: ExpectedListSettings = {
  people: [],
  manual: [],
  lateAfterMinutes: DEFAULT_LATE_AFTER_MINUTES,
};

/**
 * One entry per bot, keyed by its ID (and whether it is the demo): a class list belongs to the
 * meeting it was typed for. Names only; the API key is never written here.
 */
export function expectedListStorageKey(source: string, botId: string): string {
  return `attendee-live:expected:${source}:${botId}`;
}

// Storage is written by this page, but can be edited by hand or left by an older version.
const storedSchema = v.object({
  people: v.array(v.object({ name: v.string(), email: v.nullable(v.string()) })),
  manual: v.fallback(
    v.array(v.object({ line: v.number(), expectedName: v.string(), personKey: v.string() })),
    [],
  ),
  lateAfterMinutes: v.fallback(v.pipe(v.number(), v.minValue(0)), DEFAULT_LATE_AFTER_MINUTES),
});

export function readExpectedList(
  key: string,
  storage: Storage = localStorage,
): ExpectedListSettings {
  const stored = safely(() => storage.getItem(key));
  if (stored === null || stored === undefined) return EMPTY_EXPECTED_LIST;
  const parsed = v.safeParse(
    storedSchema,
    safely(() => JSON.parse(stored)),
  );
  return parsed.success ? parsed.output : EMPTY_EXPECTED_LIST;
}

export function storeExpectedList(
  key: string,
  settings: ExpectedListSettings,
  storage: Storage = localStorage,
): void {
  safely(() =>
    settings.people.length === 0 && settings.lateAfterMinutes === DEFAULT_LATE_AFTER_MINUTES
      ? storage.removeItem(key)
      : storage.setItem(key, JSON.stringify(settings)),
  );
}

/** The settings for one bot, read once and written through on every change. */
export function useExpectedList(
  key: string,
): [ExpectedListSettings, (next: ExpectedListSettings) => void] {
  const [settings, setSettings] = useState(() => readExpectedList(key));
  const update = useCallback(
    (next: ExpectedListSettings) => {
      setSettings(next);
      storeExpectedList(key, next);
    },
    [key],
  );
  return [settings, update];
}
