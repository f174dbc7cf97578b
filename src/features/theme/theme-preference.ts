import { safely } from '../../lib/safe-storage';

export type ThemePreference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'attendee-live:theme';

export function readThemePreference(storage: Storage = localStorage): ThemePreference {
  const stored = safely(() => storage.getItem(STORAGE_KEY));
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function storeThemePreference(
  preference: ThemePreference,
  storage: Storage = localStorage,
): void {
  safely(() =>
    preference === 'system'
      ? storage.removeItem(STORAGE_KEY)
      : storage.setItem(STORAGE_KEY, preference),
  );
}

/**
 * Puts the choice on <html data-theme>; "system" removes it, and index.css then follows
 * prefers-color-scheme by itself, including when the system switches at dusk.
 */
export function applyThemePreference(
  preference: ThemePreference,
  root: HTMLElement = document.documentElement,
): void {
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}
