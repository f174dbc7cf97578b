/*
 * "Attendance across meetings", a chunk of its own loaded on its button: the view and the
 * dashboard's expected-list editor, which the app hands it (a feature never imports another).
 * The series in the address (`?series=`, never the key) is read and written here, so the first
 * screen carries none of it.
 */
import { useState } from 'react';
import type { KeyConnection } from '../lib/watch-session';
import { seriesAddress, seriesFromLocation } from '../lib/series-address';
import { ExpectedListEditor } from '../features/expected-attendees/expected-list-editor';
import { SeriesView } from '../features/series/series-view';

export function SeriesPage(props: { connection: KeyConnection; onClose: () => void }) {
  const [initial] = useState(() => seriesFromLocation(window.location.search));
  const address = (series: Parameters<typeof seriesAddress>[1]) =>
    window.history.replaceState(null, '', seriesAddress(window.location.href, series));
  return (
    <SeriesView
      connection={props.connection}
      initial={initial}
      onAddress={address}
      onClose={() => {
        address(null);
        props.onClose();
      }}
      renderListEditor={(editor) => <ExpectedListEditor {...editor} />}
    />
  );
}
