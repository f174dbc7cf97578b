import { lazy, Suspense, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiKeyOf, type KeyConnection, type WatchSession } from '../lib/watch-session';
import { wallAddress, wallBotsFromLocation } from '../lib/wall-address';
import { ConnectForm } from '../features/connect/connect-form';
import { ThemeControl } from '../features/theme/theme-control';
import { shareTokenFromFragment } from '../features/share/share-expiry';
import { askForMeeting } from './dashboard/ask-for-meeting';

// Loaded when first asked for (Watch, "Show my bots", a wall, a shared link): the connect screen
// alone is what a visitor downloads before the first Watch.
const Dashboard = lazy(() =>
  import('./workspace').then((module) => ({ default: module.Dashboard })),
);
const BotsInMeetings = lazy(() =>
  import('./workspace').then((module) => ({ default: module.BotsInMeetings })),
);
const MeetingWall = lazy(() =>
  import('./workspace').then((module) => ({ default: module.MeetingWall })),
);
const ShareLinkButton = lazy(() =>
  import('./workspace').then((module) => ({ default: module.ShareLinkButton })),
);
const SeriesEntry = lazy(() =>
  import('./workspace').then((module) => ({ default: module.SeriesEntry })),
);
const SharedView = lazy(() =>
  import('./workspace').then((module) => ({ default: module.SharedView })),
);

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
  if (shareToken !== null) {
    return (
      <Suspense fallback={<LoadingLine />}>
        <SharedView token={shareToken} />
      </Suspense>
    );
  }
  return <KeyHolderApp />;
}

function KeyHolderApp() {
  const [session, setSession] = useState<WatchSession | null>(null);
  const [wall, setWall] = useState<Wall | null>(null);
  const [lastInput, setLastInput] = useState<{ botId: string; apiKey: string }>();
  // `?series=` opens "Attendance across meetings" once the key is typed and its bots listed.
  const [seriesOpen, setSeriesOpen] = useState(() =>
    new URLSearchParams(window.location.search).has('series'),
  );

  const queryClient = useQueryClient();
  const openDashboard = (next: WatchSession) => {
    setSession(next);
    // The bot's description, which the history's windows are planned from, is asked for while
    // the dashboard's code loads, compiles and renders rather than after: its round trip then
    // overlaps them instead of holding the history up.
    askForMeeting(queryClient, next);
  };

  const watch = (next: WatchSession) => {
    openDashboard(next);
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
    openDashboard({ ...connection, botId, id: crypto.randomUUID() });

  if (wall !== null) {
    return (
      <>
        <div hidden={session !== null}>
          <Suspense fallback={<LoadingLine />}>
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
          </Suspense>
        </div>
        {session !== null && (
          <Suspense fallback={<LoadingLine />}>
            <Dashboard
              key={session.id}
              session={session}
              fromWall
              onSwitch={() => setSession(null)}
            />
          </Suspense>
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
          <Suspense fallback={<LoadingLine />}>
            {seriesOpen ? (
              <SeriesEntry connection={connection} onClose={() => setSeriesOpen(false)} />
            ) : (
              <BotsInMeetings
                key={connection.keyId}
                connection={connection}
                onOpen={(botId) => watch({ ...connection, botId, id: crypto.randomUUID() })}
                onWatchTogether={(botIds) => watchTogether(connection, botIds)}
                onSeries={() => setSeriesOpen(true)}
              />
            )}
          </Suspense>
        )}
      />
    );
  }
  return (
    <Suspense fallback={<LoadingLine />}>
      <Dashboard key={session.id} session={session} onSwitch={() => setSession(null)} />
    </Suspense>
  );
}

/** Where a part loads on first use: one quiet line, so the page does not jump. */
function LoadingLine() {
  return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
}
