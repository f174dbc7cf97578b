import { useState } from 'react';
import type { WatchSession } from '../lib/watch-session';
import { ConnectForm } from '../features/connect/connect-form';
import { Dashboard } from './dashboard/dashboard';

/** The switch between the connect screen and the dashboard of one bot. */
export function App() {
  const [session, setSession] = useState<WatchSession | null>(null);
  const [lastInput, setLastInput] = useState<{ botId: string; apiKey: string }>();

  const watch = (next: WatchSession) => {
    setSession(next);
    if (next.source === 'attendee') {
      setLastInput({ botId: next.botId, apiKey: next.apiKey });
      // The bot ID may go into the address, so a reload or a shared link comes back to it;
      // the key never does.
      const url = new URL(window.location.href);
      url.searchParams.set('bot', next.botId);
      window.history.replaceState(null, '', url);
    }
  };

  if (session === null) return <ConnectForm onWatch={watch} initial={lastInput} />;
  return <Dashboard key={session.id} session={session} onSwitch={() => setSession(null)} />;
}
