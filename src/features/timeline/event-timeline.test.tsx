import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { applyEvents, createAttendanceState } from '../../domain/attendance-state';
import { makeEvent } from '../../domain/event-fixtures';
import { EventTimeline } from './event-timeline';
import { TimelineFilters } from './timeline-filters';
import { NO_FILTER, type TimelineFilter } from './timeline-filter';

function meeting() {
  const state = createAttendanceState();
  applyEvents(state, [
    makeEvent('pe_1', 'h', 'join', 1_000, { participant_name: 'Hedy', participant_is_host: true }),
    makeEvent('pe_2', 'a', 'join', 2_000, { participant_name: null }),
    makeEvent('pe_3', 'a', 'speech_start', 3_000, { participant_name: null }),
    makeEvent('pe_4', 'a', 'hand_raised', 4_000, { participant_name: null }),
    makeEvent('pe_5', 'a', 'leave', 5_000, { participant_name: null }),
  ]);
  return state;
}

describe('the timeline', () => {
  it('lists what happened newest first, in words, with speech hidden by default', () => {
    const state = meeting();
    render(<EventTimeline state={state} version={state.version} view={{ includeSpeech: false }} />);
    const rows = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Unnamed participant\s*left$/),
      expect.stringMatching(/Unnamed participant\s*sent a "hand_raised" event$/),
      expect.stringMatching(/Unnamed participant\s*joined$/),
      expect.stringMatching(/Hedy\s*Host\s*joined$/),
    ]);
    expect(rows[0]!.querySelector('time')!.textContent).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('shows speech when asked', () => {
    const state = meeting();
    render(<EventTimeline state={state} version={state.version} view={{ includeSpeech: true }} />);
    const rows = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toHaveTextContent(/started speaking/);
  });

  it('says so when nothing has happened yet', () => {
    const state = createAttendanceState();
    render(<EventTimeline state={state} version={state.version} view={{ includeSpeech: false }} />);
    expect(screen.getByText(/No events yet/)).toBeInTheDocument();
  });
});

describe('the timeline’s filters', () => {
  it('narrows to a person picked by clicking their name, and shows a chip that clears it', async () => {
    const state = meeting();
    function Filtered() {
      const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
      return (
        <>
          <TimelineFilters filter={filter} onChange={setFilter} />
          <EventTimeline
            state={state}
            version={state.version}
            view={{ includeSpeech: false }}
            filter={filter}
            onPickParticipant={(participant) => setFilter({ ...filter, participant })}
          />
        </>
      );
    }
    const user = userEvent.setup();
    render(<Filtered />);
    const timeline = () => within(screen.getByRole('list', { name: 'Timeline' }));
    await user.click(timeline().getByRole('button', { name: 'Hedy' }));
    expect(timeline().getAllByRole('listitem')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Clear the filter on Hedy' }));
    expect(timeline().getAllByRole('listitem')).toHaveLength(4);

    await user.selectOptions(screen.getByLabelText('Event type'), 'Speaking');
    expect(timeline().getAllByRole('listitem')).toHaveLength(1);
    expect(timeline().getByRole('listitem')).toHaveTextContent(/started speaking/);

    await user.selectOptions(screen.getByLabelText('Event type'), 'All events');
    await user.type(screen.getByLabelText('Search events'), 'hand_raised');
    expect(timeline().getAllByRole('listitem')).toHaveLength(1);
    await user.type(screen.getByLabelText('Search events'), 'x');
    expect(screen.getByText('No events match these filters.')).toBeInTheDocument();
  });
});
