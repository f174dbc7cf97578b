// The key lives in memory only, unless the user ticks "Remember on this device"; then it is kept in
// localStorage (never in the URL) until they untick it or press "Forget".
const STORAGE_KEY = 'attendee-live:api-key';

export function readRememberedKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberKey(apiKey: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, apiKey);
  } catch {
    // Storage can be full or disabled (private windows); the key still works for this visit.
  }
}

export function forgetKey(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
