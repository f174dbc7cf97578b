import { useState } from 'react';
import { apiKeyOf, type KeyConnection, type WatchSession } from '../lib/watch-session';
import { wallAddress, wallBotsFromLocation } from '../lib/wall-address';
import { ConnectForm } from '../features/connect/connect-form';
import { BotsInMeetings } from '../features/my-bots/bots-in-meetings';
import { MeetingWall } from '../features/my-bots/meeting-wall';
import { ThemeControl } from '../features/theme/theme-control';
import { shareTokenFromFragment } from '../features/share/share-expiry';
import { ShareLinkButton } from '../features/share/share-link-button';
import { Dashboard } from './dashboard/dashboard';
import { SharedView } from './shared-view';

interface Wall {
  connection: KeyConnection;
  botIds: readonly string[];
}

/**
 * A shared link's read-only view, or the key holder's page: the switch between the connect screen, the wall of several meetings, and the dashboard of one
 * bot. A dashboard opened from the wall leaves the wall running underneath, so the way back
 * finds it as it was.
 */
export function App() {
  // Read once, at start, and kept in memory only (never in storage). The fragment stays in the
  // address so that a reload reopens the view: it is already in the browser's history, and a
  // fragment is never sent to a server nor in a Referer.
  const [shareToken] = useState(() => shareTokenFromFragment(window.location.hash));
  if (shareToken !== null) return <SharedView token={shareToken} />;
  return <KeyHolderApp />;
}

function KeyHolderApp() {
  const [session, setSession] = useState<WatchSession | null>(null);
  const [wall, setWall] = useState<Wall | null>(null);
  const [lastInput, setLastInput] = useState<{ botId: string; apiKey: string }>();

  const watch = (next: WatchSession) => {
    setSession(next);
    if (next.source === 'attendee') {
      const apiKey = apiKeyOf(next.credential);
      if (apiKey !== null) setLastInput({ botId: next.botId, apiKey });
      // The bot ID may go into the address, so a reload or a shared link comes back to it;
      // the key never does.
      const url = new URL(window.location.href);
      url.searchParams.delete('bots');
      url.searchParams.set('bot', next.botId);
      window.history.replaceState(null, '', url);
    }
  };

  const watchTogether = (connection: KeyConnection, botIds: readonly string[]) => {
    setWall({ connection, botIds });
    if (connection.source === 'attendee') {
      window.history.replaceState(null, '', wallAddress(window.location.href, botIds));
    }
  };

  const leaveWall = () => {
    setWall(null);
    const url = new URL(window.location.href);
    url.searchParams.delete('bots');
    window.history.replaceState(null, '', url);
  };

  const openFrom = (connection: KeyConnection) => (botId: string) =>
    setSession({ ...connection, botId, id: crypto.randomUUID() });

  if (wall !== null) {
    return (
      <>
        <div hidden={session !== null}>
          <MeetingWall
            connection={wall.connection}
            botIds={wall.botIds}
            onOpen={openFrom(wall.connection)}
            onLeave={leaveWall}
          >
            <ThemeControl />
            <ShareLinkButton
              credential={wall.connection.credential}
              source={wall.connection.source}
              botIds={wall.botIds}
            />
          </MeetingWall>
        </div>
        {session !== null && (
          <Dashboard
            key={session.id}
            session={session}
            fromWall
            onSwitch={() => setSession(null)}
          />
        )}
      </>
    );
  }
  if (session === null) {
    return (
      <ConnectForm
        onWatch={watch}
        initial={lastInput}
        wallBots={wallBotsFromLocation(window.location.search)}
        onWatchTogether={watchTogether}
        renderBotList={(connection) => (
          <BotsInMeetings
            key={connection.keyId}
            connection={connection}
            onOpen={(botId) => watch({ ...connection, botId, id: crypto.randomUUID() })}
            onWatchTogether={(botIds) => watchTogether(connection, botIds)}
          />
        )}
      />
    );
  }
  return <Dashboard key={session.id} session={session} onSwitch={() => setSession(null)} />;
}
