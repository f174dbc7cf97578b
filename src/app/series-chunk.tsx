/*
 * "Attendance across meetings", a chunk of its own loaded on its button: the view and the
 * dashboard's expected-list editor, which the app hands it (a feature never imports another).
 */
import { ExpectedListEditor } from '../features/expected-attendees/expected-list-editor';
import { SeriesView, type SeriesViewProps } from '../features/series/series-view';

export function SeriesPage(props: Omit<SeriesViewProps, 'renderListEditor'>) {
  return (
    <SeriesView {...props} renderListEditor={(editor) => <ExpectedListEditor {...editor} />} />
  );
}
