import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import {
  APP_WAIT_MS,
  findRoster,
  REAL_BOT,
  renderAppWithSimulator as setup,
  watch,
} from '../testing/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** REAL_BOT's description: it joined as its two-hour meeting began. */
const twoHourBot = () => ({ realBotJoinedAtMs: Date.now() - 2 * 3_600_000 - 60_000 });

/** REAL_BOT with a two-hour history in which Lee joins early and leaves near the end. */
function meetingWhereLeeLeavesLate(simulator: ReturnType<typeof setup>['simulator']) {
  const start = Date.now() - 2 * 3_600_000;
  const at = (ms: number) => ({ createdAtMs: ms, timestampMs: ms });
  for (let person = 0; person < 30; person += 1) {
    simulator.join(REAL_BOT, { uuid: `p${person}`, name: `Person ${person}` }, at(start + person));
  }
  simulator.join(REAL_BOT, { uuid: 'lee', name: 'Leaver Lee' }, at(start + 100));
  for (let index = 0; index < 400; index += 1) {
    simulator.speechStart(REAL_BOT, `p${index % 30}`, at(start + 60_000 + index * 17_000));
  }
  simulator.leave(REAL_BOT, 'lee', at(Date.now() - 60_000));
}

describe('while a long history loads', () => {
  it('shows the events and participants known so far, and who is here only once it is all in', async () => {
    const { simulator, fetchMock, user } = setup(twoHourBot());
    const start = Date.now() - 2 * 3_600_000;
    const at = (ms: number) => ({ createdAtMs: ms, timestampMs: ms });
    for (let person = 0; person < 30; person += 1) {
      simulator.join(
        REAL_BOT,
        { uuid: `p${person}`, name: `Person ${person}` },
        at(start + person),
      );
    }
    simulator.join(REAL_BOT, { uuid: 'lee', name: 'Leaver Lee' }, at(start + 100));
    for (let index = 0; index < 400; index += 1) {
      simulator.speechStart(REAL_BOT, `p${index % 30}`, at(start + 60_000 + index * 17_000));
    }
    // Lee leaves near the end: a roster from the first part of the history would show Lee.
    simulator.leave(REAL_BOT, 'lee', at(Date.now() - 60_000));

    // Every window but the first (the only one without `after`) waits until released.
    const routed = fetchMock.getMockImplementation()!;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    fetchMock.mockImplementation(async (input, init) => {
      if (String(input).includes('after=')) await released;
      return routed(input, init);
    });

    await watch(user, REAL_BOT, 'right-key');
    const timeline = await screen.findByRole(
      'list',
      { name: 'Timeline' },
      { timeout: APP_WAIT_MS },
    );
    await waitFor(() => expect(within(timeline).getByText('Leaver Lee')).toBeInTheDocument(), {
      timeout: APP_WAIT_MS,
    });
    await waitFor(() =>
      expect(screen.getByText(/31 participants seen so far/)).toBeInTheDocument(),
    );
    expect(screen.getByText('Loading who is here…')).toBeInTheDocument();
    expect(screen.getByText(/What happened up to \d\d:\d\d is below/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Currently present' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Present now')).not.toBeInTheDocument();

    release();
    const roster = await findRoster();
    expect(within(roster).queryByText('Leaver Lee')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Present now')).toHaveTextContent('30');
    expect(screen.queryByText('Loading who is here…')).not.toBeInTheDocument();
  }, 20_000);

  it('never shows a roster when loading stops part-way, and keeps the events it has', async () => {
    const { simulator, fetchMock, user } = setup(twoHourBot());
    meetingWhereLeeLeavesLate(simulator);
    const routed = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) =>
      String(input).includes('after=')
        ? new Response('{"results": "nope"}', { status: 200 })
        : routed(input, init),
    );

    await watch(user, REAL_BOT, 'right-key');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent a response we could not read',
    );
    expect(screen.getByText('Who is here is not known')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Currently present' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Present now')).not.toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByText('Leaver Lee')).toBeInTheDocument();
  }, 20_000);
});
