import { safely } from '../../lib/safe-storage';

// The key lives in memory only, unless the user ticks "Remember on this device"; then it is kept in
// localStorage (never in the URL) until they untick it or press "Forget". Where storage fails
// (full, or disabled in a private window), the key still works for this visit.
const STORAGE_KEY = 'attendee-live:api-key';

export function readRememberedKey(): string | null {
  return safely(() => window.localStorage.getItem(STORAGE_KEY));
}

export function rememberKey(apiKey: string): void {
  safely(() => window.localStorage.setItem(STORAGE_KEY, apiKey));
}

export function forgetKey(): void {
  safely(() => window.localStorage.removeItem(STORAGE_KEY));
}
