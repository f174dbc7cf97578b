import { useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { apiKeyOf, type Credential, type WatchSession } from '../../lib/watch-session';

// In the workspace chunk with the dashboard and the wall (never before the first Watch): a chunk
// of its own cost more gzip in chunk overhead than the dialog weighs.
import ShareDialog from './share-dialog';

export interface ShareLinkButtonProps {
  credential: Credential;
  source: WatchSession['source'];
  botIds: readonly string[];
}

/** **Share read-only link**, for a key holder; a shared view has no key and cannot share on. */
export function ShareLinkButton({ credential, source, botIds }: ShareLinkButtonProps) {
  const [open, setOpen] = useState(false);
  const openedFrom = useRef<HTMLElement | null>(null);
  const apiKey = apiKeyOf(credential);
  if (apiKey === null) return null;
  return (
    <>
      <Button
        compact
        aria-haspopup="dialog"
        onClick={(event) => {
          openedFrom.current = event.currentTarget;
          setOpen(true);
        }}
      >
        Share read-only link
      </Button>
      {open && (
        <ShareDialog
          apiKey={apiKey}
          source={source}
          botIds={botIds}
          onClose={() => {
            setOpen(false);
            // The dialog is unmounted, not just closed: focus goes back where it came from.
            openedFrom.current?.focus();
          }}
        />
      )}
    </>
  );
}
