import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import type { PresenceNews } from '../../domain/presence-news';
import { samePersonKey } from '../../domain/person-name';
import { describeNotice, watchedNews, type WatchNotice } from '../../domain/watch-list';
import { useDesktopNotifications } from '../../lib/use-desktop-notifications';
import { TextField } from '../../components/ui/field';

export interface JoinAlertsProps {
  subscribeToNews: (listener: (news: PresenceNews) => void) => () => void;
  /** False while the history loads: who was already there is not news. */
  enabled: boolean;
  /** The names watched for; kept by the caller, so the page can say the list is in use. */
  watched: readonly string[];
  onWatchedChange: (watched: string[]) => void;
  /** The form hidden (its tool closed): the alerts still come, and still show. */
  settingsHidden?: boolean;
}

const NOTICES_KEPT = 3;

/**
 * "Tell me when they join": a list of names; when one of them joins or leaves, a notice in the
 * page (role alert) and, if allowed, a desktop notification. Only live news counts: history pages
 * arrive while `enabled` is false.
 */
export function JoinAlerts({
  subscribeToNews,
  enabled,
  watched,
  onWatchedChange: setWatched,
  settingsHidden = false,
}: JoinAlertsProps) {
  const nameId = useId();
  const notifyId = useId();
  const [draft, setDraft] = useState('');
  const [notices, setNotices] = useState<{ id: number; text: string }[]>([]);
  const desktop = useDesktopNotifications();
  const listening = useRef({ enabled, keys: new Set<string>(), desktop: false, next: 0 });
  useEffect(() => {
    Object.assign(listening.current, {
      enabled,
      keys: new Set(watched.map(samePersonKey)),
      desktop: desktop.wanted,
    });
  }, [enabled, watched, desktop.wanted]);

  useEffect(
    () =>
      subscribeToNews((news) => {
        const current = listening.current;
        if (!current.enabled) return;
        const found = watchedNews(news, current.keys);
        if (found.length === 0) return;
        if (current.desktop) notifyOnDesktop(found);
        const added = found.map((notice) => ({ id: current.next++, text: describeNotice(notice) }));
        setNotices((shown) => [...added.reverse(), ...shown].slice(0, NOTICES_KEPT));
      }),
    [subscribeToNews],
  );

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (name === '') return;
    if (!watched.some((other) => samePersonKey(other) === samePersonKey(name)))
      setWatched([...watched, name]);
    setDraft('');
  };

  return (
    <div hidden={settingsHidden && notices.length === 0} className="space-y-2 text-sm">
      <div hidden={settingsHidden} className="space-y-2">
        <form onSubmit={add} className="flex flex-wrap items-center gap-2">
          <label htmlFor={nameId} className="w-full font-medium">
            Tell me when they join
          </label>
          <TextField
            id={nameId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="A name, e.g. Dana Ruiz"
            autoComplete="off"
            className="min-w-0 flex-1"
          />
          <Button type="submit">Add to watch list</Button>
        </form>
        {watched.length > 0 && (
          <ul aria-label="Watching for" className="flex flex-wrap gap-2">
            {watched.map((name) => (
              <li
                key={name}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-teal-100 py-0.5 pr-1 pl-3 text-teal-900 dark:bg-teal-900/60 dark:text-teal-100"
              >
                <span className="truncate" dir="auto">
                  {name}
                </span>
                <button
                  type="button"
                  onClick={() => setWatched(watched.filter((other) => other !== name))}
                  aria-label={`Stop watching for ${name}`}
                  className="flex size-6 shrink-0 items-center justify-center rounded-full hover:bg-teal-200 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-teal-800"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {desktop.supported && (
          <label htmlFor={notifyId} className="flex items-center gap-2">
            <input
              id={notifyId}
              type="checkbox"
              checked={desktop.wanted}
              onChange={(event) => void desktop.toggle(event.target.checked)}
              className="size-4 accent-teal-700"
            />
            Also as a desktop notification
          </label>
        )}
        {desktop.problem && (
          <p className="text-orange-800 dark:text-orange-200">{desktop.problem}</p>
        )}
      </div>
      {/* Only there when there is something to say: an alert on the page means something is up. */}
      {notices.length > 0 && (
        <div role="alert" aria-label="Join alerts" className="space-y-1">
          {notices.map((notice) => (
            <p
              key={notice.id}
              className="rounded-md bg-teal-50 px-3 py-1.5 font-medium text-teal-950 dark:bg-teal-900/50 dark:text-teal-50"
              dir="auto"
            >
              {notice.text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

function notifyOnDesktop(notices: readonly WatchNotice[]): void {
  for (const notice of notices) new Notification(describeNotice(notice));
}
