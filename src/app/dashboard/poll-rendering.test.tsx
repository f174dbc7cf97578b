import { act, screen, waitFor, within } from '@testing-library/react';
import { REAL_BOT, findRoster, renderAppWithSimulator, watch } from '../../testing/render-app';

/** Every attribute written on a form field of the page, as "tag#label: attribute". */
function recordFieldWrites() {
  const writes: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const field = record.target as HTMLElement;
      if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(field.tagName)) continue;
      const label = field.id ? document.querySelector(`label[for="${field.id}"]`) : null;
      writes.push(
        `${field.tagName.toLowerCase()}#${label?.textContent ?? field.id}: ${record.attributeName}`,
      );
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true });
  return {
    stop() {
      observer.disconnect();
      return writes;
    },
  };
}

/**
 * Moves the page's clock on (inside act: its polls and timers update the page). The clock is the
 * test's, and follows real time between moves, so a while passes without being waited for.
 */
function runFor(ms: number) {
  return act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('a poll with new events', () => {
  // React writes an input's type and name again whenever it renders it, and the browser then
  // recalculates styles: in the frame that shows the poll, that was time taken from the events.
  it('renders none of the page’s form fields again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { simulator, user } = renderAppWithSimulator();
    simulator.join(REAL_BOT, { uuid: 'ada', name: 'Ada' });
    simulator.join(REAL_BOT, { uuid: 'bob', name: 'Bob', isHost: true });
    simulator.speechStart(REAL_BOT, 'bob');
    await watch(user, REAL_BOT, 'right-key');
    const roster = await findRoster();
    await waitFor(() => expect(within(roster).getByText('Bob')).toBeInTheDocument());
    // A few polls and refreshes go by, so what is left is what a poll with news brings.
    await runFor(1000);

    const writes = recordFieldWrites();
    simulator.join(REAL_BOT, { uuid: 'cy', name: 'Cy' });
    simulator.speechStart(REAL_BOT, 'ada');
    await waitFor(() => expect(within(roster).getByText('Cy')).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(screen.getByLabelText('Present now')).toHaveTextContent('3');
    // The parts that follow the paint (chart, table, expected list) catch up meanwhile.
    await runFor(1000);
    expect(writes.stop()).toEqual([]);
    vi.useRealTimers();
  }, 15_000);
});
