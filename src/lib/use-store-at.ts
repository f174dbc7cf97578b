import { useState } from 'react';

/** The last read and what it was read at. */
class ReadCache<T> {
  private key: readonly unknown[] | null = null;
  private value: T | undefined;

  read(key: readonly unknown[], read: () => T): T {
    const same =
      this.key !== null &&
      this.key.length === key.length &&
      this.key.every((part, index) => Object.is(part, key[index]));
    if (!same) {
      this.value = read();
      this.key = key;
    }
    return this.value as T;
  }
}

/**
 * What `read` derives from a store that is updated in place (the attendance store, its
 * insights): read again when the store's `version` moves or one of `inputs` changes, otherwise
 * the last value. React's dependency lists cannot say "the same object, changed inside"; this
 * is the one place that knows it. `read` must depend on nothing but the store and `inputs`.
 */
export function useStoreAt<T>(version: number, read: () => T, inputs: readonly unknown[] = []): T {
  const [cache] = useState(() => new ReadCache<T>());
  return cache.read([version, ...inputs], read);
}
