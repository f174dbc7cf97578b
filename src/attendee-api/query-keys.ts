import type { WatchSession } from '../lib/watch-session';

/**
 * Query keys for one watched bot, general to specific. They name the session, never the API key
 * (keys show in devtools), and leave cursors and watermarks out.
 */
export function participantEventKeys(session: WatchSession) {
  const base = ['participant-events', session.source, session.botId, session.id] as const;
  return { history: [...base, 'history'] as const, tail: [...base, 'tail'] as const };
}
