import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InstrumentedAttendee } from '../../server/testing/instrumented-attendee';
import type { Clock } from '../../server/simulator/clock';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../common/demo-meeting';
import { AppProvider } from '../app/provider';
import { createQueryClient } from '../app/query-client';
import type { RefreshIntervals } from '../lib/refresh-intervals';
import { App } from '../app/app';
import { routeFetchToSimulator } from './simulated-fetch';

// The parts the page loads on first use, loaded with this file, so that a test's time is the
// page's and not the first compilation of the dashboard's modules (the page still suspends once
// per part, as it does in the browser).
await Promise.all([
  import('../app/workspace'),
  import('../app/dashboard/participants-section'),
  import('../app/dashboard/expected-section'),
]);

export const REAL_BOT = 'bot_realMeeting00001';

/**
 * The whole app against a simulator holding the demo bot (40 minutes of history, not live) and
 * REAL_BOT (empty, key "right-key"); `realBotState` starts REAL_BOT outside the meeting.
 */
/**
 * Short enough that a test sees a poll, a host change or a state change within a second, long
 * enough that the simulator is not asked hundreds of times.
 */
export const TEST_REFRESH_INTERVALS: RefreshIntervals = {
  eventsPollMs: 250,
  botStateMs: 400,
  hostsMs: 400,
};

export function renderAppWithSimulator(
  options: { realBotState?: string; clock?: Clock; realBotJoinedAtMs?: number } = {},
) {
  const simulator = new InstrumentedAttendee({
    seed: 7,
    lateCommitProbability: 0,
    clock: options.clock,
  });
  simulator.addBot({
    id: DEMO_BOT_ID,
    apiKey: DEMO_API_KEY,
    meeting: { historyMinutes: 40, live: false },
  });
  simulator.addBot({
    id: REAL_BOT,
    apiKey: 'right-key',
    state: options.realBotState,
    joinedAtMs: options.realBotJoinedAtMs,
  });
  const fetchMock = routeFetchToSimulator(simulator);
  window.history.replaceState(null, '', '/');
  // The app's own client: every query sets its own retry policy, and that policy is under test.
  render(
    <AppProvider client={createQueryClient()} intervals={TEST_REFRESH_INTERVALS}>
      <App />
    </AppProvider>,
  );
  return { simulator, fetchMock, user: userEvent.setup() };
}

/**
 * How long a test waits for the page to show something: it only matters on a slow run, and a
 * loaded machine (CI beside other jobs) took more than 5 s for a file's first dashboard.
 */
export const APP_WAIT_MS = 15_000;

/** The roster, once the history is in (the page shows it only then). */
export function findRoster() {
  return screen.findByRole('list', { name: 'Currently present' }, { timeout: APP_WAIT_MS });
}

export async function watch(user: ReturnType<typeof userEvent.setup>, botId: string, key: string) {
  // Pasted, as people bring a bot ID and a key from Attendee's dashboard.
  await user.click(screen.getByLabelText('Bot ID'));
  await user.paste(botId);
  await user.click(screen.getByLabelText('API key'));
  await user.paste(key);
  await user.click(screen.getByRole('button', { name: 'Watch' }));
}
