/**
 * `read()`, or null when it throws. Web Storage throws when full or disabled (some private
 * windows): whatever the page keeps there is a nicety, never a reason to fail.
 */
export function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
