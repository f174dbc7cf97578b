import { useEffect, useId, useRef } from 'react';
import { hostNews, type PresenceNews } from '../../domain/presence-news';
import { useDesktopNotifications } from '../../lib/use-desktop-notifications';

export interface HostNotificationsProps {
  subscribeToNews: (listener: (news: PresenceNews) => void) => () => void;
  /** False while the history loads: hosts already there are not news. */
  enabled: boolean;
}

/**
 * Opt-in: a browser notification when a host joins or leaves, for someone watching with the tab
 * in the background. Permission is asked only when the box is ticked, never on page load.
 */
export function HostNotifications({ subscribeToNews, enabled }: HostNotificationsProps) {
  const id = useId();
  const { supported, wanted, problem, toggle } = useDesktopNotifications();
  const activeRef = useRef(false);
  useEffect(() => {
    activeRef.current = wanted && enabled;
  }, [wanted, enabled]);

  useEffect(
    () =>
      subscribeToNews((news) => {
        if (activeRef.current) notifyAboutHosts(hostNews(news));
      }),
    [subscribeToNews],
  );

  if (!supported) return null;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={wanted}
          onChange={(event) => void toggle(event.target.checked)}
          className="size-4 accent-teal-700"
        />
        Notify me when a host joins or leaves
      </label>
      {problem && <p className="mt-1 text-orange-800 dark:text-orange-200">{problem}</p>}
    </div>
  );
}

function notifyAboutHosts(news: PresenceNews): void {
  for (const host of news.joined) new Notification(`Host joined: ${host.name}`, { tag: host.uuid });
  for (const host of news.left) new Notification(`Host left: ${host.name}`, { tag: host.uuid });
}
