import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ConnectForm } from './connect-form';
import { DEMO_BOT_ID } from '../../common/demo-meeting';

function setup(search = '', wallBots: string[] = []) {
  window.history.replaceState(null, '', `/${search}`);
  const onWatch = vi.fn();
  const onWatchTogether = vi.fn();
  const renderBotList = vi.fn(() => <p>the bot list</p>);
  render(
    <ConnectForm
      onWatch={onWatch}
      wallBots={wallBots}
      onWatchTogether={onWatchTogether}
      renderBotList={renderBotList}
    />,
  );
  return { onWatch, onWatchTogether, renderBotList, user: userEvent.setup() };
}

afterEach(() => {
  window.localStorage.clear();
});

describe('the connect screen', () => {
  it('starts watching with the bot ID and key the user typed', async () => {
    const { onWatch, user } = setup();
    await user.type(screen.getByLabelText('Bot ID'), 'bot_weIAju4OXNZkDTpZ');
    await user.type(screen.getByLabelText('API key'), 'key-123');
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    expect(onWatch).toHaveBeenCalledWith(
      expect.objectContaining({
        botId: 'bot_weIAju4OXNZkDTpZ',
        credential: { kind: 'key', apiKey: 'key-123' },
        source: 'attendee',
      }),
    );
  });

  it('hides the key as a password', () => {
    setup();
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');
  });

  it('says what is wrong with a bot ID at the field and sends nothing', async () => {
    const { onWatch, user } = setup();
    await user.type(screen.getByLabelText('Bot ID'), 'bot_../../admin');
    await user.type(screen.getByLabelText('API key'), 'key-123');
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    const field = screen.getByLabelText('Bot ID');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/only letters and digits/);
    expect(onWatch).not.toHaveBeenCalled();
  });

  it('asks for a key before watching', async () => {
    const { onWatch, user } = setup();
    await user.type(screen.getByLabelText('Bot ID'), 'bot_abc');
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/Enter the API key/);
    expect(onWatch).not.toHaveBeenCalled();
  });

  it('pre-fills the bot ID from ?bot= in the address', () => {
    setup('?bot=bot_fromTheLink1');
    expect(screen.getByLabelText('Bot ID')).toHaveValue('bot_fromTheLink1');
  });

  it('keeps the key out of storage unless asked to remember it', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Bot ID'), 'bot_abc');
    await user.type(screen.getByLabelText('API key'), 'key-123');
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('key-123');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('key-123');
  });

  it('remembers the key on this device when ticked, and forgets it on request', async () => {
    const first = setup();
    await first.user.type(screen.getByLabelText('Bot ID'), 'bot_abc');
    await first.user.type(screen.getByLabelText('API key'), 'key-123');
    await first.user.click(screen.getByLabelText('Remember on this device'));
    await first.user.click(screen.getByRole('button', { name: 'Watch' }));
    expect(JSON.stringify({ ...window.localStorage })).toContain('key-123');

    document.body.innerHTML = '';
    const second = setup();
    expect(screen.getByLabelText('API key')).toHaveValue('key-123');
    await second.user.click(screen.getByRole('button', { name: 'Forget saved key' }));
    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('key-123');
  });

  it('removes a saved key from storage when “Remember on this device” is unticked', async () => {
    window.localStorage.setItem('attendee-live:api-key', 'key-123');
    const { onWatch, user } = setup();
    expect(screen.getByLabelText('API key')).toHaveValue('key-123');
    expect(screen.getByLabelText('Remember on this device')).toBeChecked();
    await user.type(screen.getByLabelText('Bot ID'), 'bot_abc');
    await user.click(screen.getByLabelText('Remember on this device'));
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    expect(onWatch).toHaveBeenCalled();
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('key-123');
  });

  it('opens the demo meeting without an account', async () => {
    const { onWatch, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Try the demo meeting' }));
    expect(onWatch).toHaveBeenCalledWith(
      expect.objectContaining({ botId: DEMO_BOT_ID, source: 'demo' }),
    );
  });

  it('lists the key’s bots when there is a key and no bot ID, never the key in a query key', async () => {
    const { renderBotList, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Show my bots' }));
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(
      'Enter the API key to list its bots.',
    );
    expect(renderBotList).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('API key'), 'sk_mine');
    await user.click(screen.getByRole('button', { name: 'Show my bots' }));
    expect(screen.getByText('the bot list')).toBeInTheDocument();
    expect(renderBotList).toHaveBeenLastCalledWith(
      expect.objectContaining({
        credential: { kind: 'key', apiKey: 'sk_mine' },
        source: 'attendee',
      }),
    );
    // The form folds away so that the list starts on the first screen, and unfolds on asking.
    expect(screen.queryByRole('textbox', { name: 'Bot ID' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Watch a bot by ID' }));
    expect(screen.getByText('the bot list')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show my bots' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Bot ID' }), 'bot_x');
    expect(screen.queryByRole('button', { name: 'Show my bots' })).not.toBeInTheDocument();
  });

  it('reopens a wall from the address once the key is given', async () => {
    const { onWatchTogether, user } = setup('?bots=bot_a1,bot_b2', ['bot_a1', 'bot_b2']);
    expect(screen.getByText(/Reopen the wall of 2 meetings/)).toHaveTextContent('bot_a1, bot_b2');
    await user.type(screen.getByLabelText('API key'), 'sk_mine');
    await user.click(screen.getByRole('button', { name: 'Watch together' }));
    expect(onWatchTogether).toHaveBeenCalledWith(
      expect.objectContaining({ credential: { kind: 'key', apiKey: 'sk_mine' } }),
      ['bot_a1', 'bot_b2'],
    );
  });
});
