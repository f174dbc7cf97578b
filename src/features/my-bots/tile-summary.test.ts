import { createAttendanceStore } from '../../domain/attendance-store';
import { makeEvent } from '../../domain/event-fixtures';
import { sparklinePath, tileSummary } from './tile-summary';

const T = Date.UTC(2025, 0, 18, 12);

describe('a wall tile’s summary', () => {
  it('counts, finds the peak, the host and the newest join or leave, as the dashboard does', () => {
    const store = createAttendanceStore();
    store.receivePage({
      events: [
        makeEvent('pe_1', 'u1', 'join', T, { participant_name: 'Ada', participant_is_host: true }),
        makeEvent('pe_2', 'u2', 'join', T + 1000, { participant_name: 'Bob' }),
        makeEvent('pe_3', 'u3', 'join', T + 2000, { participant_name: 'Cy' }),
        makeEvent('pe_4', 'u1', 'leave', T + 3000, {
          participant_name: 'Ada',
          participant_is_host: true,
        }),
        makeEvent('pe_5', 'u2', 'speech_start', T + 4000, { participant_name: 'Bob' }),
      ],
      rejected: [],
    });
    const summary = tileSummary(store, T + 5000);
    expect(summary.present).toBe(2);
    expect(summary.peak).toBe(3);
    expect(summary.hostPresent).toBe(false);
    expect(summary.lastChange).toEqual({ name: 'Ada', kind: 'left', atMs: T + 3000 });
    expect(summary.points.at(-1)).toEqual({ atMs: T + 5000, count: 2 });
  });

  it('has nothing to say before any event', () => {
    const summary = tileSummary(createAttendanceStore(), T);
    expect(summary).toMatchObject({ present: 0, peak: 0, hostPresent: false, lastChange: null });
    expect(sparklinePath(summary.points, 100, 20)).toBe('');
  });
});

describe('the attendance line', () => {
  it('steps up and down across the box', () => {
    const points = [
      { atMs: 0, count: 0 },
      { atMs: 50, count: 2 },
      { atMs: 100, count: 1 },
    ];
    expect(sparklinePath(points, 100, 20)).toBe('M0 20H50V0H100V10H100');
  });

  it('draws one step per pixel column however many points fall in it', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ atMs: i, count: i % 7 }));
    const path = sparklinePath(points, 120, 24);
    expect(path.split('V').length - 1).toBeLessThanOrEqual(121);
  });
});
