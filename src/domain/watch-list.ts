import { samePersonKey } from './person-name';
import type { PresenceNews } from './presence-news';

export interface WatchNotice {
  name: string;
  change: 'joined' | 'left';
}

/**
 * "Tell me when they join": who on the watch list (given as samePersonKey values) joined or left
 * in this news, by the same rule as the expected list (person-name.ts).
 */
export function watchedNews(news: PresenceNews, watched: ReadonlySet<string>): WatchNotice[] {
  if (watched.size === 0) return [];
  const notices: WatchNotice[] = [];
  for (const person of news.joined) {
    if (watched.has(samePersonKey(person.name)))
      notices.push({ name: person.name, change: 'joined' });
  }
  for (const person of news.left) {
    if (watched.has(samePersonKey(person.name)))
      notices.push({ name: person.name, change: 'left' });
  }
  return notices;
}

export function describeNotice(notice: WatchNotice): string {
  return `${notice.name} ${notice.change}`;
}
