import type { KeyConnection, WatchSession } from '../lib/watch-session';

/**
 * Query keys for one watched bot, general to specific. They name the session, never the API key
 * (keys show in devtools), and leave cursors and watermarks out.
 */
export function participantEventKeys(session: WatchSession) {
  const base = ['participant-events', session.source, session.botId, session.id] as const;
  return { history: [...base, 'history'] as const, tail: [...base, 'tail'] as const };
}

/** The bots of one key in some states: named by the key's id, never the key; states sorted. */
export function botsListKey(
  key: Pick<KeyConnection, 'source' | 'keyId'>,
  states: readonly string[],
) {
  return ['bots-list', key.source, key.keyId, [...states].sort()] as const;
}
