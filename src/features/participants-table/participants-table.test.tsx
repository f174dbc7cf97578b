import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { ParticipantsTable } from './participants-table';

function row(name: string | null, overrides: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    key: `participant:${name}`,
    name,
    userUuid: null,
    participantUuids: [String(name)],
    isHost: false,
    present: true,
    firstJoinMs: 1_000,
    lastLeaveMs: null,
    timePresentMs: 60_000,
    sessions: 1,
    talkTimeMs: 0,
    asOfMs: 61_000,
    ...overrides,
  };
}

const rows = [
  row('Ada', { firstJoinMs: 1_000, timePresentMs: 300_000, sessions: 2, isHost: true }),
  row('Émile', { firstJoinMs: 2_000, timePresentMs: 30_000, present: false, lastLeaveMs: 32_000 }),
  row('bob', { firstJoinMs: 3_000, timePresentMs: 120_000, talkTimeMs: 45_000 }),
];

function renderTable(shownRows = rows) {
  render(
    <>
      <h2 id="heading">Participants</h2>
      <ParticipantsTable rows={shownRows} nowMs={61_000} labelledBy="heading" />
    </>,
  );
  return screen.getByRole('table', { name: 'Participants' });
}

function names(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tableRow) => within(tableRow).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('the participants table', () => {
  it('lists everyone who attended, by first join, with how long and whether still here', () => {
    const table = renderTable();
    expect(names(table)).toEqual(['Ada', 'Émile', 'bob']);
    expect(table).toHaveAttribute('aria-rowcount', '4');
    const emile = within(table).getAllByRole('row')[2]!;
    expect(emile).toHaveTextContent('30 s');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/Host.*present.*5 min 00 s/);
  });

  it('sorts by any column from its header button, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    const table = renderTable();
    const timeHeader = within(table).getByRole('columnheader', { name: /Time present/ });
    expect(timeHeader).toHaveAttribute('aria-sort', 'none');

    await user.click(within(timeHeader).getByRole('button'));
    expect(timeHeader).toHaveAttribute('aria-sort', 'descending');
    expect(names(table)).toEqual(['Ada', 'bob', 'Émile']);

    await user.click(within(timeHeader).getByRole('button'));
    expect(timeHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(names(table)).toEqual(['Émile', 'bob', 'Ada']);

    await user.click(within(table).getByRole('button', { name: /Name/ }));
    expect(names(table)).toEqual(['Ada', 'bob', 'Émile']);
    expect(within(table).getByRole('columnheader', { name: /Time present/ })).toHaveAttribute(
      'aria-sort',
      'none',
    );

    await user.click(within(table).getByRole('button', { name: /Last left/ }));
    expect(names(table)[0]).toBe('Émile');
    await user.click(within(table).getByRole('button', { name: /Talk time/ }));
    expect(names(table)[0]).toBe('bob');
  });

  it('filters by name, ignoring case and accents', async () => {
    const user = userEvent.setup();
    const table = renderTable();
    await user.type(screen.getByLabelText('Filter by name'), 'EMI');
    expect(names(table)).toEqual(['Émile']);
    expect(screen.getByText('1 of 3 people')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Filter by name'));
    await user.type(screen.getByLabelText('Filter by name'), 'zed');
    expect(screen.getByText('Nobody by that name.')).toBeInTheDocument();
  });

  it('renders only the rows on screen for 5,000 people, keeping the row count', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      row(`Person ${index}`, { firstJoinMs: index }),
    );
    const table = renderTable(many);
    const rendered = within(table).getAllByRole('row');
    expect(rendered.length).toBeLessThan(60);
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    expect(rendered[1]).toHaveAttribute('aria-rowindex', '2');
  });
});
