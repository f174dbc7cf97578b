import { act } from '@testing-library/react';
import type { PresenceNews } from '../domain/presence-news';

/** Stands in for the attendance store's news: tests send presence news by hand. */
export function newsSource() {
  const listeners = new Set<(news: PresenceNews) => void>();
  return {
    subscribe: (listener: (news: PresenceNews) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (news: PresenceNews) => act(() => listeners.forEach((listener) => listener(news))),
  };
}
