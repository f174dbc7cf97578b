import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { newsSource } from '../../testing/news-source';
import { afterNextPaint } from '../../testing/after-next-paint';
import { JoinAlerts, type JoinAlertsProps } from './join-alerts';

const person = (name: string) => ({ uuid: name, name, isHost: false });
const alerts = () => screen.queryByRole('alert', { name: 'Join alerts' });

/** As the dashboard holds it: the watched names kept above the alerts. */
function WatchingAlerts(props: Omit<JoinAlertsProps, 'watched' | 'onWatchedChange'>) {
  const [watched, setWatched] = useState<string[]>([]);
  return <JoinAlerts {...props} watched={watched} onWatchedChange={setWatched} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function watchFor(name: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Tell me when they join'), name);
  await user.click(screen.getByRole('button', { name: 'Add to watch list' }));
  return user;
}

describe('telling me when they join', () => {
  it('says in the page when someone on the list joins or leaves, and nobody else', async () => {
    const source = newsSource();
    render(<WatchingAlerts subscribeToNews={source.subscribe} enabled />);
    await watchFor('ruiz, dana');
    source.send({ joined: [person('Ada'), person('Dana Ruiz')], left: [] });
    expect(alerts()).toHaveTextContent('Dana Ruiz joined');
    expect(alerts()).not.toHaveTextContent('Ada');
    source.send({ joined: [], left: [person('Dana Ruiz')] });
    expect(alerts()?.firstElementChild).toHaveTextContent('Dana Ruiz left');
  });

  it('stays quiet about the history, and about someone taken off the list', async () => {
    const source = newsSource();
    const { rerender } = render(
      <WatchingAlerts subscribeToNews={source.subscribe} enabled={false} />,
    );
    const user = await watchFor('Dana Ruiz');
    source.send({ joined: [person('Dana Ruiz')], left: [] });
    expect(alerts()).toBeNull();
    rerender(<WatchingAlerts subscribeToNews={source.subscribe} enabled />);
    await user.click(screen.getByRole('button', { name: 'Stop watching for Dana Ruiz' }));
    source.send({ joined: [person('Dana Ruiz')], left: [] });
    expect(alerts()).toBeNull();
  });

  it('also notifies on the desktop when allowed', async () => {
    const shown: string[] = [];
    vi.stubGlobal(
      'Notification',
      class {
        static permission = 'default';
        static requestPermission = async () => 'granted';
        constructor(title: string) {
          shown.push(title);
        }
      },
    );
    const source = newsSource();
    render(<WatchingAlerts subscribeToNews={source.subscribe} enabled />);
    const user = await watchFor('Dana Ruiz');
    await user.click(screen.getByLabelText('Also as a desktop notification'));
    // Permission is asked for asynchronously: the box is ticked once it is granted.
    await waitFor(() =>
      expect(screen.getByLabelText('Also as a desktop notification')).toBeChecked(),
    );
    await afterNextPaint();
    source.send({ joined: [person('Dana Ruiz')], left: [] });
    expect(shown).toEqual(['Dana Ruiz joined']);
  });
});
