import { act, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { useValueAfterPaint } from './use-value-after-paint';

function Shown({ value }: { value: number }) {
  return <p>{useValueAfterPaint(value)}</p>;
}

describe('a value that follows after the paint', () => {
  it('keeps the old value until the next frame has been painted, then catches up', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const { rerender } = render(<Shown value={1} />);
    rerender(<Shown value={2} />);
    expect(screen.getByText('1')).toBeInTheDocument();
    await act(async () => {
      // A frame (requestAnimationFrame is faked at 16 ms), then the task after it.
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByText('2')).toBeInTheDocument();
    vi.useRealTimers();
  });
});
