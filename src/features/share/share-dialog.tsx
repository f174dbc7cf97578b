import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { explainError } from '../../attendee-api/explain-error';
import type { WatchSession } from '../../lib/watch-session';
import { createShareLink, type ShareLifetime } from './api/share-api';
import { linkExpiryInWords, shareLinkFor } from './share-expiry';
import { panelClasses } from '../../components/ui/panel';

const LIFETIMES: { value: ShareLifetime; label: string }[] = [
  { value: '1h', label: '1 hour' },
  { value: '8h', label: '8 hours' },
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
];

type CreatedLink = Awaited<ReturnType<typeof createShareLink>>;
type CreateState =
  | { status: 'idle' | 'pending' }
  | { status: 'created'; link: CreatedLink }
  | { status: 'failed'; error: unknown };

export interface ShareDialogProps {
  apiKey: string;
  source: WatchSession['source'];
  botIds: readonly string[];
  onClose: () => void;
}

/**
 * A modal `<dialog>`: the browser traps focus in it, closes it on Escape and makes the page
 * behind it inert. Choose how long the link lives, create it, copy it.
 */
export default function ShareDialog({ apiKey, source, botIds, onClose }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const linkId = useId();
  const [lifetime, setLifetime] = useState<ShareLifetime>('24h');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  // One request at a time, and an answer for a lifetime no longer chosen is dropped. Local state
  // rather than useMutation: nothing else reads it, and the mutation machinery was half a kilobyte
  // of the page's script.
  const [create, setCreate] = useState<CreateState>({ status: 'idle' });
  const attempt = useRef(0);
  const problem = create.status === 'failed' ? explainError(create.error) : null;
  const created = create.status === 'created' ? create.link : null;
  const link = created ? shareLinkFor(window.location.origin, created.token) : null;

  const startCreating = async () => {
    const mine = ++attempt.current;
    setCreate({ status: 'pending' });
    try {
      const made = await createShareLink(apiKey, source, botIds, lifetime);
      if (mine === attempt.current) setCreate({ status: 'created', link: made });
    } catch (error) {
      if (mine === attempt.current) setCreate({ status: 'failed', error });
    }
  };
  const resetCreate = () => {
    attempt.current++;
    setCreate({ status: 'idle' });
  };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  const what = botIds.length === 1 ? 'this meeting' : `these ${botIds.length} meetings`;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`${panelClasses} m-auto w-[min(32rem,calc(100vw-2rem))] p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:text-slate-100`}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Share a read-only link
      </h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Anyone with the link sees {what} live, without your API key, until it expires. A link cannot
        be withdrawn before then.
      </p>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Valid for</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {LIFETIMES.map((choice) => (
            <label key={choice.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="radio"
                name="share-lifetime"
                value={choice.value}
                checked={lifetime === choice.value}
                onChange={() => {
                  setLifetime(choice.value);
                  resetCreate();
                  setCopied(null);
                }}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      {link === null && (
        <Button
          variant="primary"
          className="mt-4"
          disabled={create.status === 'pending'}
          onClick={() => void startCreating()}
        >
          {create.status === 'pending' ? 'Creating the link…' : 'Create link'}
        </Button>
      )}
      {problem && (
        <div role="alert" className="mt-3 text-sm text-red-800 dark:text-red-200">
          <p className="font-semibold">{problem.title}</p>
          {problem.detail && <p dir="auto">{problem.detail}</p>}
        </div>
      )}
      {link !== null && created && (
        <div className="mt-4 space-y-2">
          <label htmlFor={linkId} className="block text-sm font-medium">
            Link, valid until {linkExpiryInWords(created.expiresAtMs)}
          </label>
          <div className="flex gap-2">
            <input
              id={linkId}
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
            <Button variant="primary" onClick={() => void copy()}>
              Copy
            </Button>
          </div>
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {copied === 'copied' && 'Copied.'}
            {copied === 'failed' && 'Copying was not allowed: select the link and copy it.'}
          </p>
        </div>
      )}
      <div className="mt-5 flex justify-end">
        <Button onClick={() => dialogRef.current?.close()}>Close</Button>
      </div>
    </dialog>
  );
}
