import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { makeEvent } from '../../domain/event-fixtures';
import { createInsightsFeed } from '../../domain/insights/insights-fixtures';
import { participantRows } from '../../domain/insights/participant-rows';
import { clockTime } from '../../lib/clock-time';
import { parseCsv } from '../../domain/expected/expected-list';
import { ExpectedAttendeesPanel } from './expected-attendees-panel';
import { expectedListStorageKey, useExpectedList } from './expected-list-storage';

const START = Date.UTC(2026, 10, 24, 9, 0);
const MINUTE = 60_000;
const KEY = expectedListStorageKey('attendee', 'bot_class7');

function meetingRows() {
  const named = (name: string) => ({ participant_name: name });
  const { insights } = createInsightsFeed([
    makeEvent('pe_1', 'a', 'join', START, named('Ada Okafor')),
    makeEvent('pe_2', 'b', 'join', START + 9 * MINUTE, named('jose garcia (he/him)')),
    makeEvent('pe_3', 'c', 'join', START + MINUTE, named('Chen Wei')),
    makeEvent('pe_4', 'c', 'leave', START + 20 * MINUTE, named('Chen Wei')),
    makeEvent('pe_5', 'd', 'join', START + 2 * MINUTE, named('Galaxy S24')),
  ]);
  return participantRows(insights, START + 30 * MINUTE);
}

function Harness() {
  const [settings, setSettings] = useExpectedList(KEY);
  const rows = meetingRows();
  return (
    <section aria-labelledby="expected-heading">
      <h2 id="expected-heading">Expected attendees</h2>
      <ExpectedAttendeesPanel
        botId="bot_class7"
        settings={settings}
        onSettingsChange={setSettings}
        rows={rows}
        readRows={() => rows}
        meetingStartMs={START}
        labelledBy="expected-heading"
      />
    </section>
  );
}

function count(label: string) {
  return screen.getByLabelText(label, { selector: 'dd' }).textContent;
}

function statusOf(expectedName: string) {
  const row = screen.getByRole('rowheader', { name: expectedName }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

async function pasteList(user: ReturnType<typeof userEvent.setup>, names: string) {
  await user.click(screen.getByRole('button', { name: 'Add expected attendees' }));
  await user.click(screen.getByLabelText('Names, one a line'));
  await user.paste(names);
  await user.click(screen.getByRole('button', { name: 'Save the list' }));
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('the expected attendees panel', () => {
  it('explains itself when empty, then shows each pasted name’s status and the counts', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByText(/see live who is missing, who came late/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();

    await pasteList(user, 'Okafor, Ada\nJosé García\nChen Wei\nDana Ruiz');

    expect(statusOf('Okafor, Ada').slice(0, 2)).toEqual(['Herefrom the start', 'Ada Okafor']);
    expect(statusOf('José García').slice(0, 3)).toEqual([
      'Herelate',
      'jose garcia (he/him)',
      clockTime(START + 9 * MINUTE),
    ]);
    expect(statusOf('Chen Wei')[0]).toBe('Not hereleft early');
    expect(statusOf('Dana Ruiz')[0]).toBe('Not herenot seen');
    expect([
      count('Expected'),
      count('Here'),
      count('Not here'),
      count('Late'),
      count('Left early'),
      count('Not on the list'),
    ]).toEqual(['4', '2', '2', '1', '1', '1']);
    expect(
      within(screen.getByRole('list', { name: /Not on the list, here now/ })).getByText(
        'Galaxy S24',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the list for this bot on this device, and clears it after asking', async () => {
    const user = userEvent.setup();
    const first = render(<Harness />);
    await pasteList(user, 'Ada Okafor');
    first.unmount();

    render(<Harness />);
    expect(screen.getByRole('rowheader', { name: 'Ada Okafor' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the list' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('rowheader', { name: 'Ada Okafor' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the list' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear it' }));
    expect(screen.getByRole('button', { name: 'Add expected attendees' })).toBeInTheDocument();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('loads a CSV file with a header, quoted names and emails', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add expected attendees' }));
    const file = new File(
      ['Name,Email\r\n"Okafor, Ada",ada@example.org\r\nDana Ruiz,\r\n'],
      'class.csv',
      {
        type: 'text/csv',
      },
    );
    await user.upload(screen.getByLabelText('Or load a CSV file'), file);
    expect(await screen.findByRole('rowheader', { name: 'Okafor, Ada' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Dana Ruiz' })).toBeInTheDocument();
    expect(count('Expected')).toBe('2');
  });

  it('says why a CSV file could not be used, and keeps the editor open', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add expected attendees' }));
    await user.upload(
      screen.getByLabelText('Or load a CSV file'),
      new File([''], 'empty.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not read empty.csv: The file is empty.',
    );
    expect(screen.getByLabelText('Names, one a line')).toBeInTheDocument();
  });

  it('matches an unmatched name by hand, and undoes it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await pasteList(user, 'Ada Okafor\nBruno Lefèvre');
    expect(count('Not on the list')).toBe('2');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Match Bruno Lefèvre by hand' }),
      'Galaxy S24',
    );
    expect(statusOf('Bruno Lefèvre')[1]).toMatch(/^Galaxy S24matched by hand/);
    expect(count('Not on the list')).toBe('1');
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').manual).toEqual([
      { line: 1, expectedName: 'Bruno Lefèvre', personKey: 'participant:d' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Undo the match of Bruno Lefèvre' }));
    expect(statusOf('Bruno Lefèvre')[0]).toBe('Not herenot seen');
  });

  it('recounts who is late when the organiser changes N', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await pasteList(user, 'Ada Okafor\nJosé García');
    expect(count('Late')).toBe('1');
    const late = screen.getByLabelText('Late after (minutes)');
    await user.clear(late);
    await user.type(late, '10');
    expect(count('Late')).toBe('0');
  });

  it('exports the attendance report as CSV', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    render(<Harness />);
    await pasteList(user, 'Ada Okafor\nDana Ruiz');
    await user.click(screen.getByRole('button', { name: 'Export attendance report' }));

    expect(names).toEqual([
      expect.stringMatching(/^attendee-bot_class7-attendance-report-\d{8}-\d{6}\.csv$/),
    ]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^expected_name,email,matched_participant,status,first_joined,/);
    expect(lines[1]).toMatch(/^Ada Okafor,,Ada Okafor,"Here, from the start",/);
    expect(lines[2]).toBe('Dana Ruiz,,,"Not here, not seen",,,,');
    // Then everyone who came and is on no line: those still here first.
    expect(
      parseCsv(text)
        .slice(3)
        .map((record) => record.slice(0, 4)),
    ).toEqual([
      ['', '', 'Galaxy S24', 'Not on the list'],
      ['', '', 'jose garcia (he/him)', 'Not on the list'],
      ['', '', 'Chen Wei', 'Not on the list, left'],
    ]);
  });
});
