import { useState } from 'react';
import { explainError } from '../attendee-api/explain-error';
import type { KeyConnection, WatchSession } from '../lib/watch-session';
import { MeetingWall } from '../features/my-bots/meeting-wall';
import { SharedViewNotice } from '../features/share/shared-view-notice';
import { useSharedLink } from '../features/share/use-shared-link';
import { ThemeControl } from '../features/theme/theme-control';
import { Dashboard } from './dashboard/dashboard';

/**
 * A read-only link (`#share=<token>`): its one meeting's dashboard, or the wall of its
 * meetings, with no key anywhere in the page and no way to another bot.
 */
export function SharedView({ token }: { token: string }) {
  const link = useSharedLink(token);
  const [openBotId, setOpenBotId] = useState<string | null>(null);
  const [viewId] = useState(() => crypto.randomUUID());

  if (link.data === undefined) {
    const problem = link.error ? explainError(link.error) : null;
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-lg font-semibold tracking-tight">Attendee Live</h1>
        {problem ? (
          <div
            role="alert"
            className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-400/40 dark:bg-red-950/40 dark:text-red-100"
          >
            <p className="font-semibold">{problem.title}</p>
            {problem.detail && <p className="mt-1 text-sm">{problem.detail}</p>}
          </div>
        ) : (
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
            Opening the shared link…
          </p>
        )}
      </main>
    );
  }

  const { credential, source, botIds } = link.data;
  const connection: KeyConnection = { credential, source, keyId: viewId };
  const sessionFor = (botId: string): WatchSession => ({
    credential,
    source,
    botId,
    id: `${viewId}:${botId}`,
  });
  const notice = <SharedViewNotice expiresAtMs={credential.expiresAtMs} />;

  if (botIds.length === 1) {
    return (
      <>
        {notice}
        <Dashboard session={sessionFor(botIds[0]!)} />
      </>
    );
  }
  return (
    <>
      {notice}
      <div hidden={openBotId !== null}>
        <MeetingWall connection={connection} botIds={botIds} onOpen={setOpenBotId}>
          <ThemeControl />
        </MeetingWall>
      </div>
      {openBotId !== null && (
        <Dashboard
          key={openBotId}
          session={sessionFor(openBotId)}
          fromWall
          onSwitch={() => setOpenBotId(null)}
        />
      )}
    </>
  );
}
