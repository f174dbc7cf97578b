import { hasNews, mergeNews, NO_NEWS, type PresenceNews } from '../../domain/presence-news';

export interface NewsBatcher {
  add(news: PresenceNews): void;
  dispose(): void;
}

/**
 * Gathers presence news and hands it on at most once every `minGapMs`: a screen reader hears one
 * sentence per few seconds however busy the meeting, and nothing is lost in between (news that
 * arrives during the gap is merged into the next sentence).
 */
export function createNewsBatcher(
  minGapMs: number,
  flush: (news: PresenceNews) => void,
  now: () => number = Date.now,
): NewsBatcher {
  let pending = NO_NEWS;
  let lastFlushMs = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flushPending = () => {
    timer = null;
    const news = pending;
    pending = NO_NEWS;
    if (!hasNews(news)) return;
    lastFlushMs = now();
    flush(news);
  };

  return {
    add(news) {
      pending = mergeNews(pending, news);
      if (timer !== null) return;
      const waitMs = lastFlushMs + minGapMs - now();
      if (waitMs <= 0) flushPending();
      else timer = setTimeout(flushPending, waitMs);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = NO_NEWS;
    },
  };
}
