import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { captureDownloads, textOf } from '../testing/capture-downloads';
import {
  APP_WAIT_MS,
  findRoster,
  REAL_BOT,
  renderAppWithSimulator as setup,
  TEST_REFRESH_INTERVALS,
  watch,
} from '../testing/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the dashboard', () => {
  it('shows a live join and removes it on leave', async () => {
    const { simulator, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'host-1', name: 'Grace Host', isHost: true });
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();
    expect(within(roster).getByText('Grace Host')).toBeInTheDocument();

    simulator.join(REAL_BOT, { uuid: 'newcomer', name: 'Late Larry' });
    await waitFor(() => expect(within(roster).getByText('Late Larry')).toBeInTheDocument(), {
      timeout: APP_WAIT_MS,
    });
    expect(screen.getByLabelText('Present now')).toHaveTextContent('2');
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getAllByRole('listitem')[0]).toHaveTextContent(/Late Larry\s*joined/);

    simulator.leave(REAL_BOT, 'newcomer');
    await waitFor(() => expect(within(roster).queryByText('Late Larry')).not.toBeInTheDocument(), {
      timeout: APP_WAIT_MS,
    });
    expect(screen.getByLabelText('Present now')).toHaveTextContent('1');
    expect(within(timeline).getAllByRole('listitem')[0]).toHaveTextContent(/Late Larry\s*left/);

    // A name in the timeline narrows it to that person; the chip clears it.
    await user.click(within(timeline).getAllByRole('button', { name: 'Grace Host' })[0]!);
    const clear = await screen.findByRole('button', { name: 'Clear the filter on Grace Host' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(1);
    await user.click(clear);
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(3);
  });

  it('asks for the bot once before the history it plans: the dashboard takes the answer asked for at Watch', async () => {
    const { simulator, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'host-1', name: 'Grace Host', isHost: true });
    await watch(user, REAL_BOT, 'right-key');
    await findRoster();
    const paths = simulator.requests.map((request) => request.path);
    const firstEvents = paths.findIndex((path) => path.endsWith('/participant_events'));
    expect(paths[0]).toBe(`/api/v1/bots/${REAL_BOT}`);
    // The dashboard, mounting after the answer came, takes it rather than asking again.
    expect(paths.slice(0, firstEvents).filter((path) => path === paths[0])).toHaveLength(1);
  });

  it('says when the roster counts one person twice, so Peak never reads as less than now', async () => {
    const { simulator, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'laptop', name: 'Dana Two', userUuid: 'user-dana' });
    simulator.join(REAL_BOT, { uuid: 'phone', name: 'Dana Two', userUuid: 'user-dana' });
    simulator.join(REAL_BOT, { uuid: 'solo', name: 'Sol One', userUuid: 'user-sol' });
    await watch(user, REAL_BOT, 'right-key');
    await findRoster();

    const presentCard = screen.getByLabelText('Present now').parentElement!;
    expect(screen.getByLabelText('Present now')).toHaveTextContent('3');
    expect(presentCard).toHaveTextContent('2 people, some joined twice');
    expect(screen.getByLabelText('Peak')).toHaveTextContent('2');
    expect(screen.getByLabelText('Unique participants')).toHaveTextContent('2');
  });

  it('says when the bot’s state cannot be read, keeps the events coming, and recovers', async () => {
    const { simulator, user } = setup();
    simulator.faults.always({ kind: 'status', status: 200, body: '{"unexpected":true}' }, 'bot');
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();
    expect(within(roster).getByText('Ada')).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Bot state unknown: Unexpected bot description. Retrying.');

    simulator.faults.clear();
    await waitFor(() => expect(header).toHaveTextContent('Bot state: joined recording'), {
      timeout: 3000,
    });
    expect(header).not.toHaveTextContent('Bot state unknown');
  });

  it('says it once when the bot’s state and the events fail alike', async () => {
    const { simulator, fetchMock, user } = setup();
    simulator.faults.always({ kind: 'status', status: 503 });
    await watch(user, REAL_BOT, 'right-key');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/Reconnecting… Server error 503/),
    );
    const botRequests = fetchMock.mock.calls.filter(([url]) => String(url).endsWith(REAL_BOT));
    expect(botRequests.length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('banner')).not.toHaveTextContent('Bot state');
  });

  it('moves the Host badge when the host changes in place, with no event', async () => {
    const { simulator, user } = setup();
    // A minute old: past the live polls' overlap, so no poll brings these events (and flags) back.
    const aMinuteAgo = { createdAtMs: Date.now() - 60_000, timestampMs: Date.now() - 60_000 };
    simulator.join(REAL_BOT, { uuid: 'grace', name: 'Grace Host', isHost: true }, aMinuteAgo);
    simulator.join(REAL_BOT, { uuid: 'ada', name: 'Ada Quiet' }, aMinuteAgo);
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();
    const badgeOf = (name: string) =>
      within(within(roster).getByText(name).closest('li')!).queryByText('Host', { exact: true });
    expect(badgeOf('Grace Host')).toBeInTheDocument();
    expect(badgeOf('Ada Quiet')).not.toBeInTheDocument();
    const eventsBefore = simulator.visibleEvents(REAL_BOT).length;

    simulator.setHost(REAL_BOT, 'grace', false);
    simulator.setHost(REAL_BOT, 'ada', true);
    await waitFor(() => expect(badgeOf('Ada Quiet')).toBeInTheDocument(), { timeout: 3000 });
    expect(badgeOf('Grace Host')).not.toBeInTheDocument();
    const table = screen.getByRole('table');
    await waitFor(() =>
      expect(within(table).getByText('Ada Quiet').closest('tr')).toHaveTextContent('Host'),
    );
    expect(simulator.visibleEvents(REAL_BOT)).toHaveLength(eventsBefore);
  });

  it('says the key was rejected, with the server’s reason, and stops asking', async () => {
    // The page's timers on a clock the test moves (and that follows real time meanwhile), so that
    // "no request for a while" is proved without waiting that while.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, fetchMock } = setup();
    await watch(user, REAL_BOT, 'wrong-key');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('API key rejected');
    expect(alert).toHaveTextContent('Invalid or disabled API key');
    // Nothing was loaded, so nothing is said to stay below.
    expect(alert).not.toHaveTextContent('stays below');
    // Several poll and refresh intervals pass without a request.
    const calls = fetchMock.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(20 * TEST_REFRESH_INTERVALS.botStateMs));
    expect(fetchMock.mock.calls.length).toBe(calls);
    vi.useRealTimers();
    await user.click(screen.getByRole('button', { name: 'Change bot or API key' }));
    expect(screen.getByLabelText('Bot ID')).toHaveValue(REAL_BOT);
  });

  it('says when the bot is unknown for this key', async () => {
    const { user } = setup();
    await watch(user, 'bot_doesNotExist1234', 'right-key');
    expect(await screen.findByRole('alert')).toHaveTextContent('Bot not found for this API key');
  });

  it('keeps what it shows through a server error and says it is reconnecting', async () => {
    const { simulator, fetchMock, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();

    const realImplementation = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async () => new Response('Bad gateway', { status: 502 }));
    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent(/Reconnecting… Server error 502/),
      {
        timeout: APP_WAIT_MS,
      },
    );
    expect(within(roster).getByText('Ada')).toBeInTheDocument();

    simulator.join(REAL_BOT, { uuid: 'b', name: 'Babbage' });
    fetchMock.mockImplementation(realImplementation);
    await waitFor(() => expect(within(roster).getByText('Babbage')).toBeInTheDocument(), {
      timeout: 8000,
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Live/));
  }, 20_000);

  it('explains a malformed response instead of crashing', async () => {
    const { fetchMock, user } = setup();
    fetchMock.mockImplementation(async () => new Response('{"results": "nope"}', { status: 200 }));
    await watch(user, REAL_BOT, 'right-key');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent a response we could not read',
    );
  });

  it('leaves out one unreadable event, says so, and shows the rest', async () => {
    const { simulator, fetchMock, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    simulator.join(REAL_BOT, { uuid: 'b', name: 'Babbage' });
    const realImplementation = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      const response = await realImplementation(input, init);
      if (!String(input).includes('/participant_events')) return response;
      const body = (await response.json()) as { results: Record<string, unknown>[] };
      const [first] = body.results;
      if (first) delete first.participant_uuid;
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: response.headers,
      });
    });
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();
    expect(within(roster).getByText('Babbage')).toBeInTheDocument();
    expect(within(roster).queryByText('Ada')).not.toBeInTheDocument();
    const notice = screen.getByText(/1 event was unreadable and left out/);
    await user.click(notice);
    const adaJoin = simulator.visibleEvents(REAL_BOT)[0]!;
    expect(screen.getByText(adaJoin.id).closest('li')).toHaveTextContent(/participant_uuid/);
  });

  it('says the meeting is over after the bot leaves, after one last poll', async () => {
    const { simulator, user } = setup();
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    await watch(user, REAL_BOT, 'right-key');
    await findRoster();
    simulator.leave(REAL_BOT, 'a');
    simulator.setState(REAL_BOT, 'ended');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Meeting over/), {
      timeout: 3000,
    });
    expect(screen.getByText('Everyone had left when the bot left.')).toBeInTheDocument();
  });

  it('never writes the API key into an exported file', async () => {
    const { simulator, user } = setup();
    const { blobs } = captureDownloads();
    simulator.join(REAL_BOT, { uuid: 'a', name: 'Ada' });
    await watch(user, REAL_BOT, 'right-key');
    await findRoster();
    for (const name of ['Export CSV', 'Export events (CSV)', 'Export events (JSON)']) {
      await user.click(screen.getByRole('button', { name }));
    }

    expect(blobs).toHaveLength(3);
    for (const blob of blobs) {
      const text = await textOf(blob);
      expect(text).toContain('Ada');
      expect(text).not.toContain('right-key');
    }
  });
});
