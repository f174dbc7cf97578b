import type { KeyConnection, WatchSession } from '../lib/watch-session';

/** The part of a history window that names it: its bounds on the server's insert time. */
export interface HistoryWindowKey {
  /** Which load of the history the window belongs to: a remount's load never reuses another's. */
  load: number;
  afterMs: number | null;
  beforeMs: number | null;
}

/**
 * Every query key the page uses, general to specific: everything for one watched bot starts with
 * `attendeeKeys.session(session)`. They name the session (a new one for every press of Watch),
 * never the API key (keys show in devtools), and leave cursors and watermarks out.
 */
export const attendeeKeys = {
  all: ['attendee'] as const,
  session: (session: WatchSession) =>
    [...attendeeKeys.all, session.source, session.botId, session.id] as const,
  bot: (session: WatchSession) => [...attendeeKeys.session(session), 'bot'] as const,
  hosts: (session: WatchSession) => [...attendeeKeys.session(session), 'hosts'] as const,
  /** The whole history, loaded once; its windows sit below it. */
  history: (session: WatchSession) => [...attendeeKeys.session(session), 'history'] as const,
  historyLoad: (session: WatchSession, load: number) =>
    [...attendeeKeys.history(session), 'load', load] as const,
  historyWindow: (session: WatchSession, window: HistoryWindowKey) =>
    [...attendeeKeys.historyLoad(session, window.load), window.afterMs, window.beforeMs] as const,
  tail: (session: WatchSession) => [...attendeeKeys.session(session), 'tail'] as const,
  /** The bots of one key in some states: named by the key's id, never the key; states sorted. */
  botsList: (key: Pick<KeyConnection, 'source' | 'keyId'>, states: readonly string[]) =>
    [...attendeeKeys.all, key.source, 'key', key.keyId, 'bots', [...states].sort()] as const,
  /** Every bot of one key, or those sent to one meeting URL: a series to pick. */
  seriesBots: (key: Pick<KeyConnection, 'source' | 'keyId'>, meetingUrl: string | null) =>
    [...attendeeKeys.all, key.source, 'key', key.keyId, 'series', meetingUrl] as const,
  /** One meeting of a series, loaded whole; `load` is new for every opening of the series. */
  seriesMeeting: (key: Pick<KeyConnection, 'source' | 'keyId'>, load: string, botId: string) =>
    [...attendeeKeys.all, key.source, 'key', key.keyId, 'series-load', load, botId] as const,
};
