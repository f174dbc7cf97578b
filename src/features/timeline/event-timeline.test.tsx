import { render, screen, within } from '@testing-library/react';
import { applyEvents, createAttendanceState } from '../attendance/attendance-state';
import { makeEvent } from '../attendance/event-fixtures';
import { EventTimeline } from './event-timeline';

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
