// @vitest-environment node
import { afterEach, vi } from 'vitest';
import { coalesceSubscribe } from './coalesce-subscribe';

afterEach(() => {
  vi.useRealTimers();
});

function store() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change: () => listeners.forEach((listener) => listener()),
  };
}

describe('coalescing a store’s change notifications', () => {
  it('tells of a burst of changes once, after the interval', () => {
    vi.useFakeTimers();
    const { subscribe, change } = store();
    const listener = vi.fn();
    coalesceSubscribe(subscribe, 250)(listener);
    for (let page = 0; page < 40; page += 1) {
      change();
      vi.advanceTimersByTime(5);
    }
    // 40 changes over 200 ms: nothing yet, then one notification.
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(listener).toHaveBeenCalledTimes(1);
    change();
    vi.advanceTimersByTime(250);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tells nothing after unsubscribing, even of a change made just before', () => {
    vi.useFakeTimers();
    const { subscribe, change } = store();
    const listener = vi.fn();
    const unsubscribe = coalesceSubscribe(subscribe, 250)(listener);
    change();
    unsubscribe();
    vi.advanceTimersByTime(1000);
    change();
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
  });
});
