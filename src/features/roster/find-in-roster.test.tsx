import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ParticipantState } from '../../domain/attendance-state';
import { FindInRoster } from './find-in-roster';

const NOW = Date.UTC(2026, 10, 24, 10);

function present(uuid: string, name: string | null): ParticipantState {
  return {
    uuid,
    userUuid: null,
    name,
    isHost: false,
    present: true,
    joinedAtMs: NOW - 60_000,
    speaking: false,
    firstSeenSeq: Number(uuid),
  };
}

const everyone = [
  present('1', 'José García'),
  present('2', 'Mariana Costa'),
  present('3', 'Ada Okafor'),
  present('4', null),
];

function renderRoster(participants = everyone) {
  render(
    <FindInRoster
      participants={participants}
      nowMs={NOW}
      endedAtMs={null}
      emptyMessage="Nobody is in the meeting."
    />,
  );
}

function listedNames(): string[] {
  return screen
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.font-medium')?.textContent ?? '');
}

describe('finding a person in the roster', () => {
  it('narrows the roster as you type, ignoring case, accents and word order, and says N of M', async () => {
    const user = userEvent.setup();
    renderRoster();
    expect(listedNames()).toHaveLength(4);

    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'garcia jose');
    expect(listedNames()).toEqual(['José García']);
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
    // The roster's own count follows the narrowed data, not the rows left in the DOM.
    expect(screen.getByRole('listitem')).toHaveAttribute('aria-setsize', '1');

    await user.clear(screen.getByRole('searchbox', { name: 'Find a person' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'a');
    expect(listedNames()).toEqual(['José García', 'Mariana Costa', 'Ada Okafor']);
    expect(screen.getByText('3 of 4')).toBeInTheDocument();
  });

  it('says when nobody present matches, and shows everyone again once cleared', async () => {
    const user = userEvent.setup();
    renderRoster();
    const box = screen.getByRole('searchbox', { name: 'Find a person' });
    await user.type(box, 'Dana');
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(screen.getByText('Nobody here now matches “Dana”.')).toBeInTheDocument();
    expect(screen.getByText('0 of 4')).toBeInTheDocument();
    await user.clear(box);
    expect(listedNames()).toHaveLength(4);
    expect(screen.queryByText(/ of 4$/)).toBeNull();
  });

  it('offers no search while nobody is present', () => {
    renderRoster([]);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.getByText('Nobody is in the meeting.')).toBeInTheDocument();
  });
});
