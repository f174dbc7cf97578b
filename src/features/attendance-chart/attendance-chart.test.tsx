import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEvent } from '../../domain/event-fixtures';
import { attendanceSeries } from '../../domain/insights/attendance-series';
import { createInsightsFeed } from '../../domain/insights/insights-fixtures';
import { AttendanceChart } from './attendance-chart';

const START = new Date(2026, 10, 24, 12, 0, 0).getTime();

function series() {
  const { insights } = createInsightsFeed([
    makeEvent('pe_1', 'a', 'join', START),
    makeEvent('pe_2', 'b', 'join', START + 60_000),
    makeEvent('pe_3', 'a', 'leave', START + 120_000),
  ]);
  return attendanceSeries(insights, START + 180_000);
}

describe('the attendance chart', () => {
  it('is an image named "Attendance over time" with the line and the peak drawn', () => {
    render(<AttendanceChart series={series()} />);
    const chart = screen.getByRole('img', { name: 'Attendance over time' });
    expect(chart.querySelector('path[data-series="attendance"]')?.getAttribute('d')).toMatch(
      /^M0 /,
    );
    expect(chart).toHaveAccessibleDescription(/Peak 2 at 12:01:00; 1 now\./);
  });

  it('reads out the time and count on keyboard focus, and arrows move it', async () => {
    const user = userEvent.setup();
    render(<AttendanceChart series={series()} />);
    await user.tab();
    const chart = screen.getByRole('img', { name: 'Attendance over time' });
    expect(chart).toHaveFocus();
    expect(screen.getByText('12:03:00 · 1 present')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('12:02:00 · 1 present')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('12:01:00 · 2 present')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(screen.getByText('12:00:00 · 1 present')).toBeInTheDocument();
    expect(chart).toHaveAccessibleDescription(/12:00:00 · 1 present/);
  });

  it('says so before any event', () => {
    render(<AttendanceChart series={{ points: [], peak: null, marks: [] }} />);
    expect(screen.getByText('No events yet.')).toBeInTheDocument();
  });
});
