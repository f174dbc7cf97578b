import { afterEach, vi } from 'vitest';
import { whenIdle } from './when-idle';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('work for when the page is idle', () => {
  it('waits for the browser to be idle, at most the time given, and can be called off', () => {
    const idle: { run: () => void; timeout: number | undefined }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
      idle.push({ run, timeout: options?.timeout });
      return idle.length;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
    const task = vi.fn();

    whenIdle(task, 500);
    expect(task).not.toHaveBeenCalled();
    expect(idle[0]?.timeout).toBe(500);
    idle[0]?.run();
    expect(task).toHaveBeenCalledTimes(1);

    const cancel = whenIdle(task);
    cancel();
    expect(cancelled).toEqual([2]);
  });

  it('runs after the next paint where the browser cannot say when it is idle, unless called off', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
    const task = vi.fn();
    whenIdle(task);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(1);

    const never = vi.fn();
    whenIdle(never)();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(never).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
