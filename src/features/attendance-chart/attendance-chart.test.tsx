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
  it('is an image named "Attendance over time" whose line steps 1 → 2 → 1 at the right moments', () => {
    render(<AttendanceChart series={series()} />);
    const chart = screen.getByRole('img', { name: 'Attendance over time' });
    const line = chart.querySelector('path[data-series="attendance"]')?.getAttribute('d') ?? '';
    // M0 y(1), then a step up to the peak at 12:01, down at 12:02, level to 12:03 (now).
    const [start, ...steps] = line.split(/(?=[HV])/);
    const oneY = Number(start?.split(' ')[1]);
    const width = Number(steps[steps.length - 2]?.slice(1));
    expect(start).toMatch(/^M0 /);
    expect(oneY).toBeGreaterThan(0);
    expect(steps).toEqual([
      `H${Math.round(width / 3)}`,
      'V0',
      `H${Math.round((2 * width) / 3)}`,
      `V${oneY}`,
      `H${width}`,
      `V${oneY}`,
    ]);
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
