import { useEffect, useRef, useState } from 'react';
import { createNewsBatcher } from './news-batcher';
import { describeNews, type PresenceNews } from '../../domain/presence-news';

export const ANNOUNCEMENT_GAP_MS = 5000;

export interface PresenceAnnouncerProps {
  subscribeToNews: (listener: (news: PresenceNews) => void) => () => void;
  /** False while the history loads: the meeting so far is not news. */
  enabled: boolean;
}

/**
 * A polite live region saying who joined and left, batched (see news-batcher.ts). Visually
 * hidden: sighted users see the roster and the timeline change.
 */
export function PresenceAnnouncer({ subscribeToNews, enabled }: PresenceAnnouncerProps) {
  const [message, setMessage] = useState('');
  const enabledRef = useRef(enabled);
  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  useEffect(() => {
    const batcher = createNewsBatcher(ANNOUNCEMENT_GAP_MS, (news) =>
      setMessage(describeNews(news)),
    );
    const unsubscribe = subscribeToNews((news) => {
      if (enabledRef.current) batcher.add(news);
    });
    return () => {
      unsubscribe();
      batcher.dispose();
    };
  }, [subscribeToNews]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="presence-announcer">
      {message}
    </div>
  );
}
