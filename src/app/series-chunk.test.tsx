import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, vi } from 'vitest';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import { addDemoSeries, DEMO_SERIES_URL } from '../../server/simulator/demo-series';
import { routeFetchToSimulator } from '../testing/simulated-fetch';
import { APP_WAIT_MS } from '../testing/render-app';
import { SeriesPage } from './series-chunk';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderSeries() {
  const simulator = new InstrumentedAttendee({ lateCommitProbability: 0 });
  addDemoSeries(simulator, 'series-key');
  routeFetchToSimulator(simulator);
  window.history.replaceState(null, '', '/');
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <SeriesPage
        connection={{
          credential: { kind: 'key', apiKey: 'series-key' },
          source: 'attendee',
          keyId: 'k',
        }}
        onClose={() => undefined}
      />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const names = () =>
  within(screen.getByRole('table', { name: 'Attendance across meetings' }))
    .getAllByRole('rowheader')
    .map((header) => header.textContent);

describe('attendance across meetings', () => {
  it('adds the expected people who never came, and filters those who missed the last N', async () => {
    const user = renderSeries();
    await user.click(
      await screen.findByRole(
        'button',
        { name: `Show attendance for ${DEMO_SERIES_URL}` },
        { timeout: APP_WAIT_MS },
      ),
    );
    await screen.findByText('6 of 6 meetings loaded', undefined, { timeout: APP_WAIT_MS });
    expect(window.location.search).toContain('series=');

    await user.click(screen.getByRole('button', { name: 'Expected attendees' }));
    await user.type(screen.getByLabelText('Names, one a line'), 'Carter, Ben{enter}Nia Never');
    await user.click(screen.getByRole('button', { name: 'Save the list' }));
    await waitFor(() => expect(names()).toContain('Nia Never (expected)never came'));

    await user.click(screen.getByRole('checkbox', { name: /Missed the last/ }));
    expect(names()).toEqual([
      'Ben Carter (expected)',
      'Emma Wilson',
      'Nia Never (expected)never came',
    ]);
    await user.clear(screen.getByLabelText('How many of the last meetings'));
    await user.type(screen.getByLabelText('How many of the last meetings'), '3');
    expect(names()).toEqual(['Ben Carter (expected)', 'Nia Never (expected)never came']);
  });
});
