import { foldName } from '../lib/names';
import type { PresenceNews } from './presence-news';

/**
 * "Tell me when they join": names typed by a person, matched forgivingly against participants'
 * names. Case, accents, extra spaces, commas and word order do not matter ("ruiz, dana" finds
 * "Dana Ruiz"), and a trailing "(she/her)" or "(Guest)" on either side is ignored.
 */
export function watchKey(name: string): string {
  return foldName(name)
    .replace(/\([^)]*\)\s*$/u, '')
    .split(/[\s,]+/u)
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

export interface WatchNotice {
  name: string;
  change: 'joined' | 'left';
}

/** Who on the watch list (given as watchKey values) joined or left in this news. */
export function watchedNews(news: PresenceNews, watched: ReadonlySet<string>): WatchNotice[] {
  if (watched.size === 0) return [];
  const notices: WatchNotice[] = [];
  for (const person of news.joined) {
    if (watched.has(watchKey(person.name))) notices.push({ name: person.name, change: 'joined' });
  }
  for (const person of news.left) {
    if (watched.has(watchKey(person.name))) notices.push({ name: person.name, change: 'left' });
  }
  return notices;
}

export function describeNotice(notice: WatchNotice): string {
  return `${notice.name} ${notice.change}`;
}
