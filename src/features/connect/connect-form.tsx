import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import type { KeyConnection, WatchSession } from '../../lib/watch-session';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../../common/demo-meeting';
import { botIdFromLocation, botIdProblem } from '../../lib/bot-id';
import { forgetKey, readRememberedKey, rememberKey } from './remembered-key';
import { panelClasses } from '../../components/ui/panel';

export interface ConnectFormProps {
  onWatch: (session: WatchSession) => void;
  /** Values to start from when coming back from the dashboard. */
  initial?: { botId: string; apiKey: string };
  /** A wall to reopen, from `?bots=` in the address. */
  wallBots: readonly string[];
  onWatchTogether: (connection: KeyConnection, botIds: readonly string[]) => void;
  /** The key's bots, once "Show my bots" is pressed (another feature draws them). */
  renderBotList: (connection: KeyConnection) => ReactNode;
}

function newSessionId(): string {
  return crypto.randomUUID();
}

export function ConnectForm(props: ConnectFormProps) {
  const { onWatch, initial, wallBots } = props;
  const ids = { bot: useId(), botHelp: useId(), key: useId(), keyHelp: useId() };
  const [botId, setBotId] = useState(
    () => initial?.botId ?? botIdFromLocation(window.location.search),
  );
  const [remembered] = useState(() => readRememberedKey());
  const [apiKey, setApiKey] = useState(() => initial?.apiKey ?? remembered ?? '');
  const [remember, setRemember] = useState(remembered !== null);
  const [botIdMessage, setBotIdMessage] = useState<string | null>(null);
  const [keyMessage, setKeyMessage] = useState<string | null>(null);
  const [listing, setListing] = useState<KeyConnection | null>(null);
  // Folded away while the bots are listed, so the list starts on the first screen.
  const [formFolded, setFormFolded] = useState(false);
  const list = (connection: KeyConnection) => {
    setListing(connection);
    setFormFolded(true);
  };

  /** The key as typed, remembered if asked; null (and the field says why) when there is none. */
  const takeKey = (purpose: string): string | null => {
    const key = apiKey.trim();
    setKeyMessage(key === '' ? `Enter the API key ${purpose}.` : null);
    if (key === '') {
      document.getElementById(ids.key)?.focus();
      return null;
    }
    if (remember) rememberKey(key);
    else forgetKey();
    return key;
  };

  const showMyBots = () => {
    setBotIdMessage(null);
    const key = takeKey('to list its bots');
    if (key !== null)
      list({ credential: { kind: 'key', apiKey: key }, source: 'attendee', keyId: newSessionId() });
  };

  const reopenWall = () => {
    const key = takeKey('of these bots’ project');
    if (key === null) return;
    props.onWatchTogether(
      { credential: { kind: 'key', apiKey: key }, source: 'attendee', keyId: newSessionId() },
      wallBots,
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = botIdProblem(botId);
    const keyProblem = apiKey.trim() === '' ? 'Enter the API key for this bot’s project.' : null;
    setBotIdMessage(problem);
    setKeyMessage(keyProblem);
    if (problem || keyProblem) {
      document.getElementById(problem ? ids.bot : ids.key)?.focus();
      return;
    }
    if (remember) rememberKey(apiKey.trim());
    else forgetKey();
    onWatch({
      botId: botId.trim(),
      credential: { kind: 'key', apiKey: apiKey.trim() },
      source: 'attendee',
      id: newSessionId(),
    });
  };

  const watchDemo = () => {
    onWatch({
      botId: DEMO_BOT_ID,
      credential: { kind: 'key', apiKey: DEMO_API_KEY },
      source: 'demo',
      id: newSessionId(),
    });
  };

  return (
    <>
      <main
        className={`mx-auto flex max-w-md flex-col px-4 ${listing ? 'pt-6' : 'min-h-screen justify-center py-10'}`}
      >
        <h1 className="text-2xl font-semibold tracking-tight">Attendee Live</h1>
        {formFolded && (
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
            <p>
              {listing?.source === 'demo' ? 'The demo’s bots, below.' : 'Your key’s bots, below.'}
            </p>
            <Button onClick={() => setFormFolded(false)}>Watch a bot by ID</Button>
          </div>
        )}
        <div hidden={formFolded}>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Watch who is in the meeting your Attendee bot is attending: joins, leaves and the people
            present right now, as they happen.
          </p>
          <form
            noValidate
            onSubmit={submit}
            className={`${panelClasses} mt-8 space-y-5 p-6 shadow-sm`}
          >
            <ConnectField
              id={ids.bot}
              helpId={ids.botHelp}
              label="Bot ID"
              message={botIdMessage}
              name="bot"
              autoComplete="off"
              spellCheck={false}
              placeholder="bot_weIAju4OXNZkDTpZ"
              value={botId}
              onChange={(event) => setBotId(event.target.value)}
            />
            <ConnectField
              id={ids.key}
              helpId={ids.keyHelp}
              label="API key"
              message={keyMessage}
              name="api-key"
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
            />
            <div className="flex items-center justify-between gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={remember}
                  onChange={(event) => setRemember(event.target.checked)}
                  className="size-4 accent-teal-700"
                />
                Remember on this device
              </label>
              {remembered !== null && (
                <Button
                  variant="quiet"
                  onClick={() => {
                    forgetKey();
                    setRemember(false);
                    setApiKey('');
                  }}
                >
                  Forget saved key
                </Button>
              )}
            </div>
            <Button type="submit" variant="primary" className="w-full">
              Watch
            </Button>
            {botId.trim() === '' && (
              <Button className="w-full" onClick={showMyBots}>
                Show my bots
              </Button>
            )}
            {wallBots.length > 0 && (
              <div className="border-t border-slate-200 pt-4 text-sm dark:border-slate-700">
                <p>
                  Reopen the wall of {wallBots.length}{' '}
                  {wallBots.length === 1 ? 'meeting' : 'meetings'}:{' '}
                  <span className="font-mono break-all">{wallBots.join(', ')}</span>
                </p>
                <Button className="mt-2 w-full" onClick={reopenWall}>
                  Watch together
                </Button>
              </div>
            )}
          </form>
          <div className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">
            <p>No Attendee account at hand?</p>
            <div className="mt-2 flex flex-wrap justify-center gap-2">
              <Button onClick={watchDemo}>Try the demo meeting</Button>
              <Button
                onClick={() =>
                  list({
                    credential: { kind: 'key', apiKey: DEMO_API_KEY },
                    source: 'demo',
                    keyId: newSessionId(),
                  })
                }
              >
                Show the demo’s bots
              </Button>
            </div>
          </div>
        </div>
      </main>
      {listing && (
        <div className="mx-auto max-w-3xl px-4 pt-4 pb-10">{props.renderBotList(listing)}</div>
      )}
    </>
  );
}

/** A labelled input of the form, with what is wrong with it below, read with it. */
function ConnectField({
  id,
  helpId,
  label,
  message,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  helpId: string;
  label: string;
  message: string | null;
}) {
  const border =
    message !== null
      ? 'border-red-600 dark:border-red-400'
      : 'border-slate-300 dark:border-slate-600';
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={message !== null}
        aria-describedby={message ? helpId : undefined}
        className={`mt-1.5 block w-full rounded-md border ${border} bg-white px-3 py-2 font-mono text-sm leading-6 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-600 dark:bg-slate-950`}
        {...props}
      />
      {message && (
        <p id={helpId} className="mt-1.5 text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
    </div>
  );
}
