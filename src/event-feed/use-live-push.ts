import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { attendeeKeys } from '../attendee-api/query-keys';
import type { EventBatch } from '../common/participant-event';
import { authorizationOf, type WatchSession } from '../lib/watch-session';
import { watchLive } from './live-push';

/** The poll while pushes arrive: a safety net for a webhook lost, not the source. */
export const POLL_WHILE_PUSHED_MS = 15_000;

/**
 * Pushed events for one bot, into the same store as polled ones (merged by id). `instant` once
 * the stream is open and the newest event the page learnt of came pushed; a poll that finds
 * something the push did not bring turns it off (Attendee stopped sending, or its webhook points
 * elsewhere), until a push comes again. A pushed state change re-reads the bot and its hosts.
 */
export function useLivePush(
  session: WatchSession,
  options: { enabled: boolean; receive: (batch: EventBatch) => boolean },
) {
  const { enabled, receive } = options;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [lastNewFrom, setLastNewFrom] = useState<'push' | 'poll' | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const stop = watchLive(authorizationOf(session.credential), session.botId, {
      onOpen: setOpen,
      onPush(push) {
        if (push.kind === 'events') {
          if (receive(push.batch)) setLastNewFrom('push');
          return;
        }
        setLastNewFrom('push');
        void queryClient.invalidateQueries({ queryKey: attendeeKeys.bot(session) });
        void queryClient.invalidateQueries({ queryKey: attendeeKeys.hosts(session) });
      },
    });
    return () => {
      stop();
      setOpen(false);
    };
  }, [enabled, receive, queryClient, session]);
  const polledNew = useCallback(() => setLastNewFrom('poll'), []);
  return {
    instant: enabled && open && lastNewFrom === 'push',
    /** A poll brought events the store did not have. */
    polledNew,
  };
}
