import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { ManualClock } from '../../server/simulator/clock';
import {
  APP_WAIT_MS,
  findRoster,
  REAL_BOT,
  renderAppWithSimulator,
  watch,
} from '../testing/render-app';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the status line follows the bot in and out of the meeting', () => {
  it('says the bot is waiting to be admitted, not that nobody came, then goes live', async () => {
    const { simulator, user } = renderAppWithSimulator({ realBotState: 'waiting_room' });
    await watch(user, REAL_BOT, 'right-key');
    const roster = await screen.findByText(
      'The bot is not in the meeting yet. People appear here once it is.',
      undefined,
      { timeout: APP_WAIT_MS },
    );
    expect(roster).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Waiting for the bot to join the meeting: it is in the waiting room until someone in the meeting admits it',
    );
    expect(screen.getByRole('status')).not.toHaveTextContent(/^Live/);

    simulator.setState(REAL_BOT, 'joined_recording');
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    const present = await findRoster();
    await waitFor(() => expect(within(present).getByText('Ada')).toBeInTheDocument(), {
      timeout: APP_WAIT_MS,
    });
    // The events say the bot is in, before its next description does.
    expect(screen.getByRole('status')).toHaveTextContent(/^Live · (instant|every \d+ s) · updated/);
  });

  it('says the bot stopped with an error rather than that it left', async () => {
    const { simulator, user } = renderAppWithSimulator();
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    simulator.setState(REAL_BOT, 'fatal_error');
    await watch(user, REAL_BOT, 'right-key');
    await waitFor(
      () =>
        expect(screen.getByRole('status')).toHaveTextContent(
          /^Meeting over · the bot stopped with an error at \d\d:\d\d/,
        ),
      { timeout: APP_WAIT_MS },
    );
    // What it saw before it failed is still shown.
    expect(within(await findRoster()).getByText('Ada')).toBeInTheDocument();
  });
});

describe('a meeting that is over', () => {
  it('is measured to its end, not to the moment the page is opened', async () => {
    const clock = new ManualClock(Date.now() - 3 * HOUR_MS);
    const { simulator, user } = renderAppWithSimulator({ clock });
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    simulator.join(REAL_BOT, { uuid: 'b', name: 'Babbage' });
    clock.advance(30 * MINUTE_MS);
    simulator.leave(REAL_BOT, 'b');
    simulator.speechStart(REAL_BOT, 'a');
    simulator.setState(REAL_BOT, 'ended');
    await watch(user, REAL_BOT, 'right-key');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Meeting over/), {
      timeout: APP_WAIT_MS,
    });
    expect(screen.getByLabelText('Meeting time')).toHaveTextContent('30 min');
    // The tab's title follows right after the frame that shows the page.
    await waitFor(() => expect(document.title).toBe('Meeting over · Attendee Live'));
    expect(screen.getByLabelText('Present at the end')).toHaveTextContent('1');
    expect(screen.getByText(/^Peak 2 at \d\d:\d\d:\d\d; 1 at the end\.$/)).toBeInTheDocument();
    const roster = within(screen.getByRole('region', { name: 'In the meeting when the bot left' }));
    expect(roster.getByText('Ada')).toBeInTheDocument();
    expect(roster.getByText(/^joined at \d\d:\d\d, in for 30 min$/)).toBeInTheDocument();
    expect(roster.queryByText(/ago$/)).not.toBeInTheDocument();
    // Her last word was cut off by the end, not still being spoken.
    expect(roster.queryByText('speaking')).not.toBeInTheDocument();
    // Ada stayed to the end: 30 minutes, not the three hours since.
    const adaRow = screen.getByRole('row', { name: /^Ada\b/ });
    expect(adaRow).toHaveTextContent('30 min');
    expect(adaRow).not.toHaveTextContent(/\dh/);
  });
});
