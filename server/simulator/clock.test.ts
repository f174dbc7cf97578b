import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunningClock } from './clock.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the running clock', () => {
  it('runs at the speed asked for from its start', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = new RunningClock({ speed: 10, startMs: 5_000 });
    vi.advanceTimersByTime(1_500);
    expect(clock.now()).toBe(20_000);
  });

  it('jumps forward, holds still and runs on from where it was held', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = new RunningClock();
    clock.jump(600_000);
    expect(clock.now()).toBe(1_600_000);
    clock.hold();
    vi.advanceTimersByTime(5_000);
    clock.jump(1_000);
    expect(clock.now()).toBe(1_601_000);
    clock.release();
    vi.advanceTimersByTime(2_000);
    expect(clock.now()).toBe(1_603_000);
  });
});
